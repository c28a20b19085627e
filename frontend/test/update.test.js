// node --test: versions of a block (model/update.js): the fingerprint the
// history of deletions keeps instead of a copy of the table.
import assert from "node:assert/strict";
import { test } from "node:test";

import { fingerprint, setIn } from "../src/model/update.js";

const table = { type: "table", columns: [{ header: "Thôn" }], rows: [{ cells: ["Thôn 1"] }, { cells: ["Thôn 2"] }] };

test("a table's fingerprint stays while the table is the same, in a copy too", () => {
  assert.equal(fingerprint(table), fingerprint(JSON.parse(JSON.stringify(table))));
});

test("any change to the table changes its fingerprint: a letter, a diacritic, a row", () => {
  const changed = [
    setIn(table, ["rows", 1, "cells", 0], "Thôn 3"),
    setIn(table, ["columns", 0, "header"], "Thon"),
    setIn(table, ["rows"], table.rows.slice(1)),
  ];
  const prints = new Set([table, ...changed].map(fingerprint));
  assert.equal(prints.size, changed.length + 1);
});
