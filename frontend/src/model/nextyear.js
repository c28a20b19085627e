// "Kế hoạch năm sau": next year's plan made from this year's. The year moves
// on everywhere it stands as a year of its own (year, summary, legal bases,
// lead-in, body, closing, tables), the number and the day and month are left
// for the records office, and the clerk gets a review list: every text that
// changed, and every figure to bring up to date (targets, tables).

import { eachText, setText } from "./texts.js";

/** {plan, year, changes: [{path, before, after}], figures: [{path, what}]} (pure). */
export function forNextYear(plan) {
  const copy = structuredClone(plan);
  const year = Number.isInteger(copy.date?.year) ? copy.date.year : new Date().getFullYear();
  const next = year + 1;
  delete copy.number;
  copy.date = { year: next };
  const changes = [];
  const standalone = new RegExp(`(?<!\\d)${year}(?!\\d)`, "g");
  eachText(copy, (path, text) => {
    const after = text.replace(standalone, String(next));
    if (after !== text) {
      changes.push({ path, before: text, after });
      setText(copy, path, after);
    }
  });
  return { plan: copy, year: next, changes, figures: figuresOf(copy) };
}

/** The figures a new year asks to update: targets with a value, tables' rows. */
function figuresOf(plan) {
  const figures = [];
  const visit = (value, path) => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value && typeof value === "object") {
      if (typeof value.value === "number" && typeof value.text === "string") figures.push({ path: [...path, "value"], what: value.text });
      for (const [key, item] of Object.entries(value)) if (key !== "table") visit(item, [...path, key]);
    }
  };
  visit(plan.body, ["body"]);
  (plan.appendices || []).forEach((appendix, index) => {
    const rows = appendix?.table?.rows;
    if (Array.isArray(rows) && rows.length) {
      figures.push({ path: ["appendices", index, "table", "rows", 0], what: `Bảng số liệu: ${appendix.title || `phụ lục ${index + 1}`} (${rows.length} dòng)` });
    }
  });
  return figures;
}
