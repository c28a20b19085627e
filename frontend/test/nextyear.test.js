// node --test: next year's plan and find/replace over every text.
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";

import { forNextYear } from "../src/model/nextyear.js";
import { findAll, replaceAll, replaceOne } from "../src/model/texts.js";

const example = (name) => JSON.parse(fs.readFileSync(new URL(`../../examples/${name}.json`, import.meta.url)));

test("next year's plan carries the old year nowhere, and says where it changed", () => {
  const plan = example("dai-lanh-2024");
  const { plan: next, changes, figures } = forNextYear(plan);
  assert.deepEqual(next.date, { year: 2025 });
  assert.equal(next.number, undefined);
  assert.equal(findAll(next, "2024").length, 0);
  assert.ok(changes.some((change) => change.path[0] === "summary"));
  assert.ok(changes.some((change) => change.path[0] === "body"));
  assert.ok(figures.length > 0);
  assert.equal(plan.date.year, 2024); // the plan it came from is untouched
});

test("a year inside a longer number is not a year", () => {
  const { plan } = forNextYear({ date: { year: 2024 }, summary: "năm 2024, mã 120245, 2024-2025" });
  assert.equal(plan.summary, "năm 2025, mã 120245, 2025-2025");
});

test("find and replace one by one or all, never in chosen values", () => {
  const plan = { document_type: "Kế hoạch", summary: "Kế hoạch năm 2024", legal_bases: ["Kế hoạch số 1", "khác"] };
  const found = findAll(plan, "Kế hoạch");
  assert.deepEqual(found.map((match) => match.path), [["summary"], ["legal_bases", 0]]);
  assert.ok(replaceOne(plan, found[1], "Kế hoạch", "Quyết định"));
  assert.equal(plan.legal_bases[0], "Quyết định số 1");
  assert.equal(replaceAll(plan, "Kế hoạch", "KH"), 1);
  assert.equal(plan.summary, "KH năm 2024");
  assert.equal(plan.document_type, "Kế hoạch");
});

test("a table's cells and a task's fields are texts; a task matrix's column keys and alignments are not", () => {
  const plan = JSON.parse(fs.readFileSync(new URL("../../examples/cai-cach-hanh-chinh-2026.json", import.meta.url)));
  assert.ok(findAll(plan, "Quý I").some((match) => match.path.includes("cells")));
  assert.ok(findAll(plan, "Sở Tư pháp").some((match) => match.path.includes("lead")));
  assert.deepEqual(findAll(plan, "content"), []);
  assert.deepEqual(findAll(plan, "justify"), []);
  const { plan: next } = forNextYear(plan);
  assert.equal(next.appendices[0].content[0].groups[0].tasks[0].deadline, "Quý II/2027");
  assert.equal(findAll(next, "2026").length, 0);
});
