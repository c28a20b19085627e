// The toolbar of a table's grid: what a clerk does to rows, columns and
// cells, each applied to the cell last chosen (as Word's Layout tab does),
// with the cell to focus afterwards. Every change is one of the table
// grid's (model/textgrid.js); a removed row or column goes to the draft's
// history of deletions.

import * as grid from "../model/textgrid.js";

const own = (block, active) => grid.layout(grid.sectionRows(block, active.section), grid.width(block)).cells[active.row]
  ?.find((cell) => cell.index === active.index) || { col: 0, colspan: 1, rowspan: 1 };
const body = (active) => active.section === "body";
const isGroup = (block, active) => body(active) && !Array.isArray(block.rows[active.row]?.cells);

/**
 * Each tool: text on the button, its accessible name, whether it applies,
 * and run(block, active) -> {block, focus: {section, row, col}, removed?: {label, item}}.
 * `item` says what was removed, to put it back if the table changed since.
 */
export const TOOLS = [
  {
    action: "row-above", text: "+ Dòng trên", label: "Chèn dòng phía trên dòng đang chọn",
    can: () => true,
    run: (block, active) => ({ block: grid.insertRow(block, active.section, active.row), focus: { ...active, col: own(block, active).col } }),
  },
  {
    action: "row-below", text: "+ Dòng dưới", label: "Chèn dòng phía dưới dòng đang chọn",
    can: () => true,
    run: (block, active) => {
      const cell = own(block, active);
      return { block: grid.insertRow(block, active.section, active.row + cell.rowspan), focus: { ...active, row: active.row + cell.rowspan, col: cell.col } };
    },
  },
  {
    action: "group-above", text: "+ Dòng nhóm", label: "Chèn dòng nhóm (I, II …) phía trên dòng đang chọn",
    can: (block, active) => body(active),
    run: (block, active) => ({ block: grid.insertRow(block, "body", active.row, { group: true }), focus: { ...active, col: 0 } }),
  },
  {
    action: "toggle-group", text: "Dòng nhóm ⇄ dòng thường", label: "Đổi dòng đang chọn thành dòng nhóm, hoặc dòng nhóm thành dòng thường",
    can: (block, active) => body(active),
    run: (block, active) => ({ block: grid.toggleGroup(block, active.row), focus: { ...active, col: 0 } }),
  },
  {
    action: "row-up", text: "↑ Dòng", label: "Chuyển dòng đang chọn lên trên (Alt+Shift+↑)",
    can: (block, active) => grid.canMoveRow(block, active.section, active.row, -1),
    run: (block, active) => ({ block: grid.moveRow(block, active.section, active.row, -1), focus: { ...active, row: active.row - 1, col: own(block, active).col } }),
  },
  {
    action: "row-down", text: "↓ Dòng", label: "Chuyển dòng đang chọn xuống dưới (Alt+Shift+↓)",
    can: (block, active) => grid.canMoveRow(block, active.section, active.row, 1),
    run: (block, active) => ({ block: grid.moveRow(block, active.section, active.row, 1), focus: { ...active, row: active.row + 1, col: own(block, active).col } }),
  },
  {
    action: "row-remove", text: "✕ Dòng", label: "Xóa dòng đang chọn", danger: true,
    can: () => true,
    run: (block, active) => {
      const next = grid.removeRow(block, active.section, active.row);
      const rows = grid.sectionRows(next, active.section).length;
      const section = rows ? active.section : "body";
      const what = active.section === "head" ? "dòng tiêu đề" : isGroup(block, active) ? "dòng nhóm" : `dòng ${active.row + 1}`;
      const key = active.section === "head" ? "header_rows" : "rows";
      return {
        block: next,
        focus: { section, row: Math.max(0, Math.min(active.row, rows - 1)), col: own(block, active).col },
        removed: {
          label: `Đã xóa ${what} của bảng.`,
          item: grid.plainHead(block) && key === "header_rows"
            ? { headers: block.columns.map((column) => column?.header ?? "") }
            : { list: [key], index: active.row, value: block[key][active.row] },
        },
      };
    },
  },
  {
    action: "col-left", text: "+ Cột trái", label: "Chèn cột bên trái cột đang chọn",
    can: () => true,
    run: (block, active) => {
      const { col } = own(block, active);
      return { block: grid.insertColumn(block, col), focus: { ...active, col } };
    },
  },
  {
    action: "col-right", text: "+ Cột phải", label: "Chèn cột bên phải cột đang chọn",
    can: () => true,
    run: (block, active) => {
      const { col, colspan } = own(block, active);
      return { block: grid.insertColumn(block, col + colspan), focus: { ...active, col: col + colspan } };
    },
  },
  {
    action: "col-move-left", text: "← Cột", label: "Chuyển cột đang chọn sang trái",
    can: (block, active) => !isGroup(block, active) && grid.canMoveColumn(block, own(block, active).col, -1),
    run: (block, active) => ({ block: grid.moveColumn(block, own(block, active).col, -1), focus: { ...active, col: own(block, active).col - 1 } }),
  },
  {
    action: "col-move-right", text: "→ Cột", label: "Chuyển cột đang chọn sang phải",
    can: (block, active) => !isGroup(block, active) && grid.canMoveColumn(block, own(block, active).col, 1),
    run: (block, active) => ({ block: grid.moveColumn(block, own(block, active).col, 1), focus: { ...active, col: own(block, active).col + 1 } }),
  },
  {
    action: "col-remove", text: "✕ Cột", label: "Xóa cột đang chọn", danger: true,
    can: (block, active) => !isGroup(block, active) && grid.canRemoveColumn(block),
    run: (block, active) => {
      const { col } = own(block, active);
      const next = grid.removeColumn(block, col);
      return {
        block: next,
        focus: { ...active, col: Math.min(col, grid.width(next) - 1) },
        removed: { label: `Đã xóa cột ${col + 1} của bảng.`, item: columnContent(block, col) },
      };
    },
  },
  {
    action: "merge-right", text: "Gộp →", label: "Gộp ô đang chọn với ô bên phải",
    can: (block, active) => grid.canMergeRight(block, active.section, active.row, active.index),
    run: (block, active) => ({ block: grid.mergeRight(block, active.section, active.row, active.index), focus: { ...active, col: own(block, active).col } }),
  },
  {
    action: "merge-down", text: "Gộp ↓", label: "Gộp ô đang chọn với ô bên dưới",
    can: (block, active) => grid.canMergeDown(block, active.section, active.row, active.index),
    run: (block, active) => ({ block: grid.mergeDown(block, active.section, active.row, active.index), focus: { ...active, col: own(block, active).col } }),
  },
  {
    action: "split", text: "Tách ô", label: "Tách ô gộp đang chọn thành các ô đơn",
    can: (block, active) => grid.canSplit(block, active.section, active.row, active.index),
    run: (block, active) => ({ block: grid.split(block, active.section, active.row, active.index), focus: { ...active, col: own(block, active).col } }),
  },
  {
    action: "head-row", text: "+ Dòng tiêu đề", label: "Thêm một dòng tiêu đề (khi tiêu đề có ô gộp)",
    can: () => true,
    run: (block) => {
      const count = grid.sectionRows(block, "head").length;
      return { block: grid.insertRow(block, "head", count), focus: { section: "head", row: count, col: 0 } };
    },
  },
];

/** Where each button stands in the toolbar's groups. */
export const TOOL_GROUPS = [
  ["Dòng", ["row-above", "row-below", "group-above", "toggle-group", "row-up", "row-down", "row-remove"]],
  ["Cột", ["col-left", "col-right", "col-move-left", "col-move-right", "col-remove"]],
  ["Ô", ["merge-right", "merge-down", "split", "head-row"]],
];

/** A removed table column put back at its place, with the texts of its cells (by row). */
export function restoreColumn(block, { column, value, texts }) {
  let next = grid.insertColumn(block, column);
  next = { ...next, columns: next.columns.map((item, index) => (index === column ? value : item)) };
  const layout = grid.layout(grid.sectionRows(next, "body"), grid.width(next));
  texts.forEach((text, row) => {
    const owner = layout.owner[row]?.[column];
    if (text && owner && owner.row === row && layout.cells[row]) next = grid.setText(next, "body", row, owner.index, text);
  });
  return next;
}

/** What a column removal takes away: its definition and the text of each row's cell there. */
export function columnContent(block, column) {
  const layout = grid.layout(grid.sectionRows(block, "body"), grid.width(block));
  const texts = grid.sectionRows(block, "body").map((cells, row) => {
    const owner = cells && layout.owner[row][column];
    const cell = owner && owner.row === row && layout.cells[row].find((item) => item.index === owner.index);
    return cell && cell.colspan === 1 ? grid.cellText(cells[owner.index]) : "";
  });
  return { column, value: block.columns[column], texts };
}
