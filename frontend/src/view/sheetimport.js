// "Nhập từ Excel…": a sheet (.xlsx, .csv) or a range pasted into the dialog
// goes to POST /import/table, which reads it as the Word import reads a
// table (a task matrix when its headers name one, else a table); the block
// then stands where the caret was.

import { ApiError, importTable } from "../api/client.js";
import { taskCount } from "../model/tasklist.js";
import { notify } from "./notice.js";

const dialog = document.getElementById("sheet-dialog");
const fileInput = document.getElementById("sheet-input");
const pasteBox = document.getElementById("sheet-paste");
const message = document.getElementById("sheet-message");
let receive = null;
let busy = false;

/** What the clerk reads once a block came in: its kind, its size, the warnings. */
export function reportTable(block, warnings, source) {
  const size = block.type === "task_matrix"
    ? `${taskCount(block)} nhiệm vụ`
    : `${(block.rows || []).length} dòng, ${(block.columns || []).length} cột`;
  const what = block.type === "task_matrix" ? "bảng phân công nhiệm vụ" : "bảng";
  const note = warnings.length ? ` Cần xem lại: ${warnings.map((warning) => warning.message).join(" ")}` : "";
  notify(`Đã nhập ${what} (${size}) ${source}.${note}`, { kind: warnings.length ? "info" : "success" });
}

async function read(source, where) {
  if (busy) return;
  busy = true;
  dialog.setAttribute("aria-busy", "true");
  message.textContent = "Đang đọc bảng…";
  try {
    const { block, warnings } = await importTable(source);
    dialog.close();
    receive?.(block);
    reportTable(block, warnings, where);
  } catch (error) {
    message.textContent = error instanceof ApiError ? error.message : "Không đọc được bảng; hãy thử lại.";
  } finally {
    busy = false;
    dialog.removeAttribute("aria-busy");
  }
}

document.getElementById("btn-sheet-file").addEventListener("click", () => fileInput.click());
fileInput.addEventListener("change", () => {
  const file = fileInput.files[0];
  fileInput.value = "";
  if (file) read(file, `từ tệp “${file.name}”`);
});
pasteBox.addEventListener("paste", (event) => {
  event.preventDefault(); // the range goes to the server, not into the box (Word's HTML styles included)
  const html = event.clipboardData?.getData("text/html") || "";
  const text = event.clipboardData?.getData("text/plain") || "";
  if (!html.trim() && !text.trim()) {
    message.textContent = "Không có gì để dán: hãy sao chép một vùng ô trước.";
    return;
  }
  read({ html, text }, "từ vùng ô đã dán");
});

/** Open the dialog; `onBlock(block)` puts the block where the clerk wanted it. */
export function openSheetImport(onBlock) {
  receive = onBlock;
  message.textContent = "";
  pasteBox.value = "";
  dialog.showModal();
  document.getElementById("btn-sheet-file").focus();
}
