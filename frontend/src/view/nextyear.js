// "Kế hoạch năm sau": a new draft made from a plan with the year moved on
// everywhere (model/nextyear.js), and a review list beside the form: every
// text that changed (before → after) and every figure to bring up to date,
// each a link to its field.

import { forNextYear } from "../model/nextyear.js";
import { excerpt } from "./cards.js";
import { h } from "./dom.js";

/** openAsNewDraft(plan, message); focusPath(dotted path). */
export function createNextYear({ openAsNewDraft, focusPath }) {
  const panel = document.getElementById("year-review");

  const link = (path, text) => h("li", {}, h("a", {
    href: "#form-root",
    on: { click: (event) => { event.preventDefault(); focusPath(path.join(".")); } },
  }, text));

  function review({ year, changes, figures }, source) {
    panel.replaceChildren(
      h("h2", { id: "year-review-title" }, `Kế hoạch năm ${year}: những chỗ cần xem lại`),
      h("p", {}, `Làm từ “${excerpt(source, 80)}”. Số văn bản, ngày và tháng để trống cho văn thư. `
        + "Năm đã được chuyển ở mọi chỗ dưới đây; các số liệu thì cần cập nhật bằng tay."),
      h("h3", {}, `Đã đổi năm (${changes.length})`),
      changes.length
        ? h("ol", { class: "report-list" }, changes.map((change) => link(change.path,
          `${excerpt(change.before, 70)} → ${excerpt(change.after, 70)}`)))
        : h("p", {}, "Không có chỗ nào ghi năm cũ."),
      h("h3", {}, `Số liệu nên cập nhật (${figures.length})`),
      figures.length
        ? h("ol", { class: "report-list" }, figures.map((figure) => link(figure.path, excerpt(figure.what, 90))))
        : h("p", {}, "Không có chỉ tiêu hay bảng số liệu nào."),
      h("button", { type: "button", class: "btn btn-small", on: { click: () => { panel.hidden = true; } } }, "Đóng bảng này"));
    panel.hidden = false;
    panel.focus();
  }

  return {
    /** Make next year's plan from `plan` as a new draft and show what to review. */
    async start(plan, name) {
      const result = forNextYear(plan);
      await openAsNewDraft(result.plan, `Đã tạo bản nháp Kế hoạch năm ${result.year} từ “${excerpt(name, 60)}”.`);
      review(result, name);
      return result;
    },
    hide() {
      panel.hidden = true;
    },
  };
}
