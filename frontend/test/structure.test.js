// node --test: the pure conversions of the body editor.
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";

import { parseInline, serializeInline } from "../src/editor/model/inline.js";
import { createStructure } from "../src/editor/model/structure.js";
import { kind } from "./kind.js";

const { bodyToDoc, docToBody } = createStructure(kind);

const examples = new URL("../../examples/", import.meta.url);

for (const name of fs.readdirSync(examples).filter((file) => file.endsWith(".json"))) {
  test(`body of ${name} survives plan -> document -> plan`, () => {
    const plan = JSON.parse(fs.readFileSync(new URL(name, examples)));
    assert.deepEqual(docToBody(bodyToDoc(plan.body)).body, plan.body);
  });
}

test("tables and task matrices stand in the text as one block each, under their point too", () => {
  const plan = JSON.parse(fs.readFileSync(new URL("../../examples/cai-cach-hanh-chinh-2026.json", import.meta.url)));
  const doc = bodyToDoc(plan.body);
  const tables = doc.content.filter((node) => node.type === "tableblock");
  assert.equal(tables.length, 1);
  assert.equal(tables[0].attrs.attached, true); // under point a)
  assert.deepEqual(docToBody(doc).body, plan.body);
  const appendix = plan.appendices[0].content;
  const { body, paths } = docToBody(bodyToDoc(appendix), "appendices.0.content");
  assert.deepEqual(body, appendix);
  assert.equal(paths[bodyToDoc(appendix).content.findIndex((node) => node.type === "tableblock")], "appendices.0.content.0");
});

test("inline markup round trip", () => {
  for (const text of ["**Về Y tế:** Thực hiện", "a (*nghiêng*) b", "***cả hai*** và *x* **y**", "giá 5\\* sao",
    "chú thích^[Tại Quyết định số 537/QĐ-UBND.] tiếp", "một * lẻ", ""]) {
    assert.equal(serializeInline(parseInline(text)), text.replace("một * lẻ", "một \\* lẻ"));
  }
});

test("marks keep spaces outside the asterisks", () => {
  const nodes = [{ type: "text", text: "Về Y tế: ", marks: [{ type: "strong" }] }, { type: "text", text: "làm" }];
  assert.equal(serializeInline(nodes), "**Về Y tế:** làm");
});

test("empty default sub-parts are not sent; paths point at the text", () => {
  const doc = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 1, kind: "purposes_requirements" } },
      { type: "heading", attrs: { level: 2, kind: "purposes" } },
      { type: "paragraph", content: [{ type: "text", text: "Mục đích một" }] },
      { type: "heading", attrs: { level: 2, kind: "requirements" } },
      { type: "point", content: [{ type: "text", text: "điểm" }] },
      { type: "paragraph", attrs: { attached: true }, content: [{ type: "text", text: "thuộc điểm" }] },
    ],
  };
  const { body, paths } = docToBody(doc);
  assert.deepEqual(body, [{
    type: "purposes_requirements",
    purposes: { content: [{ type: "paragraph", text: "Mục đích một" }] },
    requirements: { content: [{ type: "points", items: [{ text: "điểm", content: [{ type: "paragraph", text: "thuộc điểm" }] }] }] },
  }]);
  assert.equal(paths[5], "body.0.requirements.content.0.items.0.content.0.text");
  const empty = docToBody({ type: "doc", content: [doc.content[0], doc.content[1]] }).body;
  assert.deepEqual(empty, [{ type: "purposes_requirements" }]);
});

test("blocks the editor does not know, and unknown keys, are kept as they came", () => {
  const body = [
    { type: "mystery", text: "không rõ loại", x: [1, { y: null }] },
    { content: [{ text: "Đoạn văn", type: "paragraph", x_comment: "giữ nguyên" }], type: "section", heading: "Mục có khóa lạ", run_in: false, x_hidden: true },
    "not a block",
    { type: "targets", specific: { items: [{ text: "Giảm hộ nghèo", value: 0.07, unit: "%" }], style: "bullets" }, general: null },
  ];
  assert.deepEqual(docToBody(bodyToDoc(body)).body, body);
});

test("a backslash escapes only markup characters", () => {
  const nodes = parseInline("C:\\Dữ liệu \\* \\\\ a\\_b");
  assert.deepEqual(nodes, [{ type: "text", text: "C:\\Dữ liệu * \\ a\\_b" }]);
  // Written back with the fewest backslashes that keep the same meaning.
  assert.equal(serializeInline(nodes), "C:\\Dữ liệu \\* \\ a\\_b");
  assert.deepEqual(parseInline(serializeInline(nodes)), nodes);
});
