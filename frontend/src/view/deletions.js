// The history of deletions of the open draft: every row, part, appendix,
// table and section of the body removed — and every row, column, task,
// group or agency removed inside a table of the text — kept with the draft
// (so it survives a reload) and listed in "Đã xóa…", each with "Khôi phục".
// Ctrl+Z outside a text field (and in the body when its own undo has
// nothing left) brings back the last one.

import { insertKey } from "../model/store.js";
import { taskCount } from "../model/tasklist.js";
import { fingerprint, getIn, updateList } from "../model/update.js";
import { restoreColumn } from "./tabletools.js";
import { excerpt } from "./cards.js";
import { h } from "./dom.js";
import { notify } from "./notice.js";

const KEPT = 200; // the oldest deletions beyond this are forgotten

const when = (iso) => new Date(iso).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" });

/** How a clerk tells a removed table apart: its title, else its headers (a
 * table) or the number of its tasks (a task matrix). */
function blockName(block) {
  if (block?.type === "task_matrix") {
    return `bảng phân công nhiệm vụ ${block.title ? `“${excerpt(block.title, 60)}”` : `(${taskCount(block)} nhiệm vụ)`}`;
  }
  const headers = (block?.columns || []).map((column) => excerpt(column?.header, 30)).filter(Boolean).join(", ");
  return block?.title ? `bảng “${excerpt(block.title, 60)}”` : headers ? `bảng (${excerpt(headers, 60)})` : "một bảng";
}

/** ctx: the editing context (ctx.areas(): the rich-text areas); drafts: the
 * open draft (its `deleted` list); onChange(): the draft must be saved. */
export function createDeletions({ ctx, drafts, onChange }) {
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

  /** The rich-text area a path is in (the body when an old entry does not say). */
  const areaOf = (path = "body") => ctx.areas().find((area) => path === area.path.join(".") || path.startsWith(`${area.path.join(".")}.`));

  /** Put a removed row, task … back in its table: the table as it was when
   * it was kept and nothing changed in it since, else the item back at its
   * place. False when the table is no longer where it was. */
  function putBackInBlock(entry) {
    const editor = areaOf(entry.path)?.editor;
    const found = editor?.blockAt(entry.path);
    if (!found) return false;
    let value;
    if (entry.before && fingerprint(found.value) === entry.after) value = entry.before;
    else if (entry.item?.list) {
      const list = getIn(found.value, entry.item.list);
      value = updateList(found.value, entry.item.list, (copy) => copy.splice(Math.min(entry.item.index, (list || []).length), 0, entry.item.value));
    } else if (entry.item?.column !== undefined) value = restoreColumn(found.value, entry.item);
    else if (entry.item?.headers) {
      const { headers } = entry.item;
      value = { ...found.value, columns: found.value.columns.map((column, at) => ({ ...column, header: column.header || headers[at] || "" })) };
    } else return false;
    editor.replaceBlock(found.pos, value);
    return true;
  }

  function putBack(entry) {
    if (entry.type === "blocks") {
      const area = areaOf(entry.area);
      if (!area) return false;
      area.editor.insertNodes(entry.index, entry.nodes);
      return true;
    }
    if (entry.type === "inblock") return putBackInBlock(entry);
    ctx.store.structure((plan) => {
      if (entry.type === "item") {
        const list = ctx.store.ensureList(entry.path, entry.order);
        list.splice(Math.min(entry.index, list.length), 0, entry.value);
      } else {
        const parent = ctx.store.get(entry.path.slice(0, -1)) ?? plan;
        insertKey(parent, entry.path[entry.path.length - 1], entry.value, entry.order);
      }
    }, { scope: String(entry.path[0]) });
    return true;
  }

  function restore(id) {
    const index = drafts.deleted.findIndex((entry) => entry.id === id);
    if (index < 0) return;
    const entry = drafts.deleted[index];
    if (!putBack(entry)) {
      notify("Không tìm thấy chỗ cũ để khôi phục (bảng hoặc phần chứa nó đã bị xóa hay chuyển đi). Mục này vẫn còn trong “Đã xóa…”.", { kind: "error" });
      return;
    }
    drafts.deleted.splice(index, 1);
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
    /** A row, column, task, group or agency removed inside the table (or
     * task matrix) at document path `path`: `item` says what and where. The
     * table as it was (`before`, with a fingerprint of `after` to tell it is
     * unchanged since) is kept only when putting the item back may not give
     * it back exactly (`exact` false: a table's merged cells); a task list's
     * item goes back exactly, so a 200-task matrix is not kept per removal. */
    removedInBlock({ path, before, after, item, label, exact = false }) {
      const kept = exact ? {} : { before, after: fingerprint(after) };
      record({ type: "inblock", path, ...kept, item, label });
    },
    /** Parts or tables removed in a rich-text area (its path: "body",
     * "appendices.0.content"): {index, nodes, heading, blocks}. */
    blocksRemoved(area, { index, nodes, heading, blocks }) {
      const where = area === "body" ? "trong nội dung" : "trong phụ lục";
      let label;
      if (blocks) {
        label = `Đã xóa ${blocks.map(blockName).join(", ")} ${where}.`;
      } else {
        const name = excerpt(heading, 60);
        label = name ? `Đã xóa mục “${name}” ${where}.` : `Đã xóa một mục ${where}.`;
      }
      record({ type: "blocks", area, index, nodes, label });
    },
  };
}
