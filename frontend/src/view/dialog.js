// A modal dialog asking for a line of text (a footnote).

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
