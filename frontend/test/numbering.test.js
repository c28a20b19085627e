// node --test: the form numbers as the document prints (letters from GET /conventions).
import assert from "node:assert/strict";
import { test } from "node:test";

import { labels } from "../src/editor/model/labels.js";
import { kind } from "./kind.js";

test("points are lettered in Vietnamese order, as Word prints them", () => {
  const { pointLabel } = kind.numbering;
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map(pointLabel), ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]);
  assert.equal(pointLabel(23), "aa)");
});

test("headings, points and bullets of a flat document", () => {
  const nodes = [
    { type: "heading", attrs: { level: 1 } }, { type: "heading", attrs: { level: 2 } }, { type: "heading", attrs: { level: 3 } },
    { type: "point" }, { type: "point" }, { type: "bullet", attrs: { attached: true } }, { type: "point" },
    { type: "heading", attrs: { level: 2 } }, { type: "heading", attrs: { level: 2, kind: "closing" } }, { type: "heading", attrs: { level: 1 } },
  ];
  assert.deepEqual(labels(nodes, kind.numbering), ["I.", "1.", "1.1.", "a)", "b)", "-", "c)", "2.", "", "II."]);
});

test("the part menu comes from the schema and the conventions", () => {
  const menu = kind.partMenu();
  assert.equal(menu[0].kind, "section");
  const purposes = menu.find((entry) => entry.kind === "purposes");
  assert.equal(purposes.parent, "purposes_requirements");
  assert.equal(purposes.label, `— ${kind.conventions.labels.purposes}`);
  assert.ok(menu.some((entry) => entry.kind === "agency" && entry.parent === "assignments"));
});
