// Server validation errors in the form: each message next to the control
// whose data-path matches the error's path (or the nearest enclosing part
// that has one) — or, inside a rich-text area (the body, an appendix's
// content), under its paragraph or at the cell of its table — and a summary
// at the top whose links focus the field.

import { h } from "./dom.js";

const CONTROL = "input, select, textarea, output";

export class ErrorView {
  /** `reveal(el)` opens collapsed parts around an element; `documentName()`
   * says what the open document is ("Kế hoạch", "Công văn"). */
  constructor({ summary, form, reveal, documentName = () => "Văn bản" }) {
    this.summary = summary;
    this.documentName = documentName;
    this.form = form;
    this.reveal = reveal;
    this.errors = [];
    this.counter = 0;
    // The rich-text areas: [{root: "body", title, show(errors) -> errors not placed, focus(path)}].
    this.areas = () => [];
    this.shown = false; // whether the last apply() drew any message
  }

  /** Show the server's `errors` ([{path, code, message}]). */
  set(errors) {
    this.errors = errors.map((error) => ({ ...error, path: String(error.path ?? "") }));
    this.apply();
  }

  clear() {
    this.errors = [];
    this.apply();
  }

  get count() {
    return this.errors.length;
  }

  /** The clerk edited `path`: its errors (and those below it) are stale. */
  clearPath(path) {
    const before = this.errors.length;
    this.errors = this.errors.filter((error) => !(error.path === path || error.path.startsWith(path + ".")));
    if (this.errors.length !== before) this.apply();
  }

  /** Items of these lists moved or were removed: their errors' paths no
   * longer point to the right place. */
  dropUnder(listPaths) {
    if (!listPaths || !listPaths.length) return;
    this.errors = this.errors.filter((error) => !listPaths.some((list) => error.path === list || error.path.startsWith(list + ".")));
  }

  /** (Re)draw every message; call after each render. */
  apply() {
    // Nothing shown and nothing to show: the form and the editor stay as they are
    // (redrawing the editor's decorations on every structural change costs a frame).
    if (!this.errors.length && !this.shown) return;
    this.shown = this.errors.length > 0;
    for (const old of this.form.querySelectorAll(".field-error")) old.remove();
    for (const marked of this.form.querySelectorAll("[aria-invalid]")) {
      marked.removeAttribute("aria-invalid");
      const ids = (marked.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.startsWith("err-"));
      if (ids.length) marked.setAttribute("aria-describedby", ids.join(" "));
      else marked.removeAttribute("aria-describedby");
    }
    for (const box of this.form.querySelectorAll(".has-error")) box.classList.remove("has-error");
    for (const block of this.form.querySelectorAll(".contains-error")) block.classList.remove("contains-error");

    // The errors inside a rich-text area go under their paragraph (or to their table's cell).
    const areas = this.areas();
    const areaOf = (error) => areas.find((area) => error.path.startsWith(`${area.root}.`));
    const unplaced = new Set();
    for (const area of areas) {
      for (const error of area.show(this.errors.filter((error) => areaOf(error) === area))) unplaced.add(error);
    }
    const entries = this.errors.map((error) => {
      const area = areaOf(error);
      return area && !unplaced.has(error)
        ? { error, element: null, area, exact: true }
        : { error, ...this.#target(error.path) };
    });
    const byElement = new Map();
    for (const entry of entries) {
      if (!entry.element) continue;
      if (!byElement.has(entry.element)) byElement.set(entry.element, []);
      byElement.get(entry.element).push(entry);
    }
    for (const [element, list] of byElement) this.#mark(element, list);
    this.#summary(entries);
  }

  /** Move focus to the summary (after a failed download). */
  focusSummary() {
    if (this.summary.hidden) return;
    this.summary.scrollIntoView({ block: "start" });
    this.summary.focus({ preventScroll: true });
  }

  /** The element showing `path`: exact match, else the nearest ancestor path. */
  #target(path) {
    const parts = path ? path.split(".") : [];
    for (let length = parts.length; length > 0; length -= 1) {
      const candidate = parts.slice(0, length).join(".");
      const element = this.form.querySelector(`[data-path="${CSS.escape(candidate)}"]`);
      if (element) return { element, exact: length === parts.length, rest: parts.slice(length).join(".") };
    }
    return { element: null, exact: false, rest: path };
  }

  #mark(element, entries) {
    const isControl = element.matches(CONTROL);
    const messages = entries.map(({ error, exact, rest }) => {
      const id = `err-${++this.counter}`;
      const where = exact || !rest ? "" : ` (trường “${rest}”)`;
      return h("p", { class: "field-error", id }, error.message + where);
    });
    for (const [index, entry] of entries.entries()) entry.messageId = messages[index].id;
    if (isControl) {
      element.setAttribute("aria-invalid", "true");
      const ids = (element.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      element.setAttribute("aria-describedby", [...messages.map((message) => message.id), ...ids].join(" "));
      const box = element.closest(".field, td, .field-check") || element.parentElement;
      box.classList.add("has-error");
      if (box === element.parentElement) element.after(...messages);
      else box.append(...messages);
    } else {
      element.classList.add("has-error");
      const head = element.querySelector(":scope > .item-head, :scope > legend, :scope > h2, :scope > .column-head");
      if (head) head.after(...messages);
      else element.prepend(...messages);
    }
    for (const entry of entries) entry.focusTarget = isControl ? element : element.querySelector(CONTROL + ", button") || element;
    // Blocks around the error say so in their header, even when collapsed.
    for (let block = element.closest(".block"); block; block = block.parentElement.closest(".block")) {
      block.classList.add("contains-error");
    }
  }

  #summary(entries) {
    if (!entries.length) {
      this.summary.hidden = true;
      this.summary.replaceChildren();
      return;
    }
    const items = entries.map((entry) => {
      const text = `${this.#location(entry)}: ${entry.error.message}`;
      if (entry.area) {
        return h("li", {}, h("a", {
          href: "#sec-body",
          on: { click: (event) => { event.preventDefault(); entry.area.focus(entry.error.path); } },
        }, text));
      }
      if (!entry.element) return h("li", {}, text);
      const target = entry.focusTarget;
      return h("li", {}, h("a", {
        href: target.id ? `#${target.id}` : "#",
        on: {
          click: (event) => {
            event.preventDefault();
            this.focusField(target);
          },
        },
      }, text));
    });
    const count = entries.length;
    this.summary.replaceChildren(
      h("h2", { class: "error-summary-title", id: "error-summary-title" }, `${this.documentName()} còn ${count} lỗi cần sửa trước khi tạo văn bản`),
      h("p", {}, "Nội dung đã nhập vẫn được giữ nguyên. Bấm vào từng lỗi để tới đúng ô cần sửa."),
      h("ol", { class: "error-list" }, items));
    this.summary.hidden = false;
  }

  /** "Nội dung kế hoạch › Mục I. … › Đề mục" for one error. */
  #location({ element, error, exact, rest, area }) {
    if (area) return area.title;
    if (!element) return `${this.documentName()} (trường “${error.path || "toàn bộ"}”)`;
    const crumbs = [];
    for (let node = element; node && node !== this.form; node = node.parentElement) {
      if (node.dataset && node.dataset.title) crumbs.unshift(node.dataset.title);
    }
    const label = labelOf(element);
    if (label && crumbs[crumbs.length - 1] !== label) crumbs.push(label);
    if (!exact && rest) crumbs.push(`“${rest}”`);
    return crumbs.join(" › ");
  }

  focusField(target) {
    this.reveal(target);
    target.scrollIntoView({ block: "center" });
    if (typeof target.focus === "function") {
      if (!target.matches("input, select, textarea, button, a[href], [tabindex]")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
  }
}

function labelOf(element) {
  if (element.matches(CONTROL)) {
    if (element.id) {
      const label = element.ownerDocument.querySelector(`label[for="${CSS.escape(element.id)}"]`);
      if (label) return label.textContent.replace(/\s*\*$/, "").trim();
    }
    return element.getAttribute("aria-label") || "";
  }
  const legend = element.querySelector(":scope > legend");
  return legend ? legend.textContent.trim() : "";
}
