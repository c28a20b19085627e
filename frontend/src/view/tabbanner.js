// A draft open in two tabs: only one edits it. The other shows it without
// letting anyone type (the form is inert, nothing typed there can be lost)
// and says so, with the two ways to go on: edit a copy, or take the draft
// over (the first tab saves its last edits and becomes the one that shows).

import { h } from "./dom.js";
import { notify } from "./notice.js";

/** drafts: Drafts; getPlan(); show(plan); save(): the page's pending save. */
export function createTabBanner({ drafts, getPlan, show, save, form, statusLine }) {
  const banner = document.getElementById("tab-banner");

  function explain({ readOnly = false, changedElsewhere = false, takenElsewhere = false } = {}) {
    form.inert = readOnly;
    banner.hidden = !readOnly;
    if (!readOnly) return;
    statusLine.textContent = "Chỉ xem: bản nháp này đang mở ở thẻ khác";
    const why = changedElsewhere
      ? "Bản nháp này vừa được sửa ở một thẻ khác. Thẻ này ngừng sửa và lưu để không ghi đè lên thay đổi đó."
      : takenElsewhere
        ? "Bản nháp này đã được chuyển sang sửa ở một thẻ khác (mọi thay đổi ở thẻ này đã được lưu). Thẻ này chỉ để xem."
        : "Bản nháp này đang mở ở một thẻ khác. Thẻ này chỉ để xem, để hai thẻ không ghi đè lên nhau.";
    banner.replaceChildren(
      h("p", {}, `${why} Muốn sửa ở đây, hãy chọn:`),
      h("div", { class: "row" },
        h("button", { type: "button", class: "btn", on: { click: copy } }, "Sửa tiếp trong một bản sao"),
        h("button", { type: "button", class: "btn", on: { click: takeOver } }, "Chuyển sang sửa ở thẻ này"),
        h("button", { type: "button", class: "btn", on: { click: reopen } }, "Mở lại bản mới nhất")));
  }

  async function copy() {
    await drafts.create(structuredClone(getPlan()));
    notify("Đã tạo bản sao; thẻ này sửa và lưu bản sao đó.", { kind: "success" });
  }

  async function takeOver() {
    const record = await drafts.takeOver();
    if (record) show(record.plan);
    notify("Thẻ này sửa bản nháp từ bây giờ; thẻ kia chỉ còn để xem.", { kind: "success" });
  }

  async function reopen() {
    const record = await drafts.get(drafts.current.id);
    if (record) show(record.plan);
    await drafts.retake();
  }

  drafts.addEventListener("current", (event) => explain(event.detail));
  drafts.addEventListener("taken", async () => {
    await save();
    drafts.yieldDraft();
  });
  return { explain };
}
