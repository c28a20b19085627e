// A table of text (the `table` block) as a grid the clerk edits: where each
// cell stands once merges are taken into account, and the changes a grid
// editor makes — rows, group rows, columns, merges across and down, a pasted
// range — each returning a new block (the old one is left as it was).
//
// Two sections: "head" (the header rows, or the columns' own headers as one
// row when the block has no header rows) and "body" (the rows; a group row
// is `null` among them). A row lists only the cells that start in it, as in
// HTML and in the plan: a cell merged down is left out of the rows below.
// The positions are found exactly as the server checks them
// (schemas/blocks/table.py grid_problems). A change the grid cannot make
// throws a GridRefusal whose message says why, in the clerk's words.
// A little over 400 lines on purpose: every change works on the same
// layout of merged cells; split, the halves would share its private helpers.

import { setIn } from "./update.js";

export class GridRefusal extends Error {}

export const cellText = (cell) => (typeof cell === "string" ? cell : String(cell?.text ?? ""));
const spansOf = (cell) => (cell && typeof cell === "object" ? [cell.colspan ?? 1, cell.rowspan ?? 1] : [1, 1]);

/** A cell with new text and spans, in the smallest form: a plain string
 * unless it is merged or carries other fields (kept as they were). */
export function storedCell(original, { text = cellText(original), colspan, rowspan } = {}) {
  const cell = original && typeof original === "object" ? { ...original, text } : { text };
  // A span the change sets to 1 is left out (the default); the others are kept as they came.
  for (const [key, span] of [["colspan", colspan], ["rowspan", rowspan]]) {
    if (span === 1) delete cell[key];
    else if (span !== undefined) cell[key] = span;
  }
  return Object.keys(cell).length === 1 ? text : cell;
}

export const width = (block) => (Array.isArray(block.columns) ? block.columns.length : 0);
/** Whether the header is the columns' own headers (no header rows of its own). */
export const plainHead = (block) => !(Array.isArray(block.header_rows) && block.header_rows.length);

/** The rows of a section: lists of cells, `null` for a group row. */
export function sectionRows(block, section) {
  if (section === "body") return (block.rows || []).map((row) => (Array.isArray(row?.cells) ? row.cells : null));
  if (!plainHead(block)) return block.header_rows.map((row) => (Array.isArray(row) ? row : []));
  return [(block.columns || []).map((column) => column?.header ?? "")];
}

/**
 * Where the cells of `rows` stand in a grid `columns` wide:
 * cells[r] = [{index, col, colspan, rowspan}] (null for a group row) and
 * owner[r][c] = {row, index} of the cell covering that place (null: none).
 */
export function layout(rows, columns) {
  let covered = new Array(columns).fill(null); // {at, left}: the cell above still covering, and for how many rows
  const cells = [];
  const owner = [];
  rows.forEach((row, r) => {
    const slots = covered.map((entry) => (entry ? entry.at : null));
    if (row === null) {
      cells.push(null);
      owner.push(slots);
      return;
    }
    const own = [];
    let col = 0;
    row.forEach((cell, index) => {
      while (col < columns && covered[col]) col += 1;
      const [colspan, rowspan] = spansOf(cell);
      own.push({ index, col, colspan, rowspan });
      const at = { row: r, index };
      for (let c = col; c < Math.min(columns, col + colspan); c += 1) {
        slots[c] = at;
        covered[c] = { at, left: rowspan };
      }
      col += colspan;
    });
    cells.push(own);
    owner.push(slots);
    covered = covered.map((entry) => (entry && entry.left > 1 ? { at: entry.at, left: entry.left - 1 } : null));
  });
  return { cells, owner };
}

/** The printed STT of each body row: groups I, II …, rows 1, 2 … again in each group. */
export function rowNumbers(block, roman) {
  let groups = 0;
  let number = 0;
  return (block.rows || []).map((row) => {
    if (!Array.isArray(row?.cells)) {
      groups += 1;
      number = 0;
      return roman(groups);
    }
    number += 1;
    return String(number);
  });
}

// --- working on a copy ------------------------------------------------------------

/** A copy of the block to change, with the header made into header rows
 * when a change needs real rows there (a merge, a second header row). */
function draft(block, section, { realHead = false } = {}) {
  const copy = structuredClone(block);
  if (section === "head" && realHead && plainHead(copy)) copy.header_rows = [sectionRows(block, "head")[0]];
  return copy;
}

/** The live list of cells of row r in a draft (null for a group row). */
function rowCells(copy, section, r) {
  if (section === "head") return plainHead(copy) ? null : copy.header_rows[r];
  const row = copy.rows[r];
  return Array.isArray(row?.cells) ? row.cells : null;
}

function at(grid, r, index) {
  const own = grid.cells[r]?.find((cell) => cell.index === index);
  if (!own) throw new GridRefusal("Hãy chọn một ô của bảng trước.");
  return own;
}

const joined = (...texts) => texts.map((text) => text.trim()).filter(Boolean).join("\n");

// --- cells ------------------------------------------------------------------------

/** The block with the text of one cell (or of a group row) changed. */
export function setText(block, section, r, index, text) {
  if (section === "head") {
    return plainHead(block) ? setIn(block, ["columns", index, "header"], text) : setIn(block, ["header_rows", r, index], storedCell(block.header_rows[r][index], { text }));
  }
  if (!Array.isArray(block.rows[r]?.cells)) return setIn(block, ["rows", r, "group"], text);
  return setIn(block, ["rows", r, "cells", index], storedCell(block.rows[r].cells[index], { text }));
}

export function canMergeRight(block, section, r, index) {
  const grid = layout(sectionRows(block, section), width(block));
  const own = grid.cells[r]?.find((cell) => cell.index === index);
  const next = own && grid.owner[r][own.col + own.colspan];
  const other = next && next.row === r && grid.cells[r][next.index];
  return Boolean(other && other.col === own.col + own.colspan && other.rowspan === own.rowspan);
}

/** The cell merged with the one on its right (their texts kept, one per line). */
export function mergeRight(block, section, r, index) {
  if (!canMergeRight(block, section, r, index)) {
    throw new GridRefusal("Không gộp được: bên phải không có ô cùng chiều cao để gộp.");
  }
  const copy = draft(block, section, { realHead: true });
  const cells = rowCells(copy, section, r);
  const grid = layout(sectionRows(copy, section), width(copy));
  const own = at(grid, r, index);
  const right = grid.cells[r].find((cell) => cell.col === own.col + own.colspan);
  cells[index] = storedCell(cells[index], {
    text: joined(cellText(cells[index]), cellText(cells[right.index])), colspan: own.colspan + right.colspan,
  });
  cells.splice(right.index, 1);
  return copy;
}

function below(block, section, r, index) {
  const rows = sectionRows(block, section);
  const grid = layout(rows, width(block));
  const own = grid.cells[r]?.find((cell) => cell.index === index);
  if (!own) return null;
  const next = r + own.rowspan;
  const other = next < rows.length && grid.cells[next]?.find((cell) => cell.col === own.col);
  return other && other.colspan === own.colspan ? { own, next, other } : null;
}

export const canMergeDown = (block, section, r, index) => Boolean(below(block, section, r, index));

/** The cell merged with the one below it. */
export function mergeDown(block, section, r, index) {
  const found = below(block, section, r, index);
  if (!found) throw new GridRefusal("Không gộp được: bên dưới không có ô cùng chiều rộng (dòng nhóm không gộp được).");
  const copy = draft(block, section, { realHead: true });
  const cells = rowCells(copy, section, r);
  const lower = rowCells(copy, section, found.next);
  cells[index] = storedCell(cells[index], {
    text: joined(cellText(cells[index]), cellText(lower[found.other.index])), rowspan: found.own.rowspan + found.other.rowspan,
  });
  lower.splice(found.other.index, 1);
  return copy;
}

export function canSplit(block, section, r, index) {
  const own = layout(sectionRows(block, section), width(block)).cells[r]?.find((cell) => cell.index === index);
  return Boolean(own && (own.colspan > 1 || own.rowspan > 1));
}

/** A merged cell split back into single cells (the text stays in the first). */
export function split(block, section, r, index) {
  if (!canSplit(block, section, r, index)) throw new GridRefusal("Ô này không gộp với ô nào.");
  const copy = draft(block, section, { realHead: true });
  const grid = layout(sectionRows(copy, section), width(copy));
  const own = at(grid, r, index);
  for (let rr = r + own.rowspan - 1; rr > r; rr -= 1) {
    const position = grid.cells[rr].filter((cell) => cell.col < own.col).length;
    rowCells(copy, section, rr).splice(position, 0, ...new Array(own.colspan).fill(""));
  }
  const cells = rowCells(copy, section, r);
  cells[index] = storedCell(cells[index], { colspan: 1, rowspan: 1 });
  cells.splice(index + 1, 0, ...new Array(own.colspan - 1).fill(""));
  return copy;
}

// --- rows -------------------------------------------------------------------------

/** A new row at `r` (cells, or a group row in the body); a cell merged
 * down across that place grows by one row. */
export function insertRow(block, section, r, { group = false } = {}) {
  const copy = draft(block, section, { realHead: true });
  const rows = sectionRows(copy, section);
  const grid = layout(rows, width(copy));
  const crossing = r < rows.length ? [...new Set(grid.owner[r].filter((owner) => owner && owner.row < r))] : [];
  if (group) {
    if (crossing.length) throw new GridRefusal("Không chèn được dòng nhóm giữa một ô gộp dọc; hãy tách ô trước.");
    copy.rows.splice(r, 0, { group: "" });
    return copy;
  }
  const seen = new Set();
  const cells = [];
  for (let c = 0; c < width(copy); c += 1) {
    const owner = r < rows.length ? grid.owner[r][c] : null;
    if (owner && owner.row < r) {
      const key = `${owner.row}:${owner.index}`;
      if (!seen.has(key)) {
        seen.add(key);
        const list = rowCells(copy, section, owner.row);
        list[owner.index] = storedCell(list[owner.index], { rowspan: spansOf(list[owner.index])[1] + 1 });
      }
    } else {
      cells.push("");
    }
  }
  if (section === "head") copy.header_rows.splice(r, 0, cells);
  else copy.rows.splice(r, 0, { cells });
  return copy;
}

/** Row r removed; a cell merged down from it moves to the row below, one
 * row shorter, and a cell merged down across it from above shrinks. */
export function removeRow(block, section, r) {
  if (section === "head" && plainHead(block)) {
    return { ...block, columns: block.columns.map((column) => ({ ...column, header: "" })) };
  }
  const copy = draft(block, section);
  const rows = sectionRows(copy, section);
  const grid = layout(rows, width(copy));
  const shrunk = new Set();
  for (const owner of grid.owner[r] || []) {
    if (!owner || owner.row >= r || shrunk.has(`${owner.row}:${owner.index}`)) continue;
    shrunk.add(`${owner.row}:${owner.index}`);
    const list = rowCells(copy, section, owner.row);
    list[owner.index] = storedCell(list[owner.index], { rowspan: spansOf(list[owner.index])[1] - 1 });
  }
  const cells = rowCells(copy, section, r);
  const tall = (grid.cells[r] || []).filter((cell) => cell.rowspan > 1);
  const lower = tall.length ? rowCells(copy, section, r + 1) : null;
  if (lower) {
    const placed = grid.cells[r + 1].map((cell) => ({ col: cell.col, value: lower[cell.index] }));
    for (const cell of tall) placed.push({ col: cell.col, value: storedCell(cells[cell.index], { rowspan: cell.rowspan - 1 }) });
    lower.splice(0, lower.length, ...placed.sort((a, b) => a.col - b.col).map((entry) => entry.value));
  }
  if (section === "head") {
    copy.header_rows.splice(r, 1);
    if (!copy.header_rows.length) copy.columns = copy.columns.map((column) => ({ ...column, header: "" }));
  } else {
    copy.rows.splice(r, 1);
  }
  return copy;
}

/** Whether row r stands alone: no cell merged down into, out of or across it. */
function standsAlone(grid, r) {
  return (grid.owner[r] || []).every((owner) => !owner || owner.row === r)
    && (grid.cells[r] || []).every((cell) => cell.rowspan === 1);
}

export function canMoveRow(block, section, r, step) {
  const rows = sectionRows(block, section);
  const target = r + step;
  if (target < 0 || target >= rows.length || (section === "head" && plainHead(block))) return false;
  const grid = layout(rows, width(block));
  return standsAlone(grid, r) && standsAlone(grid, target);
}

export function moveRow(block, section, r, step) {
  if (!canMoveRow(block, section, r, step)) {
    throw new GridRefusal("Không chuyển được dòng này: dòng có ô gộp dọc với dòng bên cạnh (hãy tách ô trước), hoặc đã ở đầu hay cuối bảng.");
  }
  const key = section === "head" ? "header_rows" : "rows";
  const list = [...block[key]];
  [list[r], list[r + step]] = [list[r + step], list[r]];
  return { ...block, [key]: list };
}

/** A row of cells made a group row (its texts joined into the group's name),
 * or a group row made a row of cells (the name in its first cell). */
export function toggleGroup(block, r) {
  const row = block.rows[r];
  if (!Array.isArray(row?.cells)) {
    const cells = [row?.group ?? "", ...new Array(Math.max(0, width(block) - 1)).fill("")];
    return setIn(block, ["rows", r], { cells });
  }
  const grid = layout(sectionRows(block, "body"), width(block));
  if (!standsAlone(grid, r)) throw new GridRefusal("Dòng này có ô gộp dọc với dòng khác; hãy tách ô trước khi đổi thành dòng nhóm.");
  const title = row.cells.map((cell) => cellText(cell).replace(/\s*\n\s*/g, " ").trim()).filter(Boolean).join(" – ");
  return setIn(block, ["rows", r], { group: title });
}

// --- columns ----------------------------------------------------------------------

function eachSection(copy, work) {
  for (const section of plainHead(copy) ? ["body"] : ["head", "body"]) {
    const rows = sectionRows(copy, section);
    work(section, rows, layout(rows, width(copy)));
  }
}

/** A new column at `c` (0 … width); a cell merged across that place grows. */
export function insertColumn(block, c) {
  const copy = structuredClone(block);
  const columns = width(copy);
  eachSection(copy, (section, rows, grid) => {
    rows.forEach((row, r) => {
      if (row === null) return;
      const left = c > 0 ? grid.owner[r][c - 1] : null;
      const right = c < columns ? grid.owner[r][c] : null;
      if (left && right && left.row === right.row && left.index === right.index) {
        if (left.row === r) row[left.index] = storedCell(row[left.index], { colspan: spansOf(row[left.index])[0] + 1 });
        return;
      }
      row.splice(grid.cells[r].filter((cell) => cell.col < c).length, 0, "");
    });
  });
  copy.columns.splice(c, 0, { header: "" });
  return copy;
}

export const canRemoveColumn = (block) => width(block) > 1;

/** Column c removed: its single cells go, merged cells lose one column. */
export function removeColumn(block, c) {
  if (!canRemoveColumn(block)) throw new GridRefusal("Bảng phải còn ít nhất một cột.");
  const copy = structuredClone(block);
  eachSection(copy, (section, rows, grid) => {
    rows.forEach((row, r) => {
      const owner = row && grid.owner[r][c];
      if (!owner || owner.row !== r) return;
      const [colspan] = spansOf(row[owner.index]);
      if (colspan > 1) row[owner.index] = storedCell(row[owner.index], { colspan: colspan - 1 });
      else row.splice(owner.index, 1);
    });
  });
  copy.columns.splice(c, 1);
  return copy;
}

export function canMoveColumn(block, c, step) {
  const target = c + step;
  if (target < 0 || target >= width(block)) return false;
  let alone = true;
  eachSection(block, (section, rows, grid) => {
    grid.cells.forEach((cells) => {
      for (const cell of cells || []) if (cell.colspan > 1 && cell.col <= Math.max(c, target) && cell.col + cell.colspan > Math.min(c, target)) alone = false;
    });
  });
  return alone;
}

/** Columns c and c + step swapped, with their cells. */
export function moveColumn(block, c, step) {
  if (!canMoveColumn(block, c, step)) {
    throw new GridRefusal("Không chuyển được cột này: có ô gộp ngang qua cột (hãy tách ô trước), hoặc cột đã ở đầu hay cuối bảng.");
  }
  const copy = structuredClone(block);
  eachSection(copy, (section, rows, grid) => {
    rows.forEach((row, r) => {
      const a = row && grid.owner[r][c];
      const b = row && grid.owner[r][c + step];
      if (a && b && a.row === r && b.row === r) [row[a.index], row[b.index]] = [row[b.index], row[a.index]];
    });
  });
  [copy.columns[c], copy.columns[c + step]] = [copy.columns[c + step], copy.columns[c]];
  return copy;
}

// --- a pasted range ---------------------------------------------------------------

/** `values` (rows of texts) written into the grid from row r, column c,
 * adding rows and columns as needed. A value landing on a merged cell
 * joins its text (one per line): nothing pasted is dropped. */
export function paste(block, section, r, c, values) {
  let copy = section === "head" ? draft(block, section, { realHead: values.length > 1 }) : structuredClone(block);
  const wide = c + Math.max(...values.map((row) => row.length));
  while (width(copy) < wide) copy = insertColumn(copy, width(copy));
  if (section === "body") while (copy.rows.length < r + values.length) copy = insertRow(copy, "body", copy.rows.length);
  else while (!plainHead(copy) && copy.header_rows.length < r + values.length) copy = insertRow(copy, "head", copy.header_rows.length);
  const grid = layout(sectionRows(copy, section), width(copy));
  const texts = new Map(); // "row:index" -> texts landing on that cell
  values.forEach((line, dr) => {
    const rr = r + dr;
    line.forEach((text, dc) => {
      const owner = grid.owner[rr]?.[c + dc];
      const key = grid.cells[rr] === null ? `${rr}:group` : owner && `${owner.row}:${owner.index}`;
      if (!key) return;
      if (!texts.has(key)) texts.set(key, []);
      texts.get(key).push(text);
    });
  });
  for (const [key, landed] of texts) {
    const [rr, index] = key.split(":");
    const text = index === "group" ? landed.filter(Boolean).join(" – ") : joined(...landed);
    copy = setText(copy, section, Number(rr), index === "group" ? 0 : Number(index), text);
  }
  return copy;
}
