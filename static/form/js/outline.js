// The outline: the plan's parts and the body's headings, with their numbers,
// as links that move the caret there (jumping around a long plan).

import { h } from "./dom.js";

const DELAY_MS = 300;

/** container: the outline's list of body headings; editor(): the body editor. */
export function createOutline(container, editor) {
  let timer = null;

  function draw() {
    timer = null;
    const items = editor().headings();
    const labels = editor().view.dom;
    const shown = items.map((item) => {
      const dom = labels.children[item.index];
      const label = dom ? dom.getAttribute("data-label") || "" : "";
      const text = item.text || dom?.getAttribute("data-placeholder") || "";
      return h("li", { class: `outline-h${Math.min(item.level, 4)}` },
        h("a", {
          href: "#sec-body",
          on: { click: (event) => { event.preventDefault(); editor().focusIndex(item.index); } },
        }, `${label} ${text}`.trim().slice(0, 80)));
    });
    container.replaceChildren(...shown);
  }

  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(draw, DELAY_MS);
    },
  };
}
