// Tiny DOM helpers: element creation and stable ids derived from plan paths.

/**
 * Create an element. `attrs` keys:
 *   class, text, html-free only; `on` = {event: handler}; `dataset` = {...};
 *   properties (value, checked, hidden, disabled, ...) are set as properties,
 *   everything else with setAttribute (aria-*, for, id, type, ...).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key === "on") for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (PROPERTIES.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

const PROPERTIES = new Set(["value", "checked", "hidden", "disabled", "selected", "readOnly", "placeholder", "maxLength"]);

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** The dotted path the API uses in errors: body.2.content.0.text */
export const dotted = (path) => path.join(".");

/** A DOM id for the control that edits `path` (unique per path). */
export const idFor = (path, suffix = "") => "f-" + path.join("-").replace(/[^A-Za-z0-9_-]/g, "_") + suffix;

