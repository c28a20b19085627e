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
