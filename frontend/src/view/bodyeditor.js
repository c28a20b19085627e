// The body card: the document's body in the rich-text editor, with its
// toolbar (paragraph kind, named part, flags, bold, italic, footnote, undo),
// kept mounted across the form's re-renders. The kinds and parts offered,
// their labels and default headings come from the document kind.

import { importClipboard } from "../api/client.js";
import { insertTools } from "./blocks.js";
import { toolbarLink } from "./cards.js";
import { h } from "./dom.js";
import { notify } from "./notice.js";
import { createRichText } from "./richtext.js";

/** The paragraph kinds of the "Kiểu đoạn" menu, labelled as they print,
 * those the area admits only. */
function kindMenu(documentKind, allowed) {
  const { numbering } = documentKind;
  return [
    ["paragraph", "Đoạn văn"],
    ...documentKind.headingLevels().map(({ level, label }) => [`heading:${level}`, label]),
    ["point", `Điểm ${[0, 1, 2].map((index) => numbering.pointLabel(index)).join(", ")}`],
    ["bullet", "Gạch đầu dòng (-)"],
    ["subbullet", "Gạch đầu dòng (+)"],
  ].filter(([value]) => allowed.has(value.split(":")[0]));
}

/**
 * ctx: the form's editing context; footnoteText(current) -> Promise<string|null>
 * asks for a footnote's text; onHeadings() after the headings may have changed.
 */
export function createBodyCard(ctx, { footnoteText, onHeadings }) {
  const { kind: documentKind, schema } = ctx;
  const partMenu = documentKind.partMenu();
  const title = schema.title(documentKind.root, documentKind.textKey);
  const partOf = `Phần của ${documentKind.title.toLowerCase()}`;
  const placeholders = {
    section: "(không có tên mục: số mục đứng trước đoạn đầu)",
    article: "(không có tiêu đề điều: đoạn đầu in liền sau số điều)",
    clause: "Nội dung khoản",
    agency: schema.defOfType("assignments") && schema.title(schema.refOf(schema.defOfType("assignments"), "agencies"), "name"),
    closing: `${documentKind.label("closing")} của “${documentKind.defaultHeading("assignments")}”`,
  };
  const placeholder = (kind) => placeholders[kind]
    ?? (documentKind.defaultHeading(kind) ? `${documentKind.defaultHeading(kind)} (tên mặc định)` : "Tên mục");

  const part = h("select", { id: "body-part", class: "input input-select" },
    partMenu.map((entry) => h("option", { value: entry.kind }, entry.label)));
  const flag = (id, label, key) => {
    const box = h("input", { type: "checkbox", id, class: "checkbox" });
    box.addEventListener("change", () => editor.setHeading({ [key]: box.checked }));
    return { box, wrap: h("span", { class: "field-check" }, box, h("label", { for: id }, label)) };
  };
  const lead = flag("body-lead", "Chủ trì", "lead");
  const request = flag("body-request", "Đề nghị (cơ quan ngoài)", "request");
  const runIn = flag("body-run-in", "Liền đoạn đầu", "run_in");
  const tool = (text, label, onClick, extra = {}) => h("button", {
    type: "button", class: "btn btn-icon", "aria-label": label, title: label, ...extra,
    on: { mousedown: (event) => event.preventDefault(), click: onClick },
  }, text);

  const bold = tool(h("b", { "aria-hidden": "true" }, "B"), "In đậm (Ctrl+B)", () => editor.toggleBold(), { "aria-pressed": "false" });
  const italic = tool(h("i", { "aria-hidden": "true" }, "I"), "In nghiêng (Ctrl+I)", () => editor.toggleItalic(), { "aria-pressed": "false" });
  const footnote = tool(h("span", { "aria-hidden": "true" }, "¹"), "Chèn chú thích cuối trang", async () => {
    const current = editor.selection().footnote;
    const note = await footnoteText(current);
    if (note) editor.footnote(note);
    else editor.focus();
  });
  const undoButton = tool("↶", "Hoàn tác (Ctrl+Z)", () => editor.undo());
  const redoButton = tool("↷", "Làm lại (Ctrl+Y)", () => editor.redo());

  const text = createRichText(ctx, {
    path: [documentKind.textKey],
    def: documentKind.root,
    key: documentKind.textKey,
    order: schema.keyOrder(documentKind.root),
    title,
    label: title,
    describedBy: "body-help",
    placeholder,
    recognize: importClipboard,
    notify: (message, type) => notify(message, { kind: type }),
    onChange: onHeadings,
    onSelection: (info) => showSelection(info),
  });
  const editor = text.editor;
  const kind = h("select", { id: "body-kind", class: "input input-select" },
    kindMenu(documentKind, text.allowed).map(([value, label]) => h("option", { value }, label)));

  function showSelection(info) {
    kind.value = info.type === "heading" ? `heading:${Math.min(4, info.attrs.level)}` : info.type;
    const isHeading = info.type === "heading";
    part.disabled = !isHeading;
    part.value = isHeading ? info.attrs.kind : "section";
    // A part inside a part is offered only under its own part ("Mục đích" under "Mục đích, yêu cầu").
    for (const option of part.options) {
      const sub = documentKind.subParts[option.value];
      option.disabled = Boolean(sub) && sub.parent !== info.parentKind && option.value !== part.value;
    }
    runIn.box.disabled = !isHeading;
    runIn.box.checked = isHeading && info.attrs.run_in;
    const agency = isHeading && info.attrs.kind === "agency";
    lead.wrap.hidden = !agency;
    request.wrap.hidden = !agency;
    lead.box.checked = agency && info.attrs.lead;
    request.box.checked = agency && info.attrs.request;
    bold.setAttribute("aria-pressed", String(info.marks.has("strong")));
    italic.setAttribute("aria-pressed", String(info.marks.has("em")));
  }

  const card = h("section", { class: "card card-body", id: "sec-body", "aria-labelledby": "sec-body-title", dataset: { title } },
    h("h2", { id: "sec-body-title", class: "card-title" }, title),
    toolbarLink(),
    h("p", { class: "card-intro", id: "body-help" },
      "Soạn như trong Word: Enter sang đoạn mới; Tab / Shift+Tab hạ / nâng cấp (đề mục, điểm, gạch đầu dòng); gõ “a) ”, “- ”, “+ ” ở đầu đoạn để thành điểm hoặc gạch đầu dòng; Alt+Shift+↑ / ↓ chuyển đoạn (hoặc bảng đã chọn) lên, xuống. Số và chữ đánh tự động. Esc rồi Tab để rời khung soạn."),
    h("div", { class: "body-toolbar", role: "toolbar", "aria-label": `Định dạng ${title.toLowerCase()}` },
      h("span", { class: "field" }, h("label", { for: "body-kind", class: "field-label" }, "Kiểu đoạn"), kind),
      partMenu.length ? h("span", { class: "field" }, h("label", { for: "body-part", class: "field-label" }, partOf), part) : null,
      lead.wrap, request.wrap, runIn.wrap,
      h("span", { class: "tool-group" }, bold, italic, footnote, undoButton, redoButton),
      h("span", { class: "tool-group", role: "group", "aria-label": "Chèn bảng" }, insertTools(text, text.types))),
    text.mount);

  kind.addEventListener("change", () => editor.setKind(kind.value));
  part.addEventListener("change", () => editor.setHeading({ kind: part.value }));

  return {
    card,
    editor,
    /** The body as one of the form's rich-text areas (view/richtext.js). */
    area: text,
    flush: () => text.flush(),
    /** Stop editing (the document's kind changed: another card replaces this one). */
    destroy: () => text.destroy(),
    load(body) {
      text.load(body);
      onHeadings();
    },
  };
}
