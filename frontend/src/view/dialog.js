// A modal confirmation (<dialog>), resolving to true when confirmed.

const dialog = document.getElementById("confirm-dialog");
const title = document.getElementById("confirm-title");
const text = document.getElementById("confirm-text");
const ok = document.getElementById("confirm-ok");

export function confirmAction({ heading = "Xác nhận", message, confirmLabel = "Đồng ý" }) {
  title.textContent = heading;
  text.textContent = message;
  ok.textContent = confirmLabel;
  dialog.returnValue = "";
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
    dialog.showModal();
    document.getElementById("confirm-cancel").focus();
  });
}

const textDialog = document.getElementById("text-dialog");

/** Ask for a line of text (a footnote); resolves to the text, or null. */
export function askText({ heading, label, value = "" }) {
  const input = document.getElementById("text-dialog-input");
  document.getElementById("text-dialog-title").textContent = heading;
  document.getElementById("text-dialog-label").textContent = label;
  input.value = value;
  textDialog.returnValue = "";
  return new Promise((resolve) => {
    textDialog.addEventListener("close", () => {
      const text = input.value.replace(/\s+/g, " ").trim();
      resolve(textDialog.returnValue === "ok" && text ? text : null);
    }, { once: true });
    textDialog.showModal();
    input.focus();
  });
}
