// The grid editor of a table of text (the `table` block), wherever a table
// stands: in the body between paragraphs or under a point, and in an
// appendix. The clerk types in the cells (Enter: a new line in the cell;
// Ctrl+B / Ctrl+I: bold, italic), chooses a cell and uses the toolbar
// (tabletools.js; Alt+F10 reaches it from a cell, Esc goes back), sets each
// column's width and alignment, and pastes a range copied from Excel or
// Word into the grid from the chosen cell (read here from the clipboard's
// tab-separated text; see docs/form.md).

import * as grid from "../model/textgrid.js";
import { isCellRange, parseTsv } from "../model/tsv.js";
import { setIn } from "../model/update.js";
import { blockFrame, blockHandle } from "./blockframe.js";
import { excerpt } from "./cards.js";
import { h } from "./dom.js";
import { notify } from "./notice.js";
import { TOOL_GROUPS, TOOLS } from "./tabletools.js";

const ALIGNMENTS = { left: "Trái", center: "Giữa", right: "Phải", justify: "Đều hai bên" };

/** A new table: three columns and two empty rows, numbered. */
export function newTable() {
  return { type: "table", number_column: "TT", columns: [{ header: "" }, { header: "" }, { header: "" }], rows: [{ cells: ["", "", ""] }, { cells: ["", "", ""] }] };
}

/** ctx: the form's editing context; value: the block; host: blockview.js. */
export function createTableBlock(ctx, value, host) {
  let block = value;
  let active = null; // {section, row, index}: the cell the toolbar works on
  const { roman } = ctx.kind.numbering;
  const widthInfo = ctx.schema.field("TableColumn", "width");
  const alignInfo = ctx.schema.field("TableColumn", "align");
  const frame = blockFrame({ kind: ctx.kind.label("table"), noun: "bảng", host });
  const tools = new Map();
  const toolbar = h("div", { class: "grid-tools", role: "toolbar", "aria-label": "Sửa bảng: dòng, cột, ô (áp dụng cho ô đang chọn)" },
    TOOL_GROUPS.map(([name, actions]) => h("span", { class: "tool-group", role: "group", "aria-label": name },
      h("span", { class: "tool-group-name", "aria-hidden": "true" }, name),
      actions.map((action) => {
        const tool = TOOLS.find((item) => item.action === action);
        const button = h("button", {
          type: "button", class: "btn btn-small" + (tool.danger ? " btn-danger-text" : ""), "aria-label": tool.label, title: tool.label,
          dataset: { tool: action },
          on: { mousedown: (event) => event.preventDefault(), click: () => apply(tool) },
        }, tool.text);
        tools.set(action, { tool, button });
        return button;
      }))));
  toolbar.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && active) {
      event.preventDefault();
      focusCell({ ...active, col: null });
    }
  });
  const fields = h("div", { class: "blk-fields" });
  const gridBox = h("div", { class: "grid-scroll", role: "region", tabindex: "0", "aria-label": "Bảng (cuộn ngang nếu rộng)" });
  const after = h("div", { class: "row grid-actions" },
    h("button", { type: "button", class: "btn btn-small btn-add", on: { click: () => append(false) } }, "Thêm dòng"),
    h("button", { type: "button", class: "btn btn-small btn-add", on: { click: () => append(true) } }, "Thêm dòng nhóm"),
    h("button", {
      type: "button", class: "btn btn-small btn-add",
      on: { click: () => structural(grid.insertColumn(block, grid.width(block)), { section: "body", row: 0, col: grid.width(block) }) },
    }, "Thêm cột"));
  frame.body.append(fields, toolbar, gridBox, after,
    h("p", { class: "field-hint" }, "Chọn một ô rồi dùng thanh trên (Alt+F10 từ ô). Enter xuống dòng trong ô; dán vùng ô từ Excel hoặc Word vào một ô để điền từ ô đó."));

  // --- changes ------------------------------------------------------------------

  function edited(next, inner) {
    block = next;
    host.change(block, inner);
  }

  function structural(next, focus) {
    block = next;
    draw();
    host.change(block, "");
    if (focus) focusCell(focus);
  }

  function apply(tool) {
    const target = active || { section: "body", row: 0, index: 0 };
    let result;
    try {
      result = tool.run(block, target);
    } catch (error) {
      if (!(error instanceof grid.GridRefusal)) throw error;
      notify(error.message, { kind: "error" });
      return;
    }
    const before = block;
    structural(result.block, result.focus);
    if (result.removed) {
      ctx.deletions.removedInBlock({ path: host.path(), before, after: block, ...result.removed });
    }
  }

  function append(group) {
    const rows = (block.rows || []).length;
    structural(grid.insertRow(block, "body", rows, { group }), { section: "body", row: rows, col: 0 });
  }

  // --- drawing ------------------------------------------------------------------

  function draw() {
    frame.redrawn();
    frame.setTitle(excerpt(block.title || "", 60));
    fields.replaceChildren(...fieldsRow());
    gridBox.replaceChildren(table());
    refreshTools();
  }

  function textInput(key, label, { placeholder = "", wide = false } = {}) {
    const id = `${uid}-${key}`;
    const input = h("input", {
      id, type: "text", class: "input", value: block[key] ?? "", placeholder, autocomplete: "off", spellcheck: "true",
      dataset: { inner: key, inline: "true" },
      on: {
        input: () => {
          edited(setIn(block, [key], input.value === "" ? undefined : input.value), key);
          if (key === "title") frame.setTitle(excerpt(input.value, 60));
        },
      },
    });
    return h("div", { class: "field" + (wide ? " grow" : "") }, h("label", { for: id, class: "field-label" }, label), input);
  }

  function fieldsRow() {
    const numbered = typeof block.number_column === "string";
    const checkId = `${uid}-numbered`;
    const check = h("input", {
      id: checkId, type: "checkbox", class: "checkbox", checked: numbered,
      on: { change: () => structural(setIn(block, ["number_column"], check.checked ? (lastNumberHeader || "TT") : undefined)) },
    });
    return [
      textInput("title", "Tên bảng (in đậm, giữa, trên bảng)", { wide: true }),
      textInput("unit_note", "Ghi chú đơn vị", { placeholder: "Ví dụ: Đơn vị: triệu đồng" }),
      h("div", { class: "field field-check" }, check, h("label", { for: checkId }, "Cột số thứ tự tự đánh (I, II cho nhóm; 1, 2 … cho dòng)")),
      numbered ? textInput("number_column", "Tiêu đề cột số thứ tự") : null,
    ];
  }

  function table() {
    const columns = grid.width(block);
    const numbered = typeof block.number_column === "string";
    if (numbered) lastNumberHeader = block.number_column;
    cols = (block.columns || []).map(() => h("col"));
    showWidths();
    const colgroup = h("colgroup", {}, numbered ? h("col", { class: "col-number" }) : null, cols);
    const head = grid.sectionRows(block, "head");
    const settings = h("tr", { class: "col-settings" }, numbered ? h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Số thứ tự")) : null,
      (block.columns || []).map((column, c) => columnSettings(column, c)));
    const headRows = rowsOf("head", head, columns, (r, cells) => (numbered && r === 0
      ? [h("th", { class: "num", rowspan: head.length, scope: "col" }, block.number_column), ...cells] : cells));
    const numbers = grid.rowNumbers(block, roman);
    const bodyRows = rowsOf("body", grid.sectionRows(block, "body"), columns, (r, cells) => (numbered
      ? [h("td", { class: "num", "aria-label": `Số thứ tự ${numbers[r]}` }, numbers[r]), ...cells] : cells));
    return h("table", { class: "tgrid" }, h("caption", { class: "visually-hidden" }, block.title || "Bảng"), colgroup,
      h("thead", {}, settings, headRows), h("tbody", {}, bodyRows.length ? bodyRows : h("tr", {}, h("td", { colspan: columns + 1, class: "empty" }, "Chưa có dòng nào."))));
  }

  /** The columns drawn as wide, relatively, as they will print. */
  function showWidths() {
    const widths = (block.columns || []).map((column) => Number(column?.width) || widthInfo.default || 1);
    const total = widths.reduce((sum, width) => sum + width, 0);
    cols.forEach((col, c) => { col.style.width = `${((widths[c] / total) * 100).toFixed(1)}%`; });
  }

  function columnSettings(column, c) {
    const widthId = `${uid}-w${c}`;
    const alignId = `${uid}-a${c}`;
    const width = h("input", {
      id: widthId, type: "text", inputmode: "numeric", class: "input input-tiny", value: column?.width ?? "",
      placeholder: String(widthInfo.default ?? 1), autocomplete: "off", dataset: { inner: `columns.${c}.width` },
      title: `Độ rộng tương đối (${widthInfo.minimum}–${widthInfo.maximum})`,
      on: {
        input: () => {
          const text = width.value.trim();
          const number = /^\d+$/.test(text) ? Number(text) : text; // not a number: kept as typed, the check says why
          edited(setIn(block, ["columns", c, "width"], text === "" ? undefined : number), `columns.${c}.width`);
          showWidths();
        },
      },
    });
    const align = h("select", {
      id: alignId, class: "input input-select input-tiny", dataset: { inner: `columns.${c}.align` },
      on: { change: () => edited(setIn(block, ["columns", c, "align"], align.value), `columns.${c}.align`) },
    }, alignInfo.enum.map((option) => h("option", { value: option, selected: option === (column?.align ?? alignInfo.default) }, ALIGNMENTS[option] || option)));
    return h("th", { scope: "col", class: "col-set" },
      h("span", { class: "col-name" }, `Cột ${c + 1}`),
      h("label", { for: widthId, class: "visually-hidden" }, `Độ rộng cột ${c + 1}`), width,
      h("label", { for: alignId, class: "visually-hidden" }, `Căn lề cột ${c + 1}`), align);
  }

  function rowsOf(section, rows, columns, withNumber) {
    const { cells } = grid.layout(rows, columns);
    return rows.map((row, r) => {
      const inner = section === "head" ? (grid.plainHead(block) ? "columns" : `header_rows.${r}`) : `rows.${r}`;
      if (row === null) {
        const text = cellArea(section, r, 0, block.rows[r].group ?? "", `Dòng nhóm ${grid.rowNumbers(block, roman)[r]}`, `${inner}.group`, true);
        return h("tr", { class: "group-row", dataset: { inner } }, withNumber(r, [h("td", { colspan: columns }, text)]));
      }
      const tag = section === "head" ? "th" : "td";
      const tds = cells[r].map((cell) => {
        const path = section === "head" && grid.plainHead(block) ? `columns.${cell.index}.header` : `${inner}${section === "body" ? ".cells" : ""}.${cell.index}`;
        const name = section === "head" ? `Tiêu đề cột ${cell.col + 1}` : `Dòng ${r + 1}, cột ${cell.col + 1}`;
        return h(tag, { colspan: cell.colspan > 1 ? cell.colspan : null, rowspan: cell.rowspan > 1 ? cell.rowspan : null, scope: section === "head" ? "col" : null },
          cellArea(section, r, cell.index, grid.cellText(row[cell.index]), name, path, false));
      });
      return h("tr", { dataset: { inner } }, withNumber(r, tds));
    });
  }

  function cellArea(section, r, index, text, name, inner, oneLine) {
    const area = h("textarea", {
      class: "input cell-text", rows: 1, value: text, spellcheck: "true", "aria-label": name,
      dataset: { inner, inline: "true", section, row: String(r), index: String(index) },
    });
    area.addEventListener("input", () => {
      if (oneLine && /\n/.test(area.value)) area.value = area.value.replace(/\s*\n\s*/g, " ");
      edited(grid.setText(block, section, r, index, area.value), inner);
    });
    area.addEventListener("focus", () => choose({ section, row: r, index }, area));
    area.addEventListener("keydown", (event) => keydown(event, oneLine));
    area.addEventListener("paste", (event) => pasteInto(event, { section, row: r, index }));
    return area;
  }

  // --- the chosen cell, keys, paste ------------------------------------------------

  function choose(cell, area) {
    active = cell;
    for (const old of gridBox.querySelectorAll(".cell-active")) old.classList.remove("cell-active");
    area.closest("td, th").classList.add("cell-active");
    refreshTools();
  }

  function refreshTools() {
    const target = active || { section: "body", row: 0, index: 0 };
    const usable = grid.sectionRows(block, target.section).length > target.row;
    for (const { tool, button } of tools.values()) button.disabled = !usable || !tool.can(block, target);
  }

  function keydown(event, oneLine) {
    if (event.key === "Enter" && oneLine) event.preventDefault();
    if (event.altKey && event.key === "F10") {
      event.preventDefault();
      toolbar.querySelector("button:not(:disabled)")?.focus();
    } else if (event.altKey && event.shiftKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      apply(tools.get(event.key === "ArrowUp" ? "row-up" : "row-down").tool);
    }
  }

  function pasteInto(event, cell) {
    const text = event.clipboardData?.getData("text/plain") || "";
    if (!isCellRange(event.clipboardData?.getData("text/html"), text)) return; // text for this cell: the browser pastes it
    event.preventDefault();
    const values = parseTsv(text);
    if (!values.length) return;
    const layout = grid.layout(grid.sectionRows(block, cell.section), grid.width(block));
    const col = layout.cells[cell.row]?.find((item) => item.index === cell.index)?.col ?? 0;
    structural(grid.paste(block, cell.section, cell.row, col, values), { section: cell.section, row: cell.row, col });
    const wide = Math.max(...values.map((row) => row.length));
    notify(`Đã dán ${values.length} dòng × ${wide} cột vào bảng, từ ô đang chọn.`, { kind: "success" });
  }

  /** Focus the cell covering (row, col) of a section (col null: the chosen cell itself). */
  function focusCell({ section, row, col, index }) {
    const rows = grid.sectionRows(block, section);
    const r = Math.max(0, Math.min(row, rows.length - 1));
    let target = index;
    if (col !== null && col !== undefined) {
      const owner = grid.layout(rows, grid.width(block)).owner[r]?.[Math.max(0, col)];
      target = rows[r] === null ? 0 : owner?.index ?? 0;
    }
    const area = gridBox.querySelector(`textarea[data-section="${section}"][data-row="${r}"][data-index="${target}"]`)
      || gridBox.querySelector("textarea");
    area?.focus();
  }

  const uid = `tb${++tables}`;
  let cols = [];
  let lastNumberHeader = typeof block.number_column === "string" ? block.number_column : null;
  draw();
  return blockHandle(frame, () => block, (next) => { block = next; draw(); });
}

let tables = 0;
