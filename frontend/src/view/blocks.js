// The blocks that stand in a rich-text area with an editor of their own —
// a table (tableblock.js), a task matrix (taskmatrix.js) — and the buttons
// that put one where the caret is: a new one, or one read from an Excel
// sheet or a pasted range ("Nhập từ Excel…").

import { h } from "./dom.js";
import { openSheetImport } from "./sheetimport.js";
import { createTableBlock, newTable } from "./tableblock.js";
import { createTaskMatrix, newTaskMatrix } from "./taskmatrix.js";

const EDITORS = {
  table: { create: createTableBlock, empty: newTable, insert: "Chèn bảng", hint: "Một bảng giữa các đoạn văn (hoặc dưới một điểm a), b)…)" },
  task_matrix: {
    create: createTaskMatrix, empty: newTaskMatrix, insert: "Chèn bảng phân công nhiệm vụ",
    hint: "Nhiệm vụ, sản phẩm, thời gian, cơ quan chủ trì và phối hợp, theo nhóm I, II …",
  },
};

/** The editor of each block (blockview.js `createBlock`). */
export function blockEditors(ctx) {
  return (value, host) => EDITORS[value?.type].create(ctx, value, host);
}

/** The insert buttons of a rich-text area whose list admits `types`. */
export function insertTools(area, types) {
  const insertable = types.filter((type) => EDITORS[type]);
  if (!insertable.length) return [];
  const keepCaret = (event) => event.preventDefault(); // the caret stays where the block goes
  return [
    ...insertable.map((type) => h("button", {
      type: "button", class: "btn btn-small", title: EDITORS[type].hint,
      on: { mousedown: keepCaret, click: () => area.editor.insertBlock(EDITORS[type].empty()) },
    }, EDITORS[type].insert)),
    h("button", {
      type: "button", class: "btn btn-small", "aria-haspopup": "dialog",
      title: "Một trang tính Excel (.xlsx, .csv) hoặc vùng ô sao chép từ Excel, Word thành bảng hoặc bảng phân công nhiệm vụ",
      on: { mousedown: keepCaret, click: () => openSheetImport((block) => area.editor.insertBlock(block)) },
    }, "Nhập từ Excel…"),
  ];
}
