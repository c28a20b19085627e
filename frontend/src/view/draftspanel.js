// "Các bản nháp": the drafts kept in this browser, with their last change;
// open, "Kế hoạch năm sau" (next year's plan made from one), delete — to the
// bin, from which "Hoàn tác", Ctrl+Z or "Khôi phục" bring it back.

import { h } from "./dom.js";

const when = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : `${date.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" })} ngày ${date.toLocaleDateString("vi-VN")}`;
};

/** Names as shown: two drafts with the same name are told apart ("(bản 2)"). */
function shownNames(items) {
  const seen = {};
  const total = {};
  for (const item of items) total[item.name] = (total[item.name] || 0) + 1;
  return items.map((item) => {
    seen[item.name] = (seen[item.name] || 0) + 1;
    return total[item.name] > 1 ? `${item.name} (bản ${seen[item.name]})` : item.name;
  });
}

/** The drafts in the order the list shows them: each draft that travels
 * alone or leads (a plan) followed by those made from it (its Tờ trình,
 * Quyết định, Báo cáo), marked `linked`. */
export function groupDrafts(items) {
  const ids = new Set(items.map((item) => item.id));
  const children = {};
  for (const item of items) if (item.parent && ids.has(item.parent)) (children[item.parent] ??= []).push(item);
  const ordered = [];
  for (const item of items) {
    if (item.parent && ids.has(item.parent)) continue;
    ordered.push({ ...item, linked: false });
    for (const child of children[item.id] || []) ordered.push({ ...child, linked: true });
  }
  return ordered;
}

/** drafts: Drafts; beforeSwitch(): save pending edits; show(plan);
 * nextYear(plan, name): next year's plan as a new draft; notify(message, options);
 * kindTitle(kind): how a clerk calls a draft's kind ("Công văn"; a plan for null);
 * hasNextYear(kind): whether next year's document is made from one of that kind. */
export function createDraftsPanel({ drafts, beforeSwitch, show, nextYear, notify, kindTitle, hasNextYear }) {
  const dialog = document.getElementById("drafts-dialog");
  const list = document.getElementById("drafts-list");
  const bin = document.getElementById("drafts-bin");
  const message = document.getElementById("drafts-message");

  /** Switch to draft `id`; the open one is saved first. */
  async function open(id) {
    await beforeSwitch();
    const record = await drafts.get(id);
    if (!record) return;
    await drafts.use(record);
    show(record.plan);
    if (dialog.open) dialog.close();
    notify(`Đã mở bản nháp ${kindTitle(record.plan?.kind ?? null).toLowerCase()} “${record.name}”.`, { kind: "success" });
  }

  async function fromLastYear(id) {
    await beforeSwitch();
    const record = await drafts.get(id);
    dialog.close();
    await nextYear(record.plan, record.name);
  }

  async function restore(id) {
    const record = await drafts.restore(id);
    if (record) message.replaceChildren(`Đã khôi phục bản nháp “${record.name}”.`);
    await refresh();
  }

  async function remove(id) {
    if (drafts.current && drafts.current.id === id) {
      notify("Không xóa được bản nháp đang mở. Hãy mở bản nháp khác trước.", { kind: "info" });
      return;
    }
    const record = await drafts.discard(id);
    if (!record) return;
    await refresh();
    // Inside the dialog (a modal): the undo sits next to the list it changes.
    message.replaceChildren(`Đã xóa bản nháp “${record.name}”. `,
      h("button", { type: "button", class: "btn btn-small", on: { click: () => restore(id) } }, "Hoàn tác"));
  }

  async function refresh() {
    const items = groupDrafts(await drafts.list());
    const names = shownNames(items);
    list.replaceChildren(...items.map((item, index) => {
      const current = drafts.current && drafts.current.id === item.id;
      const name = names[index];
      return h("li", { class: "draft" + (current ? " draft-current" : "") + (item.linked ? " draft-linked" : ""), dataset: { draft: item.id, kind: item.kind ?? "" } },
        h("span", { class: "draft-name" },
          h("span", { class: "draft-kind" }, item.linked ? `${kindTitle(item.kind)} kèm theo: ` : `${kindTitle(item.kind)}: `),
          name, current ? h("span", { class: "badge" }, " đang mở") : null),
        h("span", { class: "draft-time" }, `Sửa lần cuối lúc ${when(item.updatedAt)}`),
        h("span", { class: "row" },
          h("button", { type: "button", class: "btn btn-small", disabled: current, "aria-label": `Mở bản nháp ${name}`, on: { click: () => open(item.id) } }, "Mở"),
          hasNextYear(item.kind) ? h("button", { type: "button", class: "btn btn-small", "aria-label": `Kế hoạch năm sau từ: ${name}`, on: { click: () => fromLastYear(item.id) } }, "Kế hoạch năm sau") : null,
          h("button", { type: "button", class: "btn btn-small btn-danger-text", disabled: current, "aria-label": `Xóa bản nháp ${name}`, on: { click: () => remove(item.id) } }, "Xóa")));
    }));
    const binned = await drafts.list({ bin: true });
    bin.replaceChildren(...(binned.length ? binned.map((item) => h("li", { class: "draft" },
      h("span", { class: "draft-name" }, item.name),
      h("span", { class: "draft-time" }, `Xóa lúc ${when(item.deletedAt)}`),
      h("button", { type: "button", class: "btn btn-small", "aria-label": `Khôi phục bản nháp ${item.name}`, on: { click: () => restore(item.id) } }, "Khôi phục")))
      : [h("li", { class: "empty" }, "Không có.")]));
  }

  dialog.addEventListener("keydown", async (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== "z") return;
    event.preventDefault();
    const [last] = await drafts.list({ bin: true });
    if (last) await restore(last.id);
  });
  document.getElementById("btn-drafts").addEventListener("click", async () => {
    await beforeSwitch();
    message.replaceChildren();
    await refresh();
    dialog.showModal();
  });
  drafts.addEventListener("listchanged", () => { if (dialog.open) refresh(); });
  return { refresh: () => (dialog.open ? refresh() : Promise.resolve()), open };
}
