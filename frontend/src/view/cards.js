// What every part of the form is made of: a card with its title and the
// link back to the toolbar, collapsible items, short excerpts of texts.

import { h } from "./dom.js";

/** At the start of each part: the main actions one Tab stop away. */
export function toolbarLink() {
  return h("a", { class: "card-skip", href: "#toolbar" }, "Lên thanh thao tác (lưu, tải bản Word)");
}

export function card(id, title, intro, ...content) {
  return h("section", { class: "card", id, "aria-labelledby": `${id}-title`, dataset: { title } },
    h("h2", { id: `${id}-title`, class: "card-title" }, title),
    toolbarLink(),
    intro ? h("p", { class: "card-intro" }, intro) : null,
    ...content);
}

/** Text without inline markup, shortened, for headers and summaries. */
export function excerpt(text, length = 90) {
  const plain = String(text ?? "").replace(/\^\[([^\]]*)\]/g, "").replace(/[*_]{1,3}/g, "").trim();
  return plain.length > length ? plain.slice(0, length - 1).trimEnd() + "…" : plain;
}

/** The button that folds an item's body away (state kept in ctx.ui). */
export function toggleButton(ctx, key, bodyId, name) {
  const collapsed = ctx.ui.isCollapsed(key);
  return h("button", {
    type: "button",
    class: "btn-toggle",
    "aria-expanded": collapsed ? "false" : "true",
    "aria-controls": bodyId,
    "aria-label": `${collapsed ? "Mở rộng" : "Thu gọn"} ${name}`,
    dataset: { action: "toggle" },
    on: {
      click: (event) => {
        const btn = event.currentTarget;
        const now = btn.getAttribute("aria-expanded") === "true";
        ctx.ui.setCollapsed(key, now);
        btn.setAttribute("aria-expanded", now ? "false" : "true");
        btn.setAttribute("aria-label", `${now ? "Mở rộng" : "Thu gọn"} ${name}`);
        document.getElementById(bodyId).hidden = now;
      },
    },
  }, h("span", { class: "chevron", "aria-hidden": "true" }));
}
