// Inline markup buttons and shortcuts: **bold**, *italic*, ^[footnote]
// around the selection of the text field last used.

import { notify } from "./notice.js";

const MARKS = {
  bold: ["**", "**", "chữ in đậm"],
  italic: ["*", "*", "chữ in nghiêng"],
  footnote: ["^[", "]", "nội dung chú thích"],
};

let lastField = null;

function wrap(field, kind) {
  const [before, after, placeholder] = MARKS[kind];
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  const selected = field.value.slice(start, end) || placeholder;
  field.focus();
  field.setRangeText(before + selected + after, start, end, "end");
  field.setSelectionRange(start + before.length, start + before.length + selected.length);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

export function setupMarkup(form) {
  form.addEventListener("focusin", (event) => {
    if (event.target.matches("[data-inline]")) lastField = event.target;
  });
  form.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || !event.target.matches("[data-inline]")) return;
    const kind = { b: "bold", i: "italic" }[event.key.toLowerCase()];
    if (kind) {
      event.preventDefault();
      wrap(event.target, kind);
    }
  });
  for (const button of document.querySelectorAll("[data-markup]:is(button)")) {
    // Keep the caret in the text field when the button is clicked.
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => {
      if (!lastField || !lastField.isConnected) {
        notify("Hãy đặt con trỏ vào một ô chữ (và chọn phần chữ) trước khi định dạng.", { kind: "info" });
        return;
      }
      wrap(lastField, button.dataset.markup);
    });
  }
}
