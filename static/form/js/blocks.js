// The body's tree editor: one editor per block type (paragraph, bullets,
// points, section and the plan's named parts), block lists with
// "Thêm mục", and per-block Lên / Xuống / Xóa and a type selector.
// Headings show the number the document will give them (I., 1., 1.1.).

import { dotted, h, idFor } from "./dom.js";
import { addButton, button, checkboxField, itemButtons, numberField, selectField, stringList, textField } from "./fields.js";
import { roman } from "./numbers.js";
import { BLOCK_LABELS, SECTION_TYPES } from "./schema.js";

const MAX_DEPTH = 4;

// --- numbering -------------------------------------------------------------

/** Numbering context of the headings at one level under one parent. */
export function outlineRoot() {
  return { depth: 1, chain: [], count: 0 };
}

function nextHeading(outline) {
  outline.count += 1;
  const n = outline.count;
  const label = outline.depth === 1 ? `${roman(n)}.` : [...outline.chain.slice(1), n].join(".") + ".";
  return { n, label, short: label.replace(/\.$/, ""), depth: outline.depth, child: { depth: outline.depth + 1, chain: [...outline.chain, n], count: 0 } };
}

// --- new blocks and type changes -------------------------------------------

export function createBlock(type) {
  switch (type) {
    case "paragraph": return { type, text: "" };
    case "bullets": return { type, items: [{ text: "" }] };
    case "points": return { type, items: [{ text: "" }] };
    case "section": return { type, heading: "", content: [] };
    case "purposes_requirements": return { type, purposes: { content: [] }, requirements: { content: [] } };
    case "targets": return { type, general: { content: [] }, specific: { items: [] } };
    case "assignments": return { type, agencies: [] };
    default: return { type, content: [] };
  }
}

const isEmptyValue = (value) => value === undefined || value === null || value === "" || value === false
  || (Array.isArray(value) && value.length === 0)
  || (typeof value === "object" && !Array.isArray(value) && Object.values(value).every(isEmptyValue));

function textsOf(block) {
  if (block.type === "paragraph") return [block.text || ""];
  const texts = [];
  for (const item of block.items || []) {
    texts.push(item.text || "");
    for (const sub of item.sub_items || []) texts.push(sub);
    for (const inner of item.content || []) texts.push(...textsOf(inner));
  }
  return texts;
}

/**
 * `block` turned into a `to` block, keeping what fits: sections keep their
 * heading and content; lists keep their items' text; a list put under a
 * new section becomes its content. `lost` tells whether anything is dropped.
 */
export function convertBlock(block, to, schema) {
  const from = block.type;
  if (SECTION_TYPES.has(from) && SECTION_TYPES.has(to)) {
    const result = { type: to };
    const heading = block.heading ?? schema.defaultHeading(schema.defOfType(from));
    if (heading !== undefined && heading !== schema.defaultHeading(schema.defOfType(to))) result.heading = heading;
    if (block.run_in !== undefined) result.run_in = block.run_in;
    result.content = block.content || [];
    const fresh = createBlock(to);
    let lost = false;
    for (const [key, value] of Object.entries(block)) {
      if (["type", "heading", "run_in", "content"].includes(key)) continue;
      if (key in fresh) result[key] = value;
      else if (!isEmptyValue(value)) lost = true;
    }
    for (const [key, value] of Object.entries(fresh)) if (!(key in result)) result[key] = value;
    return { block: result, lost };
  }
  if (!SECTION_TYPES.has(from) && SECTION_TYPES.has(to)) {
    const result = createBlock(to);
    result.content = [block];
    return { block: result, lost: false };
  }
  if (SECTION_TYPES.has(from)) {
    const heading = block.heading || "";
    const result = to === "paragraph" ? { type: to, text: heading } : { type: to, items: [{ text: heading }] };
    const rest = { ...block, type: undefined, heading: undefined };
    return { block: result, lost: !isEmptyValue(rest) };
  }
  if (to === "paragraph") {
    const texts = textsOf(block).filter(Boolean);
    return { block: { type: to, text: texts.join(" ") }, lost: texts.length > 1 };
  }
  if (from === "paragraph") return { block: { type: to, items: [{ text: block.text || "" }] }, lost: false };
  if (from === "bullets" && to === "points") {
    const items = (block.items || []).map((item) => {
      const point = { text: item.text || "" };
      if ((item.sub_items || []).length) point.content = [{ type: "bullets", items: item.sub_items.map((text) => ({ text })) }];
      return point;
    });
    return { block: { type: to, items }, lost: false };
  }
  if (from === "points" && to === "bullets") {
    let lost = false;
    const items = (block.items || []).map((item) => {
      const bullet = { text: item.text || "" };
      const subs = [];
      for (const inner of item.content || []) {
        if (inner.type === "bullets") subs.push(...inner.items.map((sub) => sub.text || ""));
        else lost = true;
      }
      if (subs.length) bullet.sub_items = subs;
      return bullet;
    });
    return { block: { type: to, items }, lost };
  }
  return { block: createBlock(to), lost: true };
}

// --- helpers -----------------------------------------------------------------

/** Text without inline markup, shortened, for headers and summaries. */
export function excerpt(text, length = 90) {
  const plain = String(text ?? "").replace(/\^\[([^\]]*)\]/g, "").replace(/[*_]{1,3}/g, "").trim();
  return plain.length > length ? plain.slice(0, length - 1).trimEnd() + "…" : plain;
}

export function toggleButton(ctx, key, bodyId, name) {
  const collapsed = ctx.ui.isCollapsed(key);
  return h("button", {
    type: "button",
    class: "btn-toggle",
    "aria-expanded": collapsed ? "false" : "true",
    "aria-controls": bodyId,
    "aria-label": `${collapsed ? "Mở rộng" : "Thu gọn"} ${name}`,
    dataset: { action: "toggle" },
    on: {
      click: (event) => {
        const btn = event.currentTarget;
        const now = btn.getAttribute("aria-expanded") === "true";
        ctx.ui.setCollapsed(key, now);
        btn.setAttribute("aria-expanded", now ? "false" : "true");
        btn.setAttribute("aria-label", `${now ? "Mở rộng" : "Thu gọn"} ${name}`);
        document.getElementById(bodyId).hidden = now;
      },
    },
  }, h("span", { class: "chevron", "aria-hidden": "true" }));
}

function typeOptions(types) {
  return types.map((type) => ({ value: type, label: BLOCK_LABELS[type] || type }));
}

// --- block lists ---------------------------------------------------------------

/**
 * The blocks at `path` (a list property `key` of schema definition `def`).
 * opts: outline (numbering), label (what the list is, for the add row),
 *   parentOrder (key order of the object holding the list).
 */
export function blockList(ctx, path, { def, key, outline, label, parentOrder, compact = false }) {
  const types = ctx.schema.blockTypes(def, key);
  const raw = ctx.store.get(path);
  const blocks = Array.isArray(raw) ? raw : [];
  const items = blocks.map((block, index) => blockEditor(ctx, [...path, index], block, {
    outline, types, listPath: path, index, length: blocks.length,
  }));
  const selectId = idFor(path, "-newtype");
  const select = h("select", { id: selectId, class: "input input-select input-compact" },
    typeOptions(types).map((option) => h("option", { value: option.value }, option.label)));
  const addRow = h("div", { class: "add-row" + (compact ? " add-row-compact" : "") },
    h("label", { for: selectId, class: compact ? "visually-hidden" : "add-label" }, `Loại mục thêm vào ${label}`),
    select,
    button(compact ? "Thêm" : "Thêm mục", {
      className: "btn-add",
      dataset: { add: dotted(path) },
      label: `Thêm mục vào ${label}`,
      onClick: () => ctx.add(path, createBlock(select.value), { order: parentOrder }),
    }));
  return h("div", { class: "block-list", dataset: { path: dotted(path) } },
    items.length ? h("ol", { class: "blocks" }, items) : (compact ? null : h("p", { class: "empty" }, "Chưa có nội dung.")),
    addRow);
}

// --- one block ---------------------------------------------------------------

function blockEditor(ctx, path, block, { outline, types, listPath, index, length }) {
  const valid = block && typeof block === "object" && !Array.isArray(block);
  const type = valid ? block.type : undefined;
  const known = valid && BLOCK_LABELS[type] !== undefined;
  const heading = known && SECTION_TYPES.has(type) ? nextHeading(outline) : null;
  const typeLabel = known ? BLOCK_LABELS[type] : "Mục không hợp lệ";
  const noun = `${typeLabel.toLowerCase()} ${heading ? heading.short : `thứ ${index + 1}`}`.trim();
  const bodyId = idFor(path, "-body");
  const collapseKey = valid ? block : dotted(path);

  const title = h("span", { class: "block-title" });
  const updateTitle = () => { title.textContent = known ? blockSummary(ctx, block) : ""; };
  updateTitle();

  const typeSelectId = idFor(path, "-type");
  const typeSelect = h("select", {
    id: typeSelectId, class: "input input-select input-compact",
    on: { change: () => ctx.changeType(path, typeSelect.value) },
  }, typeOptions(types).map((option) => h("option", { value: option.value, selected: option.value === type }, option.label)),
  known && types.includes(type) ? null : h("option", { value: "", selected: true }, "— chọn loại —"));

  const depthWarning = heading && heading.depth > MAX_DEPTH
    ? h("span", { class: "badge badge-warn" }, "Quá 4 cấp đề mục") : null;
  const head = h("div", { class: "item-head block-head" },
    toggleButton(ctx, collapseKey, bodyId, noun),
    h("span", { class: `badge badge-${known ? type : "invalid"}` }, typeLabel),
    heading ? h("span", { class: "block-number" }, heading.label) : null,
    depthWarning,
    title,
    h("span", { class: "spacer" }),
    h("label", { for: typeSelectId, class: "visually-hidden" }, `Loại của ${noun}`),
    typeSelect,
    itemButtons(ctx, listPath, index, length, noun));

  let body;
  if (!known) {
    body = h("p", { class: "field-warn" },
      "Mục này không đúng định dạng (thiếu hoặc sai trường type). Hãy chọn loại mục ở trên; dữ liệu gốc vẫn được giữ nguyên cho đến khi bạn đổi.");
  } else {
    const editor = EDITORS[type];
    body = editor(ctx, path, block, { heading, onTitle: updateTitle });
  }
  const titleText = heading ? `${typeLabel} ${heading.label} ${excerpt(block.heading ?? "", 40)}`.trim() : `${typeLabel} ${index + 1}`;
  return h("li", {
    class: `block block-${known ? type : "invalid"}${heading ? ` depth-${Math.min(heading.depth, 5)}` : ""}`,
    dataset: { item: dotted(path), path: dotted(path), title: titleText },
  }, head, h("div", { class: "block-body", id: bodyId, hidden: ctx.ui.isCollapsed(collapseKey) }, body));
}

function blockSummary(ctx, block) {
  if (SECTION_TYPES.has(block.type)) {
    if (typeof block.heading === "string" && block.heading.trim()) return excerpt(block.heading);
    const fallback = ctx.schema.defaultHeading(ctx.schema.defOfType(block.type));
    return fallback ? `${fallback} (mặc định)` : "(chưa có đề mục)";
  }
  if (block.type === "paragraph") return excerpt(block.text) || "(trống)";
  const count = Array.isArray(block.items) ? block.items.length : 0;
  const first = count ? excerpt(block.items[0].text, 60) : "";
  return `${count} ý${first ? ` – ${first}` : ""}`;
}

// --- editors per type ---------------------------------------------------------

function paragraphEditor(ctx, path, block, { onTitle }) {
  return textField(ctx, {
    path: [...path, "text"], def: "Paragraph", label: "Nội dung đoạn văn", hideLabel: true,
    multiline: true, rows: 3, order: ctx.schema.keyOrder("Block"), onInput: onTitle,
  });
}

function bulletsEditor(ctx, path, block, { onTitle }) {
  const itemsPath = [...path, "items"];
  const items = Array.isArray(block.items) ? block.items : [];
  const rows = items.map((item, index) => {
    const itemPath = [...itemsPath, index];
    const noun = `gạch đầu dòng ${index + 1}`;
    return h("li", { class: "list-item", dataset: { item: dotted(itemPath), path: dotted(itemPath) } },
      h("div", { class: "item-row" },
        h("span", { class: "marker", "aria-hidden": "true" }, "–"),
        textField(ctx, {
          path: [...itemPath, "text"], def: "BulletItem", label: `Gạch đầu dòng ${index + 1}`, hideLabel: true,
          multiline: true, className: "grow", order: ctx.schema.keyOrder("BulletItem"), onInput: index === 0 ? onTitle : undefined,
        }),
        itemButtons(ctx, itemsPath, index, items.length, noun)),
      h("div", { class: "sub-list" },
        stringList(ctx, {
          path: [...itemPath, "sub_items"], multiline: true, marker: () => "+",
          itemLabel: (sub) => `ý “+” thứ ${sub + 1} của gạch đầu dòng ${index + 1}`,
          addText: "Thêm ý “+”", itemOf: { def: "BulletItem", key: "sub_items" }, order: ctx.schema.keyOrder("BulletItem"),
        })));
  });
  return h("div", { class: "items", dataset: { path: dotted(itemsPath) } },
    h("ol", { class: "plain-list" }, rows),
    addButton(ctx, itemsPath, "Thêm gạch đầu dòng", () => ({ text: "" }), { order: ctx.schema.keyOrder("Block") }));
}

function pointsEditor(ctx, path, block, { onTitle }) {
  const itemsPath = [...path, "items"];
  const items = Array.isArray(block.items) ? block.items : [];
  const rows = items.map((item, index) => {
    const itemPath = [...itemsPath, index];
    const letter = pointLetter(index);
    const noun = `điểm ${letter})`;
    return h("li", { class: "list-item", dataset: { item: dotted(itemPath), path: dotted(itemPath) } },
      h("div", { class: "item-row" },
        h("span", { class: "marker", "aria-hidden": "true" }, `${letter})`),
        textField(ctx, {
          path: [...itemPath, "text"], def: "PointItem", label: `Điểm ${letter})`, hideLabel: true,
          multiline: true, className: "grow", order: ctx.schema.keyOrder("PointItem"), onInput: index === 0 ? onTitle : undefined,
        }),
        itemButtons(ctx, itemsPath, index, items.length, noun)),
      h("div", { class: "sub-list" },
        blockList(ctx, [...itemPath, "content"], {
          def: "PointItem", key: "content", outline: outlineRoot(), label: `điểm ${letter})`, parentOrder: ctx.schema.keyOrder("PointItem"),
          compact: true,
        })));
  });
  return h("div", { class: "items", dataset: { path: dotted(itemsPath) } },
    h("ol", { class: "plain-list" }, rows),
    addButton(ctx, itemsPath, "Thêm điểm", () => ({ text: "" }), { order: ctx.schema.keyOrder("Block") }));
}

/** a, b, c … z, aa, bb …: Word's lowerLetter numbering, as the document prints it. */
function pointLetter(index) {
  return String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);
}

/** Heading, "run in" option and content: what every section-like part has. */
function partFields(ctx, path, def, { heading, onTitle, contentLabel, order = ctx.schema.keyOrder("Block") }) {
  const fallback = ctx.schema.defaultHeading(def);
  return [
    h("div", { class: "row" },
      textField(ctx, {
        path: [...path, "heading"], def, label: heading ? `Đề mục ${heading.label}` : "Đề mục",
        placeholder: fallback ? `${fallback} (mặc định)` : "Nhập đề mục", className: "grow", order, onInput: onTitle,
      }),
      checkboxField(ctx, { path: [...path, "run_in"], label: "Đoạn đầu viết liền sau đề mục", order, className: "inline-check" })),
    blockList(ctx, [...path, "content"], {
      def, key: "content", outline: heading ? heading.child : outlineRoot(), label: contentLabel, parentOrder: order,
    }),
  ];
}

function sectionEditor(ctx, path, block, { heading, onTitle }) {
  const def = ctx.schema.defOfType(block.type);
  return h("div", { class: "section-editor" },
    partFields(ctx, path, def, { heading, onTitle, contentLabel: `mục ${heading.short}` }));
}

/** An optional named sub-part (Mục đích, Yêu cầu, Mục tiêu tổng quát…). */
function subPart(ctx, path, def, name, outline, parentOrder, extra) {
  const value = ctx.store.get(path);
  if (!value || typeof value !== "object") {
    return h("div", { class: "subpart subpart-absent", dataset: { path: dotted(path) } },
      button(`Thêm phần “${name}”`, {
        className: "btn-add", dataset: { add: dotted(path) },
        onClick: () => ctx.setObject(path, extra ? extra.create() : { content: [] }, parentOrder),
      }));
  }
  const heading = nextHeading(outline);
  const order = extra ? extra.order : ctx.schema.keyOrder("Part");
  return h("fieldset", { class: "subpart", dataset: { path: dotted(path), title: `${name} ${heading.label}` } },
    h("legend", {}, h("span", { class: "block-number" }, heading.label), ` ${name}`),
    button("Bỏ phần này", {
      className: "btn-danger-text subpart-remove", label: `Bỏ phần “${name}”`,
      onClick: () => ctx.unsetObject(path, name),
    }),
    partFields(ctx, path, def, { heading, contentLabel: `phần “${name}”`, order }),
    extra ? extra.render(heading) : null);
}

function purposesEditor(ctx, path, block, { heading, onTitle }) {
  const def = "PurposesRequirements";
  const [head, content] = partFields(ctx, path, def, { heading, onTitle, contentLabel: `mục ${heading.short}` });
  const parts = heading.child;
  return h("div", { class: "section-editor" }, head, content,
    subPart(ctx, [...path, "purposes"], ctx.schema.refOf(def, "purposes"), "Mục đích", parts, ctx.schema.keyOrder("Block")),
    subPart(ctx, [...path, "requirements"], ctx.schema.refOf(def, "requirements"), "Yêu cầu", parts, ctx.schema.keyOrder("Block")));
}

function targetsEditor(ctx, path, block, { heading, onTitle }) {
  const def = "Targets";
  const [head, content] = partFields(ctx, path, def, { heading, onTitle, contentLabel: `mục ${heading.short}` });
  const parts = heading.child;
  const specificPath = [...path, "specific"];
  const specific = {
    order: ctx.schema.keyOrder("SpecificTargets"),
    create: () => ({ items: [] }),
    render: (specificHeading) => specificTargets(ctx, specificPath, specificHeading),
  };
  return h("div", { class: "section-editor" }, head, content,
    subPart(ctx, [...path, "general"], ctx.schema.refOf(def, "general"), "Mục tiêu tổng quát", parts, ctx.schema.keyOrder("Block")),
    subPart(ctx, specificPath, "SpecificTargets", "Mục tiêu cụ thể", parts, ctx.schema.keyOrder("Block"), specific));
}

const TARGET_STYLES = { numbered: "Đánh số (1., 2.…)", bullets: "Gạch đầu dòng", points: "Điểm a), b)" };

function specificTargets(ctx, path, heading) {
  const order = ctx.schema.keyOrder("SpecificTargets");
  const style = ctx.store.get([...path, "style"]) ?? ctx.schema.field("SpecificTargets", "style").default;
  const itemsPath = [...path, "items"];
  const raw = ctx.store.get(itemsPath);
  const items = Array.isArray(raw) ? raw : [];
  const itemOutline = heading.child;
  const rows = items.map((item, index) => {
    const itemPath = [...itemsPath, index];
    const number = style === "numbered" ? nextHeading(itemOutline).label : style === "points" ? `${pointLetter(index)})` : "–";
    const noun = `chỉ tiêu ${index + 1}`;
    return h("li", { class: "list-item target-item", dataset: { item: dotted(itemPath), path: dotted(itemPath), title: `Chỉ tiêu ${number}` } },
      h("div", { class: "item-row" },
        h("span", { class: "marker", "aria-hidden": "true" }, number),
        textField(ctx, {
          path: [...itemPath, "text"], def: "Target", label: `Nội dung chỉ tiêu ${index + 1}`, multiline: true,
          className: "grow", order: ctx.schema.keyOrder("Target"),
        }),
        itemButtons(ctx, itemsPath, index, items.length, noun)),
      h("div", { class: "row target-figures" },
        numberField(ctx, {
          path: [...itemPath, "value"], def: "Target", label: "Giá trị (nếu có)", order: ctx.schema.keyOrder("Target"),
          hint: "Viết sau nội dung, ví dụ 0,07",
        }),
        textField(ctx, {
          path: [...itemPath, "unit"], def: "Target", label: "Đơn vị tính", order: ctx.schema.keyOrder("Target"),
          placeholder: "%, hộ, người…", className: "field-short",
        })),
      h("div", { class: "sub-list" },
        blockList(ctx, [...itemPath, "content"], {
          def: "Target", key: "content", outline: outlineRoot(), label: `chỉ tiêu ${index + 1}`, parentOrder: ctx.schema.keyOrder("Target"),
          compact: true,
        })));
  });
  return h("div", { class: "targets-specific" },
    selectField(ctx, {
      path: [...path, "style"], def: "SpecificTargets", label: "Cách trình bày các chỉ tiêu", order,
      options: ctx.schema.field("SpecificTargets", "style").enum.map((value) => ({ value, label: TARGET_STYLES[value] || value })),
      onChange: (value) => ctx.setValue([...path, "style"], value, order),
    }),
    h("div", { class: "items", dataset: { path: dotted(itemsPath) } },
      h("h4", { class: "list-title" }, "Các chỉ tiêu"),
      rows.length ? h("ol", { class: "plain-list" }, rows) : h("p", { class: "empty" }, "Chưa có chỉ tiêu."),
      addButton(ctx, itemsPath, "Thêm chỉ tiêu", () => ({ text: "" }), { order })),
    h("h4", { class: "list-title" }, "Ghi chú sau các chỉ tiêu"),
    blockList(ctx, [...path, "notes"], {
      def: "SpecificTargets", key: "notes", outline: itemOutline, label: "phần ghi chú", parentOrder: order,
    }));
}

function assignmentsEditor(ctx, path, block, { heading, onTitle }) {
  const def = "Assignments";
  const [head, content] = partFields(ctx, path, def, { heading, onTitle, contentLabel: `mục ${heading.short}` });
  const agenciesPath = [...path, "agencies"];
  const agencies = Array.isArray(block.agencies) ? block.agencies : [];
  const level = heading.child;
  const rows = agencies.map((agency, index) => agencyEditor(ctx, [...agenciesPath, index], agency, {
    heading: nextHeading(level), listPath: agenciesPath, index, length: agencies.length,
  }));
  return h("div", { class: "section-editor" }, head, content,
    h("div", { class: "agencies", dataset: { path: dotted(agenciesPath) } },
      h("h4", { class: "list-title" }, "Nhiệm vụ của từng cơ quan, đơn vị"),
      rows.length ? h("ol", { class: "blocks" }, rows) : h("p", { class: "empty" }, "Chưa có cơ quan, đơn vị nào."),
      addButton(ctx, agenciesPath, "Thêm cơ quan, đơn vị", () => ({ name: "", duties: [] }), { order: ctx.schema.keyOrder("Block") })),
    h("h4", { class: "list-title" }, "Đoạn kết của phần tổ chức thực hiện"),
    blockList(ctx, [...path, "closing"], {
      def, key: "closing", outline: level, label: "đoạn kết của phần này", parentOrder: ctx.schema.keyOrder("Block"),
    }));
}

function agencyEditor(ctx, path, agency, { heading, listPath, index, length }) {
  const valid = agency && typeof agency === "object";
  const name = valid && typeof agency.name === "string" && agency.name ? agency.name : "";
  const noun = `cơ quan ${heading.short}`;
  const bodyId = idFor(path, "-body");
  const key = valid ? agency : dotted(path);
  const title = h("span", { class: "block-title" }, excerpt(name) || "(chưa nhập tên)");
  const order = ctx.schema.keyOrder("Agency");
  return h("li", { class: "block block-agency", dataset: { item: dotted(path), path: dotted(path), title: `Cơ quan ${heading.label} ${excerpt(name, 40)}` } },
    h("div", { class: "item-head block-head" },
      toggleButton(ctx, key, bodyId, noun),
      h("span", { class: "badge badge-agency" }, "Cơ quan"),
      h("span", { class: "block-number" }, heading.label),
      title,
      h("span", { class: "spacer" }),
      itemButtons(ctx, listPath, index, length, noun)),
    h("div", { class: "block-body", id: bodyId, hidden: ctx.ui.isCollapsed(key) },
      textField(ctx, {
        path: [...path, "name"], def: "Agency", label: "Tên cơ quan, đơn vị", order,
        onInput: (text) => { title.textContent = excerpt(text) || "(chưa nhập tên)"; },
      }),
      h("div", { class: "row checks" },
        checkboxField(ctx, { path: [...path, "lead"], label: "Cơ quan chủ trì (thêm “(cơ quan chủ trì)”)", order }),
        checkboxField(ctx, { path: [...path, "request"], label: "Không trực thuộc: mở đầu bằng “Đề nghị”", order }),
        checkboxField(ctx, { path: [...path, "run_in"], label: "Nhiệm vụ đầu tiên viết liền sau tên", order })),
      blockList(ctx, [...path, "duties"], {
        def: "Agency", key: "duties", outline: heading.child, label: `nhiệm vụ của ${noun}`, parentOrder: order,
      })));
}

const EDITORS = {
  paragraph: paragraphEditor,
  bullets: bulletsEditor,
  points: pointsEditor,
  section: sectionEditor,
  tasks: sectionEditor,
  budget: sectionEditor,
  reporting: sectionEditor,
  purposes_requirements: purposesEditor,
  targets: targetsEditor,
  assignments: assignmentsEditor,
};
