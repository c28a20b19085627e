// The form's top-level sections, in the order of the document: general
// information, legal bases, body, closing, recipients, signatory, appendices.
// The body card is the editor of bodyeditor.js, built once.

import { appendicesSection } from "./appendix.js";
import { card } from "./cards.js";
import { h } from "./dom.js";
import { addButton, countNote, itemButtons, numberField, selectField, stringList, textField } from "./fields.js";
import { kindSection } from "./kindfields.js";

function advanced(summary, ...content) {
  return h("details", { class: "advanced" }, h("summary", {}, summary), h("div", { class: "advanced-body" }, ...content));
}

/** The type a document is: chosen among the types of the same layout for a
 * plan, fixed for every other kind (a letter has no type line). */
function typeField(ctx) {
  if (ctx.kind.has("document_type")) {
    return selectField(ctx, {
      path: ["document_type"], def: ctx.kind.root, label: "Loại văn bản", order: ctx.schema.keyOrder(ctx.kind.root),
      options: ctx.schema.field(ctx.kind.root, "document_type").enum.map((value) => ({ value, label: value })),
    });
  }
  return h("div", { class: "field" },
    h("p", { class: "field-label" }, "Loại văn bản"),
    h("p", { class: "kind-name", dataset: { kind: ctx.kind.name } }, ctx.kind.title,
      ctx.kind.typeName ? null : h("span", { class: "field-hint" }, " (không in dòng tên loại)")));
}

function generalSection(ctx) {
  return card("sec-general", "Thông tin chung", null,
    h("div", { class: "grid-2" },
      textField(ctx, {
        path: ["issuer", "parent"], def: "Issuer", label: "Cơ quan cấp trên trực tiếp", order: ctx.schema.keyOrder("Issuer"),
        placeholder: "Ví dụ: UBND HUYỆN VẠN NINH", hint: "Để trống nếu không có.",
      }),
      textField(ctx, {
        path: ["issuer", "name"], def: "Issuer", label: "Tên cơ quan ban hành", order: ctx.schema.keyOrder("Issuer"),
        placeholder: "Ví dụ: Ủy ban nhân dân xã Đại Lãnh",
      })),
    h("div", { class: "grid-4" },
      textField(ctx, {
        path: ["issuer", "abbreviation"], def: "Issuer", label: "Tên viết tắt của cơ quan", order: ctx.schema.keyOrder("Issuer"),
        placeholder: "Ví dụ: UBND", hint: "Dùng trong ký hiệu văn bản.",
      }),
      typeField(ctx),
      numberField(ctx, {
        path: ["number"], def: ctx.kind.root, label: "Số văn bản", integer: true, order: ctx.schema.keyOrder(ctx.kind.root),
        hint: "Để trống: văn thư điền khi ban hành.",
      }),
      textField(ctx, {
        path: ["place"], def: ctx.kind.root, label: "Địa danh", order: ctx.schema.keyOrder(ctx.kind.root), placeholder: "Ví dụ: Đại Lãnh",
      })),
    h("fieldset", { class: "date-group", dataset: { path: "date" } },
      h("legend", {}, "Ngày ban hành"),
      h("div", { class: "row" },
        numberField(ctx, { path: ["date", "day"], def: "IssueDate", label: "Ngày", integer: true, order: ctx.schema.keyOrder("IssueDate"), wrapClass: "field-tiny" }),
        numberField(ctx, { path: ["date", "month"], def: "IssueDate", label: "Tháng", integer: true, order: ctx.schema.keyOrder("IssueDate"), wrapClass: "field-tiny" }),
        numberField(ctx, { path: ["date", "year"], def: "IssueDate", label: "Năm", integer: true, order: ctx.schema.keyOrder("IssueDate"), wrapClass: "field-small" }),
        h("p", { class: "field-hint date-hint" }, "Có thể để trống ngày và tháng để văn thư điền khi ban hành."))),
    textField(ctx, {
      path: ["summary"], def: ctx.kind.root, label: "Trích yếu nội dung", multiline: true, order: ctx.schema.keyOrder(ctx.kind.root),
      hint: ctx.kind.ownDescription("summary"),
      placeholder: "Ví dụ: Triển khai thực hiện công tác giảm nghèo năm 2024 trên địa bàn xã",
    }),
    advanced("Tùy chọn thêm: ký hiệu riêng, dấu dự thảo",
      h("div", { class: "grid-2" },
        textField(ctx, {
          path: ["symbol"], def: ctx.kind.root, label: "Ký hiệu văn bản (nếu khác mặc định)", order: ctx.schema.keyOrder(ctx.kind.root),
          placeholder: "Ví dụ: KH-UBND", hint: "Để trống: ghép từ loại văn bản và tên viết tắt của cơ quan.",
        }),
        textField(ctx, {
          path: ["draft_mark"], def: ctx.kind.root, label: "Dấu dự thảo", order: ctx.schema.keyOrder(ctx.kind.root),
          placeholder: "Ví dụ: Dự thảo", hint: "In ở góc trên của văn bản khi còn là dự thảo.",
        }))));
}

function basesSection(ctx) {
  if (!ctx.kind.has("legal_bases")) return null;
  return card("sec-bases", "Căn cứ ban hành", "Mỗi căn cứ là một đoạn riêng, in nghiêng trong văn bản.",
    stringList(ctx, {
      path: ["legal_bases"], multiline: true, order: ctx.schema.keyOrder(ctx.kind.root),
      itemLabel: (index) => `căn cứ ${index + 1}`, addText: "Thêm căn cứ",
      itemOf: { def: ctx.kind.root, key: "legal_bases" },
      placeholder: "Căn cứ Luật/Nghị định/Quyết định số … ngày … của …",
      emptyText: "Chưa có căn cứ nào.",
    }),
    !ctx.kind.has("lead_in") ? null : textField(ctx, {
      path: ["lead_in"], def: ctx.kind.root, label: "Đoạn dẫn vào nội dung", multiline: true, order: ctx.schema.keyOrder(ctx.kind.root),
      placeholder: "Ví dụ: Ủy ban nhân dân xã ban hành Kế hoạch … như sau:",
    }));
}

function closingSection(ctx) {
  if (!ctx.kind.has("closing")) return null;
  return card("sec-closing", "Kết thúc", null,
    textField(ctx, {
      path: ["closing"], def: ctx.kind.root, label: "Đoạn kết", multiline: true, order: ctx.schema.keyOrder(ctx.kind.root),
      hint: `Khi in, cuối đoạn kết tự có “${ctx.kind.conventions.end_of_text}”: không cần gõ.`,
      placeholder: `Ví dụ: ${ctx.kind.typeName ? `Trên đây là ${ctx.kind.title} … ` : ""}Đề nghị các cơ quan, đơn vị triển khai thực hiện./.`,
    }));
}

function recipientsSection(ctx) {
  const path = ["recipients"];
  const raw = ctx.store.get(path);
  const recipients = Array.isArray(raw) ? raw : [];
  const rows = recipients.map((_, index) => {
    const itemPath = [...path, index];
    return h("li", { class: "recipient", dataset: { item: itemPath.join("."), path: itemPath.join(".") } },
      textField(ctx, {
        path: [...itemPath, "name"], def: "Recipient", label: `Nơi nhận ${index + 1}`, className: "grow",
        order: ctx.schema.keyOrder("Recipient"),
      }),
      textField(ctx, {
        path: [...itemPath, "note"], def: "Recipient", label: "Ghi chú", placeholder: "b/c, t/h…",
        className: "field-short", order: ctx.schema.keyOrder("Recipient"),
      }),
      itemButtons(ctx, path, index, recipients.length, `nơi nhận ${index + 1}`));
  });
  const archive = ctx.store.get(["archive"]);
  return card("sec-recipients", "Nơi nhận", null,
    h("div", { class: "recipients", dataset: { path: "recipients" } },
      rows.length ? h("ol", { class: "plain-list" }, rows) : h("p", { class: "empty" }, "Chưa có nơi nhận."),
      countNote(ctx.schema.field(ctx.kind.root, "recipients").maxItems, recipients.length),
      addButton(ctx, path, "Thêm nơi nhận", () => ({ name: "" }), { order: ctx.schema.keyOrder(ctx.kind.root) })),
    h("h3", { class: "sub-title" }, "Lưu"),
    Array.isArray(archive) ? null : h("p", { class: "empty" }, "Mặc định: Lưu: VT."),
    stringList(ctx, {
      path: ["archive"], order: ctx.schema.keyOrder(ctx.kind.root), itemLabel: (index) => `đơn vị lưu ${index + 1}`, addText: "Thêm đơn vị lưu",
      itemOf: { def: ctx.kind.root, key: "archive" }, defaultItems: ["VT"], placeholder: "VT, TCKT…",
    }));
}

const AUTHORITIES = {
  "": "Ký trực tiếp",
  TM: "TM. – Thay mặt tập thể",
  KT: "KT. – Ký thay",
  TL: "TL. – Thừa lệnh",
  TUQ: "TUQ. – Thừa ủy quyền",
  Q: "Q. – Quyền",
};

function signatorySection(ctx) {
  const base = ["signatory"];
  const order = ctx.schema.keyOrder("Signatory");
  const signatory = ctx.store.get(base) || {};
  // "TM." is a collective line without KT/TL/TUQ/Q; an empty one still means TM.
  const authority = signatory.authority ?? (typeof signatory.collective === "string" ? "TM" : "");
  const enumValues = ctx.schema.field("Signatory", "authority").enum;
  const choices = ["TM", ...enumValues];
  const needsPrincipal = ["KT", "TL", "TUQ"].includes(signatory.authority);
  const showCollective = authority === "TM" || Boolean(signatory.collective) || Boolean(signatory.authority);
  const preview = h("pre", { class: "signature-preview", "aria-label": "Phần chữ ký sẽ in" });
  const refresh = () => { preview.textContent = signatureText(ctx.store.get(base) || {}); };
  refresh();
  return card("sec-signatory", "Người ký", null,
    h("div", { class: "signatory-grid" },
      h("div", { class: "signatory-fields", dataset: { path: "signatory" } },
        selectField(ctx, {
          path: [...base, "authority"], label: "Thẩm quyền ký", value: authority,
          options: choices.map((value) => ({ value, label: AUTHORITIES[value] || value })),
          emptyLabel: AUTHORITIES[""],
          onChange: (value) => ctx.setAuthority(value),
        }),
        showCollective ? textField(ctx, {
          path: [...base, "collective"], def: "Signatory", order, label: "Tập thể lãnh đạo (dòng TM.)",
          placeholder: "Ví dụ: Ủy ban nhân dân", onInput: refresh, keepEmpty: authority === "TM", required: authority === "TM",
          hint: authority === "TM" ? undefined : "Để trống nếu không ký thay mặt tập thể.",
        }) : null,
        needsPrincipal ? textField(ctx, {
          path: [...base, "principal_title"], def: "Signatory", order, label: "Chức vụ người đứng đầu",
          placeholder: "Ví dụ: Chủ tịch", onInput: refresh, required: true,
        }) : null,
        textField(ctx, {
          path: [...base, "title"], def: "Signatory", order, label: "Chức vụ người ký", placeholder: "Ví dụ: Phó Chủ tịch",
          onInput: refresh,
        }),
        textField(ctx, {
          path: [...base, "name"], def: "Signatory", order, label: "Họ và tên người ký", onInput: refresh,
          autocomplete: "name",
        })),
      h("div", { class: "signatory-preview" }, h("p", { class: "field-label", "aria-hidden": "true" }, "Sẽ in là:"), preview)));
}

function signatureText(signatory) {
  const lines = [];
  const upper = (text) => String(text || "").toUpperCase();
  if (signatory.collective) lines.push(`TM. ${upper(signatory.collective)}`);
  const title = upper(signatory.title) || "(CHỨC VỤ)";
  // Same lines as generators/front_matter.py authority_lines().
  if (signatory.authority === "Q") lines.push(`Q. ${title}`);
  else {
    if (signatory.authority) lines.push(`${signatory.authority}. ${upper(signatory.principal_title) || "(CHỨC VỤ NGƯỜI ĐỨNG ĐẦU)"}`);
    lines.push(title);
  }
  lines.push("", "", signatory.name || "(Họ và tên)");
  return lines.join("\n");
}

// Each part of the form and the top-level keys of the document it shows.
const PARTS = [
  [generalSection, ["issuer", "document_type", "number", "symbol", "place", "date", "summary", "draft_mark"]],
  [kindSection, null], // the kind's own fields
  [basesSection, ["legal_bases", "lead_in"]],
  [closingSection, ["closing"]],
  [recipientsSection, ["recipients", "archive"]],
  [signatorySection, ["signatory"]],
  [appendicesSection, ["appendices"]],
];

/** The part of the form that shows the top-level `key`, drawn anew; null
 * when no single part does (the whole form is drawn then). */
export function renderSection(ctx, key) {
  const part = PARTS.find(([, keys]) => (keys ? keys.includes(key) : ctx.kind.ownFields.includes(key)));
  return part ? part[0](ctx) : null;
}

export function renderForm(ctx) {
  return [
    generalSection(ctx),
    kindSection(ctx),
    basesSection(ctx),
    ctx.kind.textKey ? ctx.bodyCard.card : null, // mounted once per kind: the editor keeps its state across renders
    closingSection(ctx),
    recipientsSection(ctx),
    signatorySection(ctx),
    ctx.kind.has("appendices") ? appendicesSection(ctx) : null,
  ].filter(Boolean);
}
