// The ProseMirror schema of the body: one flat list of paragraphs whose
// attributes carry the plan's structure (see structure.js), and the tables
// standing between them as single blocks. `depth` (paragraphs, points,
// bullets, tables): the level of the heading whose content holds the node
// when it is not the nearest one above (an article's paragraph after its
// clauses), else null.

import { Schema } from "prosemirror-model";

const cls = (base, attrs) => [base, attrs.attached ? "pm-attached" : ""].filter(Boolean).join(" ");

export const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    paragraph: {
      group: "block", content: "inline*", attrs: { attached: { default: false }, depth: { default: null }, extra: { default: null } },
      parseDOM: [{ tag: "p" }],
      toDOM: (node) => ["p", { class: cls("pm-p", node.attrs) }, 0],
    },
    heading: {
      group: "block", content: "inline*", defining: true,
      attrs: {
        level: { default: 1 }, kind: { default: "section" }, run_in: { default: false },
        lead: { default: false }, request: { default: false }, extra: { default: null },
      },
      parseDOM: [1, 2, 3, 4].map((level) => ({ tag: `h${level + 2}`, attrs: { level } })),
      toDOM: (node) => ["p", { class: `pm-h pm-h${node.attrs.level}`, "data-kind": node.attrs.kind, role: "heading", "aria-level": String(node.attrs.level + 2) }, 0],
    },
    raw: {
      group: "block", atom: true, selectable: true, attrs: { value: { default: null }, level: { default: 1 } },
      toDOM: () => ["div", { class: "pm-raw", contenteditable: "false" },
        "Phần này không đọc được nên được giữ nguyên như trong tệp; xem thông báo lỗi để sửa, hoặc chọn rồi xóa."],
    },
    // A table or a task matrix: one block of the text, edited by its own
    // editor (editor/view/blockview.js); the block itself rides in `value`.
    // Its DOM form carries the block, so a copy and paste inside the editor keeps it.
    tableblock: {
      group: "block", atom: true, selectable: true, attrs: { value: { default: null }, attached: { default: false }, depth: { default: null } },
      parseDOM: [{
        tag: "div[data-pm-block]",
        getAttrs: (dom) => {
          try {
            return { value: JSON.parse(dom.getAttribute("data-pm-block")), attached: dom.hasAttribute("data-attached") };
          } catch {
            return false;
          }
        },
      }],
      toDOM: (node) => ["div", { "data-pm-block": JSON.stringify(node.attrs.value), "data-attached": node.attrs.attached ? "" : null }],
    },
    point: {
      group: "block", content: "inline*", attrs: { restart: { default: false }, depth: { default: null }, extra: { default: null } },
      toDOM: () => ["p", { class: "pm-point" }, 0],
    },
    bullet: {
      group: "block", content: "inline*", attrs: { attached: { default: false }, restart: { default: false }, depth: { default: null } },
      parseDOM: [{ tag: "li" }],
      toDOM: (node) => ["p", { class: cls("pm-bullet", node.attrs) }, 0],
    },
    subbullet: {
      group: "block", content: "inline*",
      toDOM: () => ["p", { class: "pm-subbullet" }, 0],
    },
    footnote: {
      group: "inline", inline: true, atom: true, selectable: true, attrs: { text: { default: "" } },
      parseDOM: [{ tag: "sup[data-footnote]", getAttrs: (dom) => ({ text: dom.getAttribute("data-footnote") }) }],
      toDOM: (node) => ["sup", { class: "pm-footnote", "data-footnote": node.attrs.text, title: `Chú thích: ${node.attrs.text}` }],
    },
    text: { group: "inline" },
  },
  marks: {
    strong: {
      parseDOM: [{ tag: "strong" }, { tag: "b" }, { style: "font-weight=bold" }, { style: "font-weight=700" }],
      toDOM: () => ["strong", 0],
    },
    em: {
      parseDOM: [{ tag: "em" }, { tag: "i" }, { style: "font-style=italic" }],
      toDOM: () => ["em", 0],
    },
  },
});
