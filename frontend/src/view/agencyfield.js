// The agencies of a task (lead, coordinating): one chip per agency, and a
// field to add one that offers the agencies the plan already names (the
// browser's own list of suggestions, <datalist>: typed letters narrow it,
// ↓ and Enter choose). Enter, ";" or leaving the field adds what was typed;
// nothing typed is dropped.

import { h } from "./dom.js";

const LIST_ID = "agency-suggestions";

/** The page's one list of suggestions, filled when an agency field takes the focus. */
function suggestionList() {
  let list = document.getElementById(LIST_ID);
  if (!list) {
    list = h("datalist", { id: LIST_ID });
    document.body.append(list);
  }
  return list;
}

/**
 * names: the agencies; label: what the field is ("Chủ trì thực hiện, nhiệm vụ 3");
 * inner: its path in the block; add(name) -> the new list, or null when it is
 * already there; remove(index) -> the new list; suggestions() -> all the plan's agencies.
 */
export function agencyField({ names, label, inner, add, remove, suggestions }) {
  let current = names;
  const chips = h("ul", { class: "chips", "aria-label": label });
  const input = h("input", {
    type: "text", class: "input agency-input", autocomplete: "off", list: LIST_ID, placeholder: "Thêm cơ quan…",
    "aria-label": `Thêm cơ quan – ${label}`, dataset: { inner },
  });
  const element = h("div", { class: "agency-field", dataset: { inner } }, chips, input);

  function drawChips() {
    chips.replaceChildren(...current.map((name, index) => h("li", { class: "chip", dataset: { inner: `${inner}.${index}` } },
      h("span", { class: "chip-text" }, name),
      h("button", {
        type: "button", class: "chip-remove", "aria-label": `Bỏ ${name} – ${label}`, title: "Bỏ cơ quan này",
        on: {
          click: () => {
            current = remove(index);
            drawChips();
            input.focus();
          },
        },
      }, "×"))));
  }

  function commit() {
    const text = input.value.replace(/;+\s*$/, "").trim();
    if (!text) return;
    for (const name of text.split(/\s*;\s*/).filter(Boolean)) {
      const next = add(name);
      if (next) current = next;
    }
    input.value = "";
    drawChips();
  }

  input.addEventListener("focus", () => {
    const taken = new Set(current.map((name) => name.toLocaleLowerCase("vi")));
    suggestionList().replaceChildren(...suggestions()
      .filter((name) => !taken.has(name.toLocaleLowerCase("vi")))
      .map((name) => h("option", { value: name })));
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.isComposing) {
      event.preventDefault();
      commit();
    }
  });
  input.addEventListener("input", (event) => {
    // A suggestion chosen from the list, or ";" typed after a name: that agency is added.
    if (!(event instanceof InputEvent) || event.inputType === "insertReplacementText" || /;\s*$/.test(input.value)) commit();
  });
  input.addEventListener("change", commit);
  drawChips();
  return element;
}
