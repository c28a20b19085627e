// The fields a document kind has of its own — a letter's "Kính gửi", a
// decision's enacting authority, an invitation's time, place and invitees —
// drawn from the kind's definition in GET /schema: each field by its JSON
// type, labelled with its Vietnamese title, its description as the hint.
// Nothing here names a kind (model/kind.js says which fields are its own).

import { card, excerpt } from "./cards.js";
import { h } from "./dom.js";
import { numberField, selectField, stringList, textField } from "./fields.js";

// A text longer than a heading's limit is a paragraph: it gets a text area.
const LINE_LIMIT = 300;

/** Whether a property is a list of texts (addressees, invitees). */
const isTextList = (prop) => prop.type === "array" && prop.items?.type === "string";

function fieldFor(ctx, key) {
  const { schema, kind } = ctx;
  const root = kind.root;
  const prop = schema.def(root).properties[key];
  const info = schema.field(root, key);
  const label = prop.title || key;
  const order = schema.keyOrder(root);
  const hint = prop.description;
  const types = [].concat(prop.type || []);
  if (info.enum) {
    return selectField(ctx, {
      path: [key], def: root, label, order,
      options: info.enum.map((value) => ({ value, label: kind.choiceLabel(key, value) })),
    });
  }
  if (isTextList(prop)) {
    const noun = label.toLowerCase();
    return h("div", { class: "field" },
      h("p", { class: "field-label" }, label, info.minItems ? h("span", { class: "req", "aria-hidden": "true" }, " *") : null),
      hint ? h("p", { class: "field-hint" }, hint) : null,
      stringList(ctx, {
        path: [key], order, itemLabel: (index) => `${noun} ${index + 1}`, addText: `Thêm dòng “${label}”`,
        itemOf: { def: root, key }, emptyText: "Chưa có.",
      }));
  }
  if (types.includes("integer")) return numberField(ctx, { path: [key], def: root, label, integer: true, order, hint });
  if (types.includes("string")) {
    return textField(ctx, { path: [key], def: root, label, order, hint, multiline: (info.maxLength || 0) > LINE_LIMIT });
  }
  const ref = schema.refOf(root, key);
  const inner = ref && schema.def(ref);
  const scalar = inner && Object.values(inner.properties).every((field) => [].concat(field.type || []).some((type) => ["integer", "string"].includes(type)));
  if (scalar) {
    // An object of plain fields (an invitation's time): one row of them.
    return h("fieldset", { class: "date-group", dataset: { path: key } },
      h("legend", {}, label, info.required ? h("span", { class: "req", "aria-hidden": "true" }, " *") : null),
      h("div", { class: "row" }, Object.entries(inner.properties).map(([name, field]) => {
        const integer = [].concat(field.type || []).includes("integer");
        const options = { path: [key, name], def: ref, label: field.title || name, order: schema.keyOrder(ref) };
        return integer ? numberField(ctx, { ...options, integer: true, wrapClass: "field-tiny" }) : textField(ctx, options);
      })));
  }
  return documentField(ctx, key, label);
}

/** A whole document carried inside this one (the plan a decision issues):
 * kept as it is, named here; its text is edited in its own draft. */
function documentField(ctx, key, label) {
  const value = ctx.store.get([key]);
  if (!value || typeof value !== "object") return null;
  const title = [value.document_type, excerpt(value.summary, 160)].filter(Boolean).join(" ");
  return h("div", { class: "field", dataset: { path: key } },
    h("p", { class: "field-label" }, label),
    h("p", {}, title || "(chưa có trích yếu)"),
    h("p", { class: "field-hint" },
      "Được giữ nguyên khi lưu, tải bản Word và PDF (in sau quyết định). Muốn sửa nội dung: sửa ở bản nháp của văn bản đó rồi soạn lại quyết định."));
}

/** The card of the kind's own fields; null for a kind without any (a plan). */
export function kindSection(ctx) {
  const keys = ctx.kind.shownFields(ctx.store.plan);
  if (!keys.length) return null;
  return card("sec-kind", `Thông tin riêng của ${ctx.kind.title.toLowerCase()}`, null,
    ...keys.map((key) => fieldFor(ctx, key)));
}
