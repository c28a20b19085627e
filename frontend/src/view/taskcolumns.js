// "Các cột in" of a task matrix: every column a task may have, each with
// whether it prints, its header (empty: the usual one) and its place among
// the printed ones. A column that does not print keeps what was typed in it.

import * as tasks from "../model/tasklist.js";
import { h } from "./dom.js";

let panels = 0;

/** current(): the block as it is now (the panel outlives changes made
 * elsewhere in it); known: GET /conventions task_columns; change(matrix): a
 * new version of the block; shown: {open}, kept across the editor's redraws. */
export function columnsPanel(ctx, current, known, change, shown) {
  const block = current();
  const uid = `tc${++panels}`;
  const columns = tasks.columnsOf(block, known);
  const headers = tasks.headersOf(block, known);
  const ordered = [...columns, ...known.map((column) => column.key).filter((key) => !columns.includes(key))];
  const usual = Object.fromEntries(known.map((column) => [column.key, column.header]));
  const required = ctx.schema.def("TaskMatrix").properties.columns.minItems ?? 1;
  const rows = ordered.map((key) => {
    const printed = columns.includes(key);
    const at = columns.indexOf(key);
    const checkId = `${uid}-${key}`;
    const headerId = `${uid}-${key}-header`;
    // The task's content always prints (the server refuses a matrix without it).
    const fixed = key === "content" || (printed && columns.length <= required);
    const check = h("input", {
      id: checkId, type: "checkbox", class: "checkbox", checked: printed, disabled: fixed,
      on: { change: () => change(tasks.showColumn(current(), key, check.checked, known)) },
    });
    const header = h("input", {
      id: headerId, type: "text", class: "input", value: printed && headers[key] !== usual[key] ? headers[key] : "",
      placeholder: usual[key], autocomplete: "off", disabled: !printed, dataset: { inner: printed ? `headers.${at}` : "" },
      on: { change: () => change(tasks.renameHeader(current(), key, header.value.trim() || usual[key], known)) },
    });
    const move = (step, text, label) => h("button", {
      type: "button", class: "btn btn-small", "aria-label": `${label} – cột “${headers[key]}”`, disabled: !printed || !tasks.moveColumn(block, key, step, known),
      dataset: { action: `column-${step < 0 ? "up" : "down"}` },
      on: { click: () => change(tasks.moveColumn(current(), key, step, known)) },
    }, text);
    return h("li", { class: "task-column" + (printed ? "" : " not-printed") },
      h("span", { class: "field-check" }, check, h("label", { for: checkId }, `In cột “${usual[key]}”`)),
      h("label", { for: headerId, class: "visually-hidden" }, `Tiêu đề in của cột “${usual[key]}”`), header,
      move(-1, "←", "Sang trái"), move(1, "→", "Sang phải"));
  });
  const details = h("details", { class: "advanced task-columns", dataset: { inner: "columns" }, open: shown.open },
    h("summary", {}, `Các cột in (${columns.length}): ${columns.map((key) => headers[key]).join(" · ")}`),
    h("div", { class: "advanced-body", dataset: { inner: "headers" } },
      h("p", { class: "field-hint" }, "Bỏ chọn để không in cột đó (nội dung đã nhập vẫn được giữ). Tiêu đề để trống thì in tên thường dùng."),
      h("ol", { class: "plain-list" }, rows)));
  details.addEventListener("toggle", () => { shown.open = details.open; });
  return details;
}
