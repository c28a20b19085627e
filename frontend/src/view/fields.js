// Labelled inputs bound to one path of the plan. Each control carries
// data-path (the API's dotted error path) so server errors land next to it.
// Rendering only reads the plan; typing writes the new value back at once.

import { dotted, h, idFor } from "./dom.js";
import { formatNumber, parseInteger, parseNumber } from "../model/numbers.js";

/**
 * The shared context every editor receives:
 *   store   the plan (store.js)
 *   schema  PlanSchema (schema.js)
 *   edited(path)  called after each edit (clears that field's server error)
 *   structure(mutate, detail)  a structural change (see list helpers below)
 *   ui      view state kept across re-renders (collapsed blocks)
 */

function labelEl(id, text, { required = false, hidden = false } = {}) {
  return h("label", { for: id, class: hidden ? "visually-hidden" : "field-label" },
    text, required ? h("span", { class: "req", "aria-hidden": "true" }, " *") : null);
}

function hintEl(id, hint) {
  return hint ? h("p", { class: "field-hint", id }, hint) : null;
}

function describe(control, ...ids) {
  const list = ids.filter(Boolean);
  if (list.length) control.setAttribute("aria-describedby", list.join(" "));
}

/** Schema limits of the property at the end of `path` in definition `def`. */
function meta(ctx, def, key) {
  if (!def || key === undefined || typeof key === "number") return {};
  try {
    return ctx.schema.field(def, key);
  } catch {
    return {};
  }
}

/**
 * One line or one paragraph of text.
 * opts: path, def (schema definition of the parent object), label, hint,
 *   multiline, placeholder, order (parent's key order), hideLabel,
 *   keepEmpty (store "" instead of dropping an optional key), itemOf
 *   (definition of a list of strings: limits of its items), onInput(value),
 *   className.
 */
export function textField(ctx, opts) {
  const { path, label } = opts;
  const key = path[path.length - 1];
  const info = opts.itemOf ? meta(ctx, opts.itemOf.def, opts.itemOf.key) : meta(ctx, opts.def, key);
  const isItem = typeof key === "number";
  const required = Boolean(info.required || opts.required);
  const keepEmpty = opts.keepEmpty ?? (required || isItem);
  const id = idFor(path);
  const hintId = opts.hint ? id + "-hint" : null;
  const value = ctx.store.get(path);
  const attrs = {
    id,
    class: "input" + (opts.multiline ? " input-multiline" : ""),
    value: typeof value === "string" || typeof value === "number" ? String(value) : "",
    placeholder: opts.placeholder ?? (typeof info.default === "string" ? info.default : undefined),
    spellcheck: "true",
    dataset: { path: dotted(path), inline: "true" },
    "aria-required": required ? "true" : undefined,
  };
  const control = opts.multiline ? h("textarea", { ...attrs, rows: opts.rows || 2 }) : h("input", { ...attrs, type: "text" });
  if (opts.autocomplete) control.setAttribute("autocomplete", opts.autocomplete);
  else control.setAttribute("autocomplete", "off");
  const counter = info.maxLength ? limitCounter(id, info.maxLength) : null;
  const markup = markupNote(id);
  describe(control, hintId, counter && counter.element.id, markup.element.id);
  if (counter) counter.update(control.value);
  markup.update(control.value);
  if (opts.multiline) {
    // A paragraph is one line of the plan: Enter would be refused by the server.
    control.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing) event.preventDefault();
    });
  }
  control.addEventListener("input", () => {
    let text = control.value;
    if (/[\r\n\u2028\u2029]/.test(text)) {
      const caret = control.selectionStart;
      text = text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");
      control.value = text;
      control.setSelectionRange(Math.min(caret, text.length), Math.min(caret, text.length));
    }
    if (text === "" && !keepEmpty) ctx.store.unset(path);
    else ctx.store.set(path, text, opts.order);
    ctx.edited(path);
    if (counter) counter.update(text);
    markup.update(text);
    if (opts.onInput) opts.onInput(text);
  });
  return h("div", { class: "field " + (opts.className || "") },
    labelEl(id, label, { required, hidden: opts.hideLabel }), control, hintEl(hintId, opts.hint), markup.element,
    counter && counter.element);
}

/** Under a text that holds the plan's inline markup: what the asterisks do
 * (they are not printed; the text is never changed behind the clerk's back). */
function markupNote(id) {
  const element = h("p", { class: "field-markup", id: `${id}-markup`, hidden: true },
    "Khi in: chữ giữa **…** in đậm, giữa *…* in nghiêng, ^[…] thành chú thích cuối trang; muốn in dấu * thì gõ \\*.");
  return { element, update: (text) => { element.hidden = !/\*|\^\[/.test(text); } };
}

/**
 * The length of a text near its limit (from 90 %), and an error past it:
 * the text is never cut, the clerk decides what to shorten.
 */
function limitCounter(id, max) {
  const element = h("p", { class: "field-count", id: id + "-count", "aria-live": "polite", hidden: true });
  const vn = (number) => number.toLocaleString("vi-VN");
  return {
    element,
    update(text) {
      const length = text.length;
      element.hidden = length < max * 0.9;
      element.classList.toggle("field-count-over", length > max);
      element.textContent = length > max
        ? `Dài ${vn(length)} ký tự, quá giới hạn ${vn(max)}. Không chữ nào bị cắt: hãy rút gọn hoặc tách ra.`
        : `${vn(length)} / ${vn(max)} ký tự`;
    },
  };
}

/**
 * A number typed the Vietnamese way (3.022; 0,36); `integer` for whole
 * numbers. Something that is not a number is kept as typed (nothing is
 * lost) and flagged at once; the server reports it too.
 */
export function numberField(ctx, opts) {
  const { path, label } = opts;
  const key = path[path.length - 1];
  const info = meta(ctx, opts.def, key);
  const required = Boolean(info.required);
  const id = idFor(path);
  const hintId = opts.hint ? id + "-hint" : null;
  const warnId = id + "-warn";
  const value = ctx.store.get(path);
  const shown = typeof value === "number" ? (opts.integer ? String(value) : formatNumber(value)) : (value ?? "");
  const control = h("input", {
    id,
    type: "text",
    class: "input" + (opts.integer ? "" : " input-number") + (opts.className ? " " + opts.className : ""),
    inputmode: opts.integer ? "numeric" : "decimal",
    autocomplete: "off",
    value: String(shown),
    placeholder: opts.placeholder,
    dataset: { path: dotted(path) },
    "aria-required": required ? "true" : undefined,
  });
  const warn = h("p", { class: "field-warn", id: warnId, hidden: true });
  describe(control, hintId, warnId);
  const check = (parsed) => {
    warn.hidden = !parsed.invalid;
    warn.textContent = parsed.invalid ? (opts.integer ? "Hãy nhập số nguyên, ví dụ 2024." : "Hãy nhập số, ví dụ 3.022 hoặc 0,36.") : "";
  };
  control.addEventListener("input", () => {
    const parsed = opts.integer ? parseInteger(control.value) : parseNumber(control.value);
    if (parsed.invalid) ctx.store.set(path, control.value, opts.order);
    else if (parsed.value === null) ctx.store.unset(path);
    else ctx.store.set(path, parsed.value, opts.order);
    check(parsed);
    ctx.edited(path);
    if (opts.onInput) opts.onInput(parsed);
  });
  if (!opts.integer) {
    control.addEventListener("change", () => {
      const current = ctx.store.get(path);
      if (typeof current === "number") control.value = formatNumber(current);
    });
  }
  if (typeof value === "string") check({ invalid: true });
  return h("div", { class: "field field-number " + (opts.wrapClass || "") },
    labelEl(id, label, { required, hidden: opts.hideLabel }), control, hintEl(hintId, opts.hint), warn);
}

/**
 * A choice. `options` = [{value, label}]; `emptyLabel` adds a first option
 * meaning "not set" (the key is removed). A value the options do not know
 * is shown as is, so the plan is never changed behind the clerk's back.
 */
export function selectField(ctx, opts) {
  const { path, label } = opts;
  const key = path[path.length - 1];
  const info = meta(ctx, opts.def, key);
  const id = idFor(path);
  const hintId = opts.hint ? id + "-hint" : null;
  const value = opts.value !== undefined ? opts.value : ctx.store.get(path);
  const current = value === undefined || value === null ? (opts.defaultValue ?? info.default ?? "") : value;
  const options = [...opts.options];
  if (opts.emptyLabel !== undefined) options.unshift({ value: "", label: opts.emptyLabel });
  if (current !== "" && !options.some((option) => option.value === current)) {
    options.push({ value: current, label: `${current} (không hợp lệ)` });
  }
  const control = h("select", { id, class: "input input-select", dataset: { path: dotted(path) } },
    options.map((option) => h("option", { value: option.value, selected: option.value === current }, option.label)));
  describe(control, hintId);
  control.addEventListener("change", () => {
    if (opts.onChange) opts.onChange(control.value);
    else {
      if (control.value === "") ctx.store.unset(path);
      else ctx.store.set(path, control.value, opts.order);
      ctx.edited(path);
    }
  });
  return h("div", { class: "field field-select " + (opts.className || "") },
    labelEl(id, label, { hidden: opts.hideLabel }), control, hintEl(hintId, opts.hint));
}

/** A yes/no option (schema default false: an absent key stays absent). */
export function checkboxField(ctx, opts) {
  const { path, label } = opts;
  const id = idFor(path);
  const value = ctx.store.get(path);
  const control = h("input", {
    id,
    type: "checkbox",
    class: "checkbox",
    checked: value === undefined ? Boolean(opts.defaultValue) : value === true,
    dataset: { path: dotted(path) },
  });
  control.addEventListener("change", () => {
    ctx.store.set(path, control.checked, opts.order);
    ctx.edited(path);
    if (opts.onChange) opts.onChange(control.checked);
  });
  return h("div", { class: "field field-check " + (opts.className || "") }, control,
    h("label", { for: id }, label));
}

/** A small button; `action` names it for focus restoration. */
export function button(text, { action, label, onClick, className = "", disabled = false, dataset = {} } = {}) {
  return h("button", {
    type: "button",
    class: "btn btn-small " + className,
    "aria-label": label,
    disabled,
    dataset: { ...(action ? { action } : {}), ...dataset },
    on: { click: onClick },
  }, text);
}

/**
 * Lên / Xuống / Xóa for item `index` of the list at `listPath`.
 * `noun` reads like "căn cứ 2" in the buttons' accessible names.
 */
export function itemButtons(ctx, listPath, index, length, noun) {
  return h("div", { class: "item-buttons" },
    button("Lên", {
      action: "up", label: `Lên – chuyển ${noun} lên trên`, disabled: index === 0,
      onClick: () => ctx.move(listPath, index, -1),
    }),
    button("Xuống", {
      action: "down", label: `Xuống – chuyển ${noun} xuống dưới`, disabled: index === length - 1,
      onClick: () => ctx.move(listPath, index, +1),
    }),
    button("Xóa", {
      action: "remove", label: `Xóa ${noun}`, className: "btn-danger-text",
      onClick: () => ctx.remove(listPath, index, noun),
    }));
}

/** "Thêm …" at the end of a list; `make()` returns the new item. */
export function addButton(ctx, listPath, text, make, { order, initial, focusInside = true } = {}) {
  return button(text, {
    className: "btn-add",
    dataset: { add: dotted(listPath) },
    onClick: () => ctx.add(listPath, make(), { order, initial, focusInside }),
  });
}

/**
 * A list of strings (legal bases, sub-items, archive units): one text
 * field per item with its buttons, and an add button.
 */
export function stringList(ctx, opts) {
  const { path, itemLabel, addText, multiline } = opts;
  const list = ctx.store.get(path);
  const items = Array.isArray(list) ? list : [];
  const rows = items.map((_, index) => {
    const itemPath = [...path, index];
    const noun = itemLabel(index);
    return h("li", { class: "string-item", dataset: { item: dotted(itemPath) } },
      opts.marker ? h("span", { class: "marker", "aria-hidden": "true" }, opts.marker(index)) : null,
      textField(ctx, {
        path: itemPath, label: noun[0].toUpperCase() + noun.slice(1), hideLabel: true, multiline,
        itemOf: opts.itemOf, placeholder: opts.placeholder, className: "grow",
      }),
      itemButtons(ctx, path, index, items.length, noun));
  });
  return h("div", { class: "string-list", dataset: { path: dotted(path) } },
    rows.length ? h("ol", { class: "plain-list" }, rows) : (opts.emptyText ? h("p", { class: "empty" }, opts.emptyText) : null),
    opts.itemOf ? countNote(meta(ctx, opts.itemOf.def, opts.itemOf.key).maxItems, items.length) : null,
    addButton(ctx, path, addText, () => "", { order: opts.order, initial: opts.defaultItems }));
}

/** "48 / 50 mục" from 90 % of a list's limit; past it, the server's error says what to remove. */
export function countNote(max, count) {
  if (!max || count < max * 0.9) return null;
  const vn = (number) => number.toLocaleString("vi-VN");
  return h("p", { class: "field-count list-count" + (count > max ? " field-count-over" : "") },
    count > max ? `${vn(count)} mục, quá giới hạn ${vn(max)}: hãy bỏ bớt.` : `${vn(count)} / ${vn(max)} mục`);
}
