// The history of deletions of the open draft: every row, part, appendix,
// table and section of the body removed, kept with the draft (so it
// survives a reload) and listed in "Đã xóa…", each with "Khôi phục".
// Ctrl+Z outside a text field (and in the body when its own undo has
// nothing left) brings back the last one.

import { insertKey } from "../model/store.js";
import { excerpt } from "./cards.js";
import { h } from "./dom.js";
import { notify } from "./notice.js";

const KEPT = 200; // the oldest deletions beyond this are forgotten

const when = (iso) => new Date(iso).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" });

/** ctx: the editing context; drafts: the open draft (its `deleted` list);
 * body(): the body editor; onChange(): the draft must be saved. */
export function createDeletions({ ctx, drafts, body, onChange }) {
  const dialog = document.getElementById("history-dialog");
  const list = document.getElementById("history-list");
  const button = document.getElementById("btn-history");

  function refresh() {
    const entries = drafts.deleted;
    button.textContent = entries.length ? `Đã xóa (${entries.length})…` : "Đã xóa…";
    if (dialog.open) drawList();
  }

  function drawList() {
    const entries = drafts.deleted;
    list.replaceChildren(...(entries.length ? [...entries].reverse().map((entry) => h("li", { class: "draft" },
      h("span", { class: "draft-name" }, entry.label),
      h("span", { class: "draft-time" }, `lúc ${when(entry.at)}`),
      h("button", {
        type: "button", class: "btn btn-small", "aria-label": `Khôi phục: ${entry.label}`,
        on: { click: () => restore(entry.id) },
      }, "Khôi phục"))) : [h("li", { class: "empty" }, "Chưa xóa gì trong bản nháp này.")]));
  }

  function record(entry) {
    const kept = { id: crypto.randomUUID(), at: new Date().toISOString(), ...entry };
    drafts.deleted.push(kept);
    if (drafts.deleted.length > KEPT) drafts.deleted.splice(0, drafts.deleted.length - KEPT);
    refresh();
    onChange();
    notify(entry.label, { action: { label: "Hoàn tác", run: () => restore(kept.id) } });
  }

  function putBack(entry) {
    if (entry.type === "blocks") {
      body().insertNodes(entry.index, entry.nodes);
      return;
    }
    ctx.store.structure((plan) => {
      if (entry.type === "item") {
        const list = ctx.store.ensureList(entry.path, entry.order);
        list.splice(Math.min(entry.index, list.length), 0, entry.value);
      } else {
        const parent = ctx.store.get(entry.path.slice(0, -1)) ?? plan;
        insertKey(parent, entry.path[entry.path.length - 1], entry.value, entry.order);
      }
    }, { scope: String(entry.path[0]) });
  }

  function restore(id) {
    const index = drafts.deleted.findIndex((entry) => entry.id === id);
    if (index < 0) return;
    const [entry] = drafts.deleted.splice(index, 1);
    putBack(entry);
    refresh();
    onChange();
    notify(`Đã khôi phục: ${entry.label.replace(/^Đã (xóa|bỏ) /, "")}`, { kind: "success" });
  }

  const last = () => drafts.deleted[drafts.deleted.length - 1];

  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== "z") return;
    if (event.defaultPrevented || drafts.readOnly || !last() || dialog.open) return;
    if (event.target.closest?.("input, textarea, select, dialog")) return; // the field's own undo
    event.preventDefault();
    restore(last().id);
  });
  drafts.addEventListener("current", refresh); // another draft, another history
  button.addEventListener("click", () => {
    drawList();
    dialog.showModal();
  });
  refresh();

  return {
    record,
    restore,
    refresh,
    /** A part of the body removed in the editor: {index, nodes, heading}. */
    bodyRemoved({ index, nodes, heading }) {
      const name = excerpt(heading, 60);
      record({ type: "blocks", index, nodes, label: name ? `Đã xóa mục “${name}” trong nội dung.` : "Đã xóa một mục trong nội dung." });
    },
  };
}
