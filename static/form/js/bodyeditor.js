// The body card: the ProseMirror editor (static/form/editor/, built from
// frontend/) with its toolbar, kept mounted across the form's re-renders;
// its content goes back into the plan shortly after each change.

import { createBodyEditor, SUB_PARTS } from "../editor/editor.js";
import { importClipboard } from "./api.js";
import { h } from "./dom.js";
import { notify } from "./notice.js";
import { toolbarLink } from "./sections.js";

const KINDS = [
  ["paragraph", "Đoạn văn"],
  ["heading:1", "Đề mục cấp I."],
  ["heading:2", "Đề mục cấp 1."],
  ["heading:3", "Đề mục cấp 1.1."],
  ["heading:4", "Đề mục cấp 1.1.1."],
  ["point", "Điểm a), b), c)"],
  ["bullet", "Gạch đầu dòng (-)"],
  ["subbullet", "Gạch đầu dòng (+)"],
];

/** Named parts, as clerks call them; "—" marks the parts inside a part. */
const PARTS = [
  ["section", "Mục thường"],
  ["purposes_requirements", "Mục đích, yêu cầu"],
  ["purposes", "— Mục đích"],
  ["requirements", "— Yêu cầu"],
  ["targets", "Mục tiêu"],
  ["general", "— Mục tiêu tổng quát"],
  ["specific", "— Mục tiêu cụ thể"],
  ["tasks", "Nhiệm vụ và giải pháp"],
  ["assignments", "Tổ chức thực hiện"],
  ["agency", "— Cơ quan thực hiện"],
  ["closing", "— Phần kết (không đánh số)"],
  ["budget", "Kinh phí"],
  ["reporting", "Chế độ thông tin, báo cáo"],
];

const SYNC_MS = 150;

/**
 * ctx: the form's editing context; footnoteText(current) -> Promise<string|null>
 * asks for a footnote's text; onHeadings() after the headings may have changed.
 */
export function createBodyCard(ctx, { footnoteText, onHeadings }) {
  const schema = ctx.schema;
  const defaults = {
    section: "(không có tên mục: số mục đứng trước đoạn đầu)",
    agency: "Tên cơ quan, đơn vị",
    closing: "Phần kết của “Tổ chức thực hiện”",
  };
  for (const [type, def] of Object.entries({
    purposes_requirements: "PurposesRequirements", targets: "Targets", tasks: "Tasks",
    assignments: "Assignments", budget: "Budget", reporting: "Reporting",
    purposes: "Purposes", requirements: "Requirements", general: "GeneralTargets", specific: "SpecificTargets",
  })) {
    try {
      defaults[type] = `${schema.field(def, "heading").default} (tên mặc định)`;
    } catch {
      defaults[type] = PARTS.find(([kind]) => kind === type)[1];
    }
  }
  const limits = {
    paragraph: schema.field("Paragraph", "text").maxLength,
    heading: schema.field("Section", "heading").maxLength,
  };

  const kind = h("select", { id: "body-kind", class: "input input-select" },
    KINDS.map(([value, label]) => h("option", { value }, label)));
  const part = h("select", { id: "body-part", class: "input input-select" },
    PARTS.map(([value, label]) => h("option", { value }, label)));
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
    const text = await footnoteText(current);
    if (text) editor.footnote(text);
    else editor.focus();
  });
  const undoButton = tool("↶", "Hoàn tác (Ctrl+Z)", () => editor.undo());
  const redoButton = tool("↷", "Làm lại (Ctrl+Y)", () => editor.redo());

  const mount = h("div", { class: "pm-mount", dataset: { path: "body", title: "Nội dung kế hoạch" } });
  const card = h("section", { class: "card card-body", id: "sec-body", "aria-labelledby": "sec-body-title", dataset: { title: "Nội dung kế hoạch" } },
    h("h2", { id: "sec-body-title", class: "card-title" }, "Nội dung kế hoạch"),
    toolbarLink(),
    h("p", { class: "card-intro", id: "body-help" },
      "Soạn như trong Word: Enter sang đoạn mới; Tab / Shift+Tab hạ / nâng cấp (đề mục, điểm, gạch đầu dòng); gõ “a) ”, “- ”, “+ ” ở đầu đoạn để thành điểm hoặc gạch đầu dòng. Số và chữ đánh tự động. Esc rồi Tab để rời khung soạn."),
    h("div", { class: "body-toolbar", role: "toolbar", "aria-label": "Định dạng nội dung kế hoạch" },
      h("span", { class: "field" }, h("label", { for: "body-kind", class: "field-label" }, "Kiểu đoạn"), kind),
      h("span", { class: "field" }, h("label", { for: "body-part", class: "field-label" }, "Phần của kế hoạch"), part),
      lead.wrap, request.wrap, runIn.wrap,
      h("span", { class: "tool-group" }, bold, italic, footnote, undoButton, redoButton)),
    mount);

  let timer = null;
  const sync = () => {
    clearTimeout(timer);
    timer = null;
    ctx.store.set(["body"], editor.read().body, schema.keyOrder("Plan"));
  };
  const editor = createBodyEditor(mount, {
    body: ctx.store.get(["body"]),
    limits,
    label: "Nội dung kế hoạch",
    describedBy: "body-help",
    placeholder: (type) => defaults[type] || "Tên mục",
    emptyText: (node) => (node.type.name === "paragraph" ? "Gõ nội dung…" : ""),
    recognize: importClipboard,
    notify: (message, type) => notify(message, { kind: type }),
    onChange() {
      clearTimeout(timer);
      timer = setTimeout(sync, SYNC_MS);
      onHeadings();
    },
    onSelection(info) {
      kind.value = info.type === "heading" ? `heading:${Math.min(4, info.attrs.level)}` : info.type;
      const isHeading = info.type === "heading";
      part.disabled = !isHeading;
      part.value = isHeading ? info.attrs.kind : "section";
      // A part inside a part is offered only under its own part ("Mục đích" under "Mục đích, yêu cầu").
      for (const option of part.options) {
        const sub = SUB_PARTS[option.value];
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
    },
  });
  kind.addEventListener("change", () => editor.setKind(kind.value));
  part.addEventListener("change", () => editor.setHeading({ kind: part.value }));

  return {
    card,
    editor,
    /** Write pending edits into the plan now (before saving or sending it). */
    flush() {
      if (timer !== null) sync();
    },
    load(body) {
      clearTimeout(timer);
      timer = null;
      editor.load(body);
      onHeadings();
    },
  };
}
