// Paste from Word: several paragraphs go, as they came, to the server's
// recognizer (POST /import/clipboard), which turns typed labels and Word's
// own lists into blocks; the blocks come back into the document at the
// caret, at the level their first label claims ("4." beside the headings
// "3.", "II." at the top) or else under the caret's heading. Nothing of
// Word's HTML is parsed into this page for that (its inline styles would
// break the page's Content-Security-Policy); one line of text stays a local
// paste, its bold and italic kept as tags and every style attribute dropped.
// A range of cells (an HTML table and nothing else, or lines of
// tab-separated cells) goes to POST /import/table instead and becomes a
// table — or a task matrix, when its headers name one — at the caret.

import { Fragment, Slice } from "prosemirror-model";
import { Plugin } from "prosemirror-state";

import { isTablePaste } from "../../model/tsv.js";
import { claimedLevel } from "../model/labels.js";
import { schema } from "../model/schema.js";
import { headingAbove, insertBlock, kindAt } from "./commands.js";

/** Does this clipboard content hold more than one paragraph? */
export function isMultiParagraph(html, text) {
  if (text && /\S[^\S\n]*\r?\n\s*\S/.test(text.trim())) return true;
  if (!html) return false;
  const blocks = html.match(/<(p|li|h[1-6])[\s>]/gi) || [];
  return blocks.length > 1;
}

/** Word's HTML without what the page's CSP refuses (style elements and
 * attributes), its bold and italic spans kept as <b> and <i>. */
export function withoutStyles(html) {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, "")
    .replace(/<span\b[^>]*style=(["'])[^"']*font-weight:\s*(?:bold|[6-9]00)[^"']*\1[^>]*>([\s\S]*?)<\/span>/gi, "<b>$2</b>")
    .replace(/<span\b[^>]*style=(["'])[^"']*font-style:\s*italic[^"']*\1[^>]*>([\s\S]*?)<\/span>/gi, "<i>$2</i>")
    .replace(/\s+style=("[^"]*"|'[^']*'|[^\s>]+)/gi, "");
}

/** The blocks as document nodes at `index`: levels moved so that the first
 * heading stands where its label says (never deeper than one level under
 * the heading above), else one level under the heading above. */
function nodesFor(blocks, doc, index, structure, text) {
  const above = headingAbove(doc, index + 1);
  const deepest = above ? above.attrs.level + 1 : 1;
  const json = structure.bodyToDoc(blocks).content;
  const first = json.find((node) => node.type === "heading");
  let shift = deepest - 1;
  if (first && json[0] === first) {
    const claimed = claimedLevel(text.split(/\r?\n/).find((line) => line.trim()));
    shift = Math.min(claimed ?? deepest, deepest) - first.attrs.level;
  }
  // What the blocks place after their headings (depth) moves with them.
  const moved = json.map((node) => (node.type === "heading"
    ? { ...node, attrs: { ...node.attrs, level: Math.min(4, Math.max(1, node.attrs.level + shift)) } }
    : node.attrs?.depth != null ? { ...node, attrs: { ...node.attrs, depth: Math.max(0, node.attrs.depth + shift) } } : node));
  return moved.map((node) => schema.nodeFromJSON(node));
}

/** Headings that landed right under "Tổ chức thực hiện" are its agencies. */
function settleKinds(tr, from, count) {
  for (let index = from; index < from + count && index < tr.doc.childCount; index += 1) {
    const node = tr.doc.child(index);
    if (node.type !== schema.nodes.heading) continue;
    const kind = kindAt(tr.doc, index, node.attrs.level, node.attrs.kind);
    if (kind !== node.attrs.kind) {
      let pos = 0;
      for (let i = 0; i < index; i += 1) pos += tr.doc.child(i).nodeSize;
      tr.setNodeMarkup(pos, null, { ...node.attrs, kind });
    }
  }
}

/** options: recognize({html, text}) -> {blocks, warnings}; notify(message,
 * kind); structure (model/structure.js); recognizeTable({html, text}) ->
 * {block, warnings} and reportTable(block, warnings) where tables may stand;
 * underPoint: the block types a point may hold. */
export function pastePlugin({ recognize, notify, structure, recognizeTable, reportTable, underPoint }) {
  const insert = (view, nodes) => {
    const { state } = view;
    const tr = state.tr.replaceSelection(new Slice(Fragment.fromArray(nodes), 0, 0));
    const first = tr.doc.resolve(tr.mapping.map(state.selection.from, -1)).index(0);
    settleKinds(tr, first, nodes.length + 1);
    view.dispatch(tr.scrollIntoView());
  };
  // When the server cannot be reached nothing is lost: the lines go in as plain paragraphs.
  const insertLines = (view, text) => {
    const lines = text.split(/\r?\n/).map((line) => line.replace(/\t+/g, " ").trim()).filter(Boolean);
    insert(view, lines.map((line) => schema.nodes.paragraph.create({}, schema.text(line))));
    return lines.length;
  };
  return new Plugin({
    props: {
      transformPastedHTML: withoutStyles,
      handleDOMEvents: {
        paste(view, event) {
          const html = event.clipboardData?.getData("text/html") || "";
          const text = event.clipboardData?.getData("text/plain") || "";
          if (html.includes("data-pm-block")) return false; // a table copied in the editor itself
          if (recognizeTable && isTablePaste(html, text)) {
            event.preventDefault();
            view.dom.setAttribute("aria-busy", "true");
            recognizeTable({ html: html || null, text: text || null })
              .then(({ block, warnings }) => {
                insertBlock(block, underPoint)(view.state, view.dispatch);
                reportTable(block, warnings);
              })
              .catch((error) => {
                const count = insertLines(view, text);
                notify(`Đã dán ${count} dòng thành đoạn văn nhưng chưa tạo được bảng (${error.message}).`, "error");
              })
              .finally(() => view.dom.removeAttribute("aria-busy"));
            return true;
          }
          if (!recognize || !isMultiParagraph(html, text)) return false;
          event.preventDefault();
          view.dom.setAttribute("aria-busy", "true");
          recognize({ html: html || null, text: text || null })
            .then(({ blocks, warnings }) => {
              if (!blocks.length) return;
              const nodes = nodesFor(blocks, view.state.doc, view.state.selection.$from.index(0), structure, text);
              insert(view, nodes);
              const note = warnings.length ? ` Lưu ý: ${warnings.map((warning) => warning.message).join(" ")}` : "";
              notify(`Đã dán ${nodes.length} đoạn, giữ nguyên cấp mục và chữ đậm, nghiêng.${note}`, warnings.length ? "info" : "success");
            })
            .catch((error) => {
              const count = insertLines(view, text);
              notify(`Đã dán ${count} đoạn văn nhưng chưa nhận được cấp mục (${error.message}).`, "error");
            })
            .finally(() => view.dom.removeAttribute("aria-busy"));
          return true;
        },
      },
    },
  });
}
