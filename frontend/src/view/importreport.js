// After "Mở tệp Word…": what the recognizer could not place (warnings) and
// what it corrected to the decree's format (fixes), each a link to its field.

import { h } from "./dom.js";

const panel = () => document.getElementById("import-report");

function entry(item, focusPath) {
  const where = [item.paragraph ? `đoạn ${item.paragraph}` : null, item.excerpt ? `“${item.excerpt}”` : null].filter(Boolean).join(", ");
  const text = where ? `${item.message} (${where})` : item.message;
  if (!item.path) return h("li", {}, text);
  return h("li", {}, h("a", {
    href: "#form-root",
    dataset: { path: item.path },
    on: { click: (event) => { event.preventDefault(); focusPath(item.path); } },
  }, text));
}

/** result: {warnings, fixes} of POST /import; focusPath(path) moves to a field. */
export function showImportReport({ warnings = [], fixes = [] }, { fileName, focusPath }) {
  const box = panel();
  if (!warnings.length && !fixes.length) {
    box.hidden = true;
    return;
  }
  box.replaceChildren(...[
    h("h2", { id: "import-report-title" }, `Kết quả đọc tệp Word “${fileName}”`),
    warnings.length ? h("h3", {}, `Cần xem lại (${warnings.length})`) : null,
    warnings.length ? h("ol", { class: "report-list" }, warnings.map((item) => entry(item, focusPath))) : null,
    fixes.length ? h("h3", {}, `Đã sửa cho đúng thể thức (${fixes.length})`) : null,
    fixes.length ? h("ol", { class: "report-list" }, fixes.map((item) => entry(item, focusPath))) : null,
    h("button", { type: "button", class: "btn btn-small", on: { click: () => { box.hidden = true; } } }, "Đóng bảng này"),
  ].filter(Boolean)); // replaceChildren would write a null as the text "null"
  box.hidden = false;
  box.focus();
}
