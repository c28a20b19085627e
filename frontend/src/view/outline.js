// The outline: the plan's parts and the body's headings, with their numbers,
// as links that move the caret there (jumping around a long plan).

import { h } from "./dom.js";

const DELAY_MS = 300;

/** container: the outline's list of body headings; editor(): the body editor. */
export function createOutline(container, editor) {
  let timer = null;

  let drawn = "";

  function draw() {
    timer = null;
    // Labels from the editor's own numbering (the DOM also holds messages between paragraphs).
    const entries = editor().headings().map((item) => {
      const text = item.text || editor().placeholder(item.kind) || "";
      return { ...item, caption: `${item.label} ${text}`.trim().slice(0, 80) };
    });
    const signature = JSON.stringify(entries.map(({ index, level, caption }) => [index, level, caption]));
    if (signature === drawn) return; // typing in a paragraph leaves the outline alone
    drawn = signature;
    container.replaceChildren(...entries.map((item) => h("li", { class: `outline-h${Math.min(item.level, 4)}` },
      h("a", {
        href: "#sec-body",
        on: { click: (event) => { event.preventDefault(); editor().focusIndex(item.index); } },
      }, item.caption))));
  }

  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(draw, DELAY_MS);
    },
  };
}
