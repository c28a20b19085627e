// node --test: the task list's changes (model/tasklist.js).
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";

import * as tasks from "../src/model/tasklist.js";
import { answers } from "./kind.js";

const plan = JSON.parse(fs.readFileSync(new URL("../../examples/cai-cach-hanh-chinh-2026.json", import.meta.url)));
const matrix = plan.appendices[0].content[0];
const known = answers.conventions.task_columns;

test("the conventions list every column the schema allows, with the usual headers", () => {
  assert.deepEqual(known.map((column) => column.key), answers.schema.$defs.TaskMatrix.properties.columns.items.enum);
  assert.equal(known.find((column) => column.key === "lead").header, "Chủ trì thực hiện");
  assert.deepEqual(tasks.columnsOf({}, known), ["content", "product", "deadline", "lead", "support"]);
});

test("tasks are numbered as printed: again in each group, 1.1 under a subgroup", () => {
  const lists = tasks.taskLists({ tasks: [{}], groups: [{ title: "A", tasks: [{}, {}], groups: [{ title: "a", tasks: [{}] }] }] });
  assert.deepEqual(lists.map((list) => list.path.join(".")), ["tasks", "groups.0.tasks", "groups.0.groups.0.tasks"]);
  assert.deepEqual([lists[1].number(1), lists[2].number(0)], ["2", "1.1"]);
});

test("a task moved past the end of its group goes to the next group, and back", () => {
  const last = matrix.groups[0].tasks.length - 1;
  const down = tasks.moveTask(matrix, ["groups", 0, "tasks"], last, 1);
  assert.deepEqual(down.path, ["groups", 1, "tasks"]);
  assert.equal(down.index, 0);
  assert.equal(down.matrix.groups[1].tasks[0], matrix.groups[0].tasks[last]);
  assert.equal(down.matrix.groups[0].tasks.length, last);
  const up = tasks.moveTask(down.matrix, down.path, 0, -1);
  assert.deepEqual(up.matrix, matrix);
  assert.equal(tasks.moveTask(matrix, ["tasks"], 0, -1), null);
});

test("headers follow their columns; a renamed header makes the matrix carry them all", () => {
  const renamed = tasks.renameHeader(matrix, "lead", "Cơ quan chủ trì", known);
  assert.deepEqual(renamed.headers, ["Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Cơ quan chủ trì", "Phối hợp thực hiện", "Theo dõi, kiểm tra, đôn đốc"]);
  const moved = tasks.moveColumn(renamed, "lead", -1, known);
  assert.deepEqual(moved.columns.slice(2, 4), ["lead", "deadline"]);
  assert.deepEqual(moved.headers.slice(2, 4), ["Cơ quan chủ trì", "Thời gian hoàn thành"]);
  const budget = tasks.showColumn(moved, "budget", true, known);
  assert.equal(budget.headers[budget.columns.indexOf("budget")], "Kinh phí");
  assert.equal(budget.headers.length, budget.columns.length);
  const hidden = tasks.showColumn(budget, "product", false, known);
  assert.ok(!hidden.columns.includes("product") && hidden.headers.length === hidden.columns.length);
  assert.equal(matrix.headers, undefined, "the old version is left as it was");
});

test("agencies named in the plan: assignments, recipients, other tasks; never 'Như trên'", () => {
  const names = tasks.agencyNames(plan, ["lead", "support"]);
  for (const name of ["Sở Tư pháp", "Văn phòng UBND tỉnh", "UBND các xã, phường, đặc khu"]) assert.ok(names.includes(name), name);
  assert.ok(!names.some((name) => /^Như /.test(name)));
  assert.equal(new Set(names.map((name) => name.toLowerCase())).size, names.length);
  assert.equal(tasks.addAgency(matrix, ["groups", 0, "tasks", 0], "lead", " sở tư  pháp "), null);
});
