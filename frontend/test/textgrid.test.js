// node --test: the table grid's changes (model/textgrid.js), each checked
// against the server: every table a sequence of changes makes is valid for
// the plan's schema (schemas/blocks/table.py, asked in Python).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { test } from "node:test";

import * as grid from "../src/model/textgrid.js";
import { python, root } from "./kind.js";

const VALIDATE = `
import json, sys
from marshmallow import ValidationError
from schemas.blocks import BLOCKS
def codes(messages):
    if isinstance(messages, dict):
        return {str(key): codes(value) for key, value in messages.items()}
    if isinstance(messages, list):
        return [codes(value) for value in messages]
    return getattr(messages, "code", str(messages))

answers = []
for table in json.load(sys.stdin):
    try:
        BLOCKS["table"].load(table)
        answers.append(None)
    except ValidationError as error:
        answers.append(codes(error.messages))
print(json.dumps(answers))
`;

function serverProblems(tables) {
  return JSON.parse(execFileSync(python, ["-c", VALIDATE], { cwd: root, input: JSON.stringify(tables), encoding: "utf8" }));
}

const example = JSON.parse(fs.readFileSync(new URL("../../examples/cai-cach-hanh-chinh-2026.json", import.meta.url)));
const bodyTable = example.body[2].content[0].items[0].content[0];

test("cells stand where the server puts them (merged down and across)", () => {
  const { cells, owner } = grid.layout(grid.sectionRows(bodyTable, "body"), 3);
  assert.equal(cells[0], null); // group row
  assert.deepEqual(cells[1].map((cell) => [cell.col, cell.colspan, cell.rowspan]), [[0, 1, 1], [1, 1, 2], [2, 1, 1]]);
  assert.deepEqual(cells[2].map((cell) => cell.col), [0, 2]); // column 1 covered from above
  assert.deepEqual(owner[2][1], { row: 1, index: 1 });
  assert.deepEqual(cells[5].map((cell) => [cell.col, cell.colspan]), [[0, 1], [1, 2]]);
  assert.deepEqual(grid.rowNumbers(bodyTable, (n) => ["I", "II"][n - 1]), ["I", "1", "2", "II", "1", "2"]);
});

test("merge across and down, then split, gives the single cells back", () => {
  const table = { type: "table", columns: [{}, {}, {}], rows: [{ cells: ["a", "b", "c"] }, { cells: ["d", "e", "f"] }] };
  const across = grid.mergeRight(table, "body", 0, 0);
  assert.deepEqual(across.rows[0].cells, [{ text: "a\nb", colspan: 2 }, "c"]);
  assert.throws(() => grid.mergeDown(across, "body", 0, 0), grid.GridRefusal); // "d" is one column wide
  const down = grid.mergeDown(grid.mergeRight(across, "body", 1, 0), "body", 0, 0);
  assert.deepEqual(down.rows, [{ cells: [{ text: "a\nb\nd\ne", colspan: 2, rowspan: 2 }, "c"] }, { cells: ["f"] }]);
  assert.throws(() => grid.mergeDown(table, "body", 1, 0), grid.GridRefusal);
  const back = grid.split(down, "body", 0, 0);
  assert.deepEqual(back.rows, [{ cells: ["a\nb\nd\ne", "", "c"] }, { cells: ["", "", "f"] }]);
  assert.deepEqual(table.rows[0].cells, ["a", "b", "c"], "the old version is left as it was");
});

test("a header merged across makes the columns' headers into a header row", () => {
  const table = { type: "table", columns: [{ header: "Nội dung" }, { header: "Thời gian" }, { header: "" }], rows: [] };
  const merged = grid.mergeRight(table, "head", 0, 1);
  assert.deepEqual(merged.header_rows, [["Nội dung", { text: "Thời gian", colspan: 2 }]]);
  assert.equal(grid.setText(table, "head", 0, 1, "Thời gian\n(Năm 2026)").columns[1].header, "Thời gian\n(Năm 2026)");
});

test("a removed row hands its merged-down cell to the row below", () => {
  const removed = grid.removeRow(bodyTable, "body", 1);
  assert.deepEqual(removed.rows[1].cells, ["Cuộc thi tìm hiểu cải cách hành chính trên Cổng thông tin điện tử tỉnh", "Sở Nội vụ", "Quý III"]);
});

test("a pasted range fills cells from the chosen one, adding rows and columns", () => {
  const table = { type: "table", columns: [{}, {}], rows: [{ cells: ["x", "y"] }] };
  const pasted = grid.paste(table, "body", 0, 1, [["1", "2", "3"], ["4", "5", "6"]]);
  assert.equal(pasted.columns.length, 4);
  assert.deepEqual(pasted.rows.map((row) => row.cells), [["x", "1", "2", "3"], ["", "4", "5", "6"]]);
});

/** A small random generator, seeded: the same tables on every run. */
function random(seed) {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

test("every table made by a sequence of grid changes is valid for the server", () => {
  const pick = random(15);
  const tables = [];
  const operations = [
    (t, s, r, i) => grid.mergeRight(t, s, r, i),
    (t, s, r, i) => grid.mergeDown(t, s, r, i),
    (t, s, r, i) => grid.split(t, s, r, i),
    (t, s, r) => grid.insertRow(t, s, r),
    (t, s, r) => grid.insertRow(t, s, r + 1),
    (t, s, r) => (s === "body" ? grid.insertRow(t, s, r, { group: true }) : t),
    (t, s, r) => grid.removeRow(t, s, r),
    (t, s, r) => grid.moveRow(t, s, r, pick(2) ? 1 : -1),
    (t, s, r) => (s === "body" ? grid.toggleGroup(t, r) : t),
    (t) => grid.insertColumn(t, pick(grid.width(t) + 1)),
    (t) => grid.removeColumn(t, pick(grid.width(t))),
    (t) => grid.moveColumn(t, pick(grid.width(t)), pick(2) ? 1 : -1),
    (t, s, r) => grid.paste(t, s, r, pick(grid.width(t)), [["p", "q"], ["r", "s"]]),
  ];
  for (let run = 0; run < 150; run += 1) {
    let table = structuredClone(pick(3) ? bodyTable : { type: "table", columns: [{}, {}], rows: [{ cells: ["a", "b"] }] });
    for (let step = 0; step < 12; step += 1) {
      const section = pick(4) ? "body" : "head";
      const rows = grid.sectionRows(table, section);
      if (!rows.length) continue;
      const r = pick(rows.length);
      const index = rows[r] ? pick(Math.max(1, rows[r].length)) : 0;
      try {
        table = operations[pick(operations.length)](table, section, r, index);
      } catch (error) {
        if (!(error instanceof grid.GridRefusal)) throw error;
      }
    }
    tables.push(table);
  }
  // The lists' lengths are the clerk's to keep (the form never cuts): only the grid's own rules count here.
  const GRID_RULES = /row_width|merge_across_group|merge_past_end|row_kind|invalid_type|required|too_few/;
  const problems = serverProblems(tables);
  const invalid = tables.map((table, index) => [table, problems[index]])
    .filter(([, problem]) => problem && GRID_RULES.test(JSON.stringify(problem)));
  assert.deepEqual(invalid.slice(0, 1).map(([table, problem]) => [JSON.stringify(table), problem]), []);
});
