// Appendices: label, title, page orientation, an optional table of
// figures (tablegrid.js), the appendix's content — tables, task matrices,
// paragraphs — and its notes (rich-text areas, as the body).

import { excerpt, toggleButton, toolbarLink } from "./cards.js";
import { dotted, h, idFor } from "./dom.js";
import { addButton, button, itemButtons, selectField, textField } from "./fields.js";
import { insertTools } from "./blocks.js";
import { createRichText } from "./richtext.js";
import { newTable, tableEditor } from "./tablegrid.js";
import { newTaskMatrix } from "./taskmatrix.js";

const ORIENTATIONS = { auto: "Tự động", portrait: "Khổ dọc", landscape: "Khổ ngang" };

export function appendicesSection(ctx) {
  const path = ["appendices"];
  const raw = ctx.store.get(path);
  const appendices = Array.isArray(raw) ? raw : [];
  const items = appendices.map((appendix, index) => appendixEditor(ctx, [...path, index], appendix, index, appendices.length));
  return h("section", { class: "card", id: "sec-appendices", "aria-labelledby": "sec-appendices-title", dataset: { title: "Phụ lục" } },
    h("h2", { class: "card-title", id: "sec-appendices-title" }, "Phụ lục"),
    toolbarLink(),
    h("p", { class: "card-intro" }, "Bảng số liệu: tỷ lệ, hiệu, tổng và dòng tổng cộng được tính ngay khi nhập, theo đúng quy tắc khi in. Bảng phân công nhiệm vụ và bảng thường đặt trong “Nội dung phụ lục”."),
    h("div", { class: "appendices", dataset: { path: "appendices" } },
      items.length ? h("ol", { class: "blocks" }, items) : h("p", { class: "empty" }, "Chưa có phụ lục."),
      h("div", { class: "row" },
        addButton(ctx, path, "Thêm phụ lục", () => ({ title: "", table: newTable() }), { order: ctx.schema.keyOrder(ctx.kind.root) }),
        addButton(ctx, path, "Thêm phụ lục phân công nhiệm vụ", () => ({ title: "Phân công thực hiện nhiệm vụ", content: [newTaskMatrix()] }),
          { order: ctx.schema.keyOrder(ctx.kind.root) }))));
}

function appendixEditor(ctx, path, appendix, index, count) {
  const valid = appendix && typeof appendix === "object";
  const order = ctx.schema.keyOrder("Appendix");
  const { roman } = ctx.kind.numbering;
  const shownLabel = (valid && appendix.label) || (count > 1 ? `Phụ lục ${roman(index + 1)}` : "Phụ lục");
  const noun = `phụ lục ${index + 1}`;
  const bodyId = idFor(path, "-body");
  const key = valid ? appendix : dotted(path);
  const title = h("span", { class: "block-title" }, excerpt(valid ? appendix.title : "") || "(chưa có tên)");
  const table = valid ? appendix.table : null;
  return h("li", { class: "block block-appendix", dataset: { item: dotted(path), path: dotted(path), title: shownLabel } },
    h("div", { class: "item-head block-head" },
      toggleButton(ctx, key, bodyId, noun),
      h("span", { class: "badge badge-appendix" }, shownLabel),
      title,
      h("span", { class: "spacer" }),
      itemButtons(ctx, ["appendices"], index, count, noun)),
    h("div", { class: "block-body", id: bodyId, hidden: ctx.ui.isCollapsed(key) },
      h("div", { class: "grid-appendix" },
        textField(ctx, {
          path: [...path, "label"], def: "Appendix", label: "Nhãn phụ lục", order,
          placeholder: count > 1 ? `Phụ lục ${roman(index + 1)}` : "Phụ lục", hint: "Để trống để đánh số tự động.",
        }),
        textField(ctx, {
          path: [...path, "title"], def: "Appendix", label: "Tên phụ lục", order, className: "grow",
          onInput: (text) => { title.textContent = excerpt(text) || "(chưa có tên)"; },
        }),
        selectField(ctx, {
          path: [...path, "orientation"], def: "Appendix", label: "Hướng trang", order,
          hint: "Tự động: bảng nhiều cột thì xoay ngang.",
          options: ctx.schema.field("Appendix", "orientation").enum.map((value) => ({ value, label: ORIENTATIONS[value] || value })),
        })),
      table && typeof table === "object"
        ? h("div", { class: "table-wrap" },
          tableEditor(ctx, [...path, "table"], shownLabel),
          button("Bỏ bảng số liệu", {
            className: "btn-danger-text", label: `Bỏ bảng số liệu của ${noun}`,
            onClick: () => ctx.unsetObject([...path, "table"], "bảng số liệu"),
          }))
        : button("Thêm bảng số liệu", {
          className: "btn-add", dataset: { add: dotted([...path, "table"]) },
          onClick: () => ctx.setObject([...path, "table"], newTable(), order),
        }),
      h("h4", { class: "list-title", id: idFor(path, "-content") }, "Nội dung phụ lục"),
      valid ? contentEditor(ctx, path, order, idFor(path, "-content"), shownLabel) : null,
      h("h4", { class: "list-title", id: idFor(path, "-notes") }, "Ghi chú dưới phụ lục"),
      valid ? notesEditor(ctx, path, order, idFor(path, "-notes")) : null));
}

/** What the appendix holds besides its table of figures: tables, a task
 * matrix, paragraphs and points, edited like the body, with its insert buttons. */
function contentEditor(ctx, path, order, labelId, appendixLabel) {
  const content = createRichText(ctx, {
    path: [...path, "content"], def: "Appendix", key: "content", order,
    title: `${appendixLabel} › Nội dung phụ lục`,
    label: `Nội dung ${appendixLabel.toLocaleLowerCase("vi")}`,
    describedBy: labelId,
    placeholder: () => "",
    className: "pm-notes pm-content",
  });
  ctx.richTexts.add(content);
  return h("div", { class: "appendix-content" },
    h("div", { class: "area-toolbar", role: "toolbar", "aria-label": "Chèn vào nội dung phụ lục" }, insertTools(content, content.types)),
    content.mount);
}

/** The notes under an appendix's table: paragraphs and bullets, edited like the body. */
function notesEditor(ctx, path, order, labelId) {
  const notes = createRichText(ctx, {
    path: [...path, "notes"], def: "Appendix", key: "notes", order,
    title: "Ghi chú dưới phụ lục",
    label: "Ghi chú dưới phụ lục",
    describedBy: labelId,
    placeholder: () => "",
    className: "pm-notes",
  });
  ctx.richTexts.add(notes);
  return notes.mount;
}
