// Messages to the clerk under the toolbar (a polite live region), with an
// optional action such as "Hoàn tác".

import { h } from "./dom.js";

const box = document.getElementById("notice");
let timer = null;

/** kind: "info" | "success" | "error"; action: {label, run}. */
export function notify(message, { kind = "info", action = null, timeout = kind === "error" ? 0 : 8000 } = {}) {
  clearTimeout(timer);
  box.className = `notice notice-${kind}`;
  const parts = [h("span", { class: "notice-text" }, message)];
  if (action) {
    parts.push(h("button", {
      type: "button", class: "btn btn-small",
      on: { click: () => { hideNotice(); action.run(); } },
    }, action.label));
  }
  parts.push(h("button", {
    type: "button", class: "btn btn-small btn-plain", "aria-label": "Đóng thông báo", on: { click: hideNotice },
  }, "✕"));
  box.replaceChildren(...parts);
  box.hidden = false;
  if (timeout) timer = setTimeout(hideNotice, timeout);
}

export function hideNotice() {
  clearTimeout(timer);
  box.hidden = true;
  box.replaceChildren();
}
