// "Tìm và thay…": find a text in the whole plan (every field, the body and
// the appendices included), see each place with what it would become, and
// replace them one by one or all at once.

import { findAll, replaceAll, replaceOne } from "../model/texts.js";
import { h } from "./dom.js";

const AROUND = 30;

/** getPlan(): the plan with every pending edit; apply(plan): show it again
 * after a change; notify(message, options). */
export function createFindReplace({ getPlan, apply, notify }) {
  const dialog = document.getElementById("find-dialog");
  const find = document.getElementById("find-text");
  const replacement = document.getElementById("replace-text");
  const list = document.getElementById("find-list");
  const message = document.getElementById("find-message");

  const where = (path) => path.map((key) => (typeof key === "number" ? key + 1 : key)).join(" › ");

  function preview(match, query, by) {
    const before = match.text.slice(Math.max(0, match.index - AROUND), match.index);
    const after = match.text.slice(match.index + query.length, match.index + query.length + AROUND);
    return h("span", { class: "find-preview" },
      match.index > AROUND ? "…" : "", before,
      h("del", {}, query), h("ins", {}, by),
      after, match.index + query.length + AROUND < match.text.length ? "…" : "");
  }

  function show() {
    const query = find.value;
    const matches = findAll(getPlan(), query);
    message.textContent = !query ? "Gõ chữ cần tìm." : matches.length
      ? `Có ${matches.length} chỗ. Bấm “Thay” ở từng chỗ, hoặc “Thay tất cả”.` : `Không có “${query}” trong kế hoạch.`;
    list.replaceChildren(...matches.map((match) => h("li", { class: "find-match" },
      h("span", { class: "draft-time" }, where(match.path)),
      preview(match, query, replacement.value),
      h("button", {
        type: "button", class: "btn btn-small", "aria-label": `Thay chỗ ở ${where(match.path)}`,
        on: {
          click: () => {
            const plan = getPlan();
            if (replaceOne(plan, match, query, replacement.value)) apply(plan);
            show();
          },
        },
      }, "Thay"))));
  }

  document.getElementById("btn-find-run").addEventListener("click", show);
  find.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      show();
    }
  });
  replacement.addEventListener("input", () => { if (list.childElementCount) show(); });
  document.getElementById("btn-replace-all").addEventListener("click", () => {
    const query = find.value;
    if (!query) return show();
    const plan = getPlan();
    const count = replaceAll(plan, query, replacement.value);
    if (count) apply(plan);
    show();
    message.textContent = count ? `Đã thay ${count} chỗ.` : `Không có “${query}” trong kế hoạch.`;
    if (count) notify(`Đã thay ${count} chỗ “${query}” bằng “${replacement.value}”.`, { kind: "success" });
    return undefined;
  });
  document.getElementById("btn-find").addEventListener("click", () => {
    list.replaceChildren();
    message.textContent = "";
    dialog.showModal();
    find.focus();
  });
}
