// The frame of a block that stands in the text with an editor of its own (a
// table, a task matrix): a bar naming it, with Lên / Xuống / Xóa for the
// whole block (a click on the bar selects it as a paragraph is selected),
// Esc back to the text, and the server's messages shown at the field they
// name (each control carries `data-inner`, its path inside the block).

import { h } from "./dom.js";

const CONTROL = "input, select, textarea";
let counter = 0;

/**
 * kind: what the bar calls the block ("Bảng"); noun: in the buttons' names
 * ("bảng"); host: from the text editor (move, remove, select);
 * actions: further buttons for the bar.
 */
export function blockFrame({ kind, noun, host, actions = [] }) {
  const title = h("span", { class: "blk-title" });
  const up = h("button", {
    type: "button", class: "btn btn-small", dataset: { action: "block-up" }, "aria-label": `Lên – chuyển ${noun} lên trên đoạn trước`,
    title: "Alt+Shift+↑ khi đã chọn cả bảng", on: { click: () => host.move(-1) },
  }, "Lên");
  const down = h("button", {
    type: "button", class: "btn btn-small", dataset: { action: "block-down" }, "aria-label": `Xuống – chuyển ${noun} xuống dưới đoạn sau`,
    title: "Alt+Shift+↓ khi đã chọn cả bảng", on: { click: () => host.move(1) },
  }, "Xuống");
  const remove = h("button", {
    type: "button", class: "btn btn-small btn-danger-text", dataset: { action: "block-remove" },
    on: { click: () => host.remove() },
  }, `Xóa ${noun}`);
  const messages = h("div", { class: "blk-messages", "aria-live": "polite" });
  const body = h("div", { class: "blk-body" });
  const element = h("div", { class: "blk", role: "group", "aria-label": kind },
    h("div", { class: "blk-head", dataset: { blockHandle: "" }, title: "Bấm vào thanh này để chọn cả khối (rồi Delete để xóa, Alt+Shift+↑/↓ để chuyển)" },
      h("span", { class: "blk-kind" }, kind), title, h("span", { class: "spacer" }), ...actions, up, down, remove),
    messages, body);
  // Esc leaves the block: the whole block selected in the text, as after a click on its bar.
  element.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented && !event.isComposing) {
      event.preventDefault();
      host.select();
    }
  });

  let shown = "";
  let marked = [];

  /** The server's messages [{path, base, message}] at the controls they name. */
  function showErrors(errors) {
    const signature = JSON.stringify(errors.map((error) => [error.path, error.message]));
    if (signature === shown) return;
    shown = signature;
    for (const undo of marked) undo();
    marked = [];
    messages.replaceChildren();
    for (const error of errors) {
      const inner = error.path === error.base ? "" : error.path.slice(error.base.length + 1);
      const target = targetOf(body, inner);
      const message = h("p", { class: "field-error", id: `blk-err-${++counter}` }, error.message);
      if (!target) {
        messages.append(message);
        continue;
      }
      const control = target.matches(CONTROL) ? target : null;
      // A row's message goes in its widest cell (a paragraph cannot stand in a table row).
      const row = !control && target.matches("tr") ? [...target.cells].sort((a, b) => b.colSpan - a.colSpan || b.offsetWidth - a.offsetWidth)[0] : null;
      const box = control ? control.closest("td, th, .field, .agency-field") || control.parentElement : row || target;
      box.classList.add("has-error");
      if (control) {
        const described = control.getAttribute("aria-describedby");
        control.setAttribute("aria-invalid", "true");
        control.setAttribute("aria-describedby", [message.id, described].filter(Boolean).join(" "));
        box.append(message);
        marked.push(() => {
          control.removeAttribute("aria-invalid");
          if (described) control.setAttribute("aria-describedby", described);
          else control.removeAttribute("aria-describedby");
        });
      } else {
        box.prepend(message);
      }
      marked.push(() => {
        message.remove();
        box.classList.remove("has-error");
      });
    }
  }

  return {
    element,
    body,
    setTitle: (text) => { title.textContent = text; },
    showErrors,
    /** Draw anew: the messages go with the old controls (the next check brings them back). */
    redrawn: () => {
      marked = [];
      shown = "";
      messages.replaceChildren();
    },
  };
}

/** What the text around a block needs of its editor (editor/view/blockview.js):
 * its element, the block as it is now, a new version drawn, the server's
 * messages, the focus on a field (or the first one). */
export function blockHandle(frame, get, set) {
  return {
    element: frame.element,
    get value() {
      return get();
    },
    set,
    showErrors: frame.showErrors,
    focus: (inner) => focusInner(frame.body, inner),
  };
}

/** The control (or part) of the block showing `inner`, else the nearest one above it. */
export function targetOf(root, inner) {
  for (let parts = inner ? inner.split(".") : []; parts.length; parts.pop()) {
    const found = root.querySelector(`[data-inner="${CSS.escape(parts.join("."))}"]`);
    if (found) return found;
  }
  return null;
}

/** Focus the control showing `inner` (or the first field of the block); false when there is none. */
export function focusInner(root, inner) {
  const target = inner ? targetOf(root, inner) : null;
  const control = target?.matches(CONTROL) ? target : (target || root).querySelector(CONTROL);
  if (!control) return false;
  control.focus({ preventScroll: true });
  control.scrollIntoView({ block: "nearest" });
  return true;
}
