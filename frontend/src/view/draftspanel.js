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

/** drafts: Drafts; beforeSwitch(): save pending edits; show(plan);
 * nextYear(plan, name): next year's plan as a new draft; notify(message, options). */
export function createDraftsPanel({ drafts, beforeSwitch, show, nextYear, notify }) {
  const dialog = document.getElementById("drafts-dialog");
  const list = document.getElementById("drafts-list");
  const bin = document.getElementById("drafts-bin");
  const message = document.getElementById("drafts-message");

  async function open(id) {
    beforeSwitch();
    const record = await drafts.get(id);
    if (!record) return;
    await drafts.use(record);
    show(record.plan);
    dialog.close();
    notify(`Đã mở bản nháp “${record.name}”.`, { kind: "success" });
  }

  async function fromLastYear(id) {
    beforeSwitch();
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
    const items = await drafts.list();
    const names = shownNames(items);
    list.replaceChildren(...items.map((item, index) => {
      const current = drafts.current && drafts.current.id === item.id;
      const name = names[index];
      return h("li", { class: "draft" + (current ? " draft-current" : ""), dataset: { draft: item.id } },
        h("span", { class: "draft-name" }, name, current ? h("span", { class: "badge" }, " đang mở") : null),
        h("span", { class: "draft-time" }, `Sửa lần cuối lúc ${when(item.updatedAt)}`),
        h("span", { class: "row" },
          h("button", { type: "button", class: "btn btn-small", disabled: current, "aria-label": `Mở bản nháp ${name}`, on: { click: () => open(item.id) } }, "Mở"),
          h("button", { type: "button", class: "btn btn-small", "aria-label": `Kế hoạch năm sau từ: ${name}`, on: { click: () => fromLastYear(item.id) } }, "Kế hoạch năm sau"),
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
    beforeSwitch();
    message.replaceChildren();
    await refresh();
    dialog.showModal();
  });
  drafts.addEventListener("listchanged", () => { if (dialog.open) refresh(); });
  return { refresh: () => (dialog.open ? refresh() : Promise.resolve()) };
}
