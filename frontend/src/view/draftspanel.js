// "Các bản nháp": the drafts kept in this browser, with their last change;
// open, "Dùng cho năm sau" (a copy for next year), delete with "Hoàn tác".

import { h } from "./dom.js";
import { forNextYear } from "../session/drafts.js";

const when = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : `${date.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" })} ngày ${date.toLocaleDateString("vi-VN")}`;
};

/** drafts: Drafts; beforeSwitch(): save pending edits; show(plan); notify(message, options). */
export function createDraftsPanel({ drafts, beforeSwitch, show, notify }) {
  const dialog = document.getElementById("drafts-dialog");
  const list = document.getElementById("drafts-list");
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

  async function nextYear(id) {
    beforeSwitch();
    const record = await drafts.get(id);
    const copy = forNextYear(record.plan);
    await drafts.create(copy);
    show(copy);
    dialog.close();
    notify(`Đã tạo bản nháp cho năm ${copy.date.year} từ “${record.name}”: số văn bản, ngày và tháng để trống.`, { kind: "success" });
  }

  async function remove(id) {
    const record = await drafts.get(id);
    if (!record) return;
    if (drafts.current && drafts.current.id === id) {
      notify("Không xóa được bản nháp đang mở. Hãy mở bản nháp khác trước.", { kind: "info" });
      return;
    }
    await drafts.remove(id);
    await refresh();
    // Inside the dialog (a modal): the undo sits next to the list it changes.
    message.replaceChildren(`Đã xóa bản nháp “${record.name}”. `,
      h("button", {
        type: "button", class: "btn btn-small",
        on: {
          click: async () => {
            await drafts.put(record);
            message.replaceChildren(`Đã khôi phục bản nháp “${record.name}”.`);
            await refresh();
          },
        },
      }, "Hoàn tác"));
  }

  async function refresh() {
    const items = await drafts.list();
    list.replaceChildren(...items.map((item) => {
      const current = drafts.current && drafts.current.id === item.id;
      return h("li", { class: "draft" + (current ? " draft-current" : ""), dataset: { draft: item.id } },
        h("span", { class: "draft-name" }, item.name, current ? h("span", { class: "badge" }, " đang mở") : null),
        h("span", { class: "draft-time" }, `Sửa lần cuối lúc ${when(item.updatedAt)}`),
        h("span", { class: "row" },
          h("button", { type: "button", class: "btn btn-small", disabled: current, "aria-label": `Mở bản nháp ${item.name}`, on: { click: () => open(item.id) } }, "Mở"),
          h("button", { type: "button", class: "btn btn-small", "aria-label": `Dùng cho năm sau: ${item.name}`, on: { click: () => nextYear(item.id) } }, "Dùng cho năm sau"),
          h("button", { type: "button", class: "btn btn-small btn-danger-text", disabled: current, "aria-label": `Xóa bản nháp ${item.name}`, on: { click: () => remove(item.id) } }, "Xóa")));
    }));
  }

  document.getElementById("btn-drafts").addEventListener("click", async () => {
    beforeSwitch();
    message.replaceChildren();
    await refresh();
    dialog.showModal();
  });
  drafts.addEventListener("listchanged", () => { if (dialog.open) refresh(); });
  return { refresh: () => (dialog.open ? refresh() : Promise.resolve()) };
}
