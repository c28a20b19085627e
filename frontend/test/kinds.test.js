// node --test: every kind of GET /schema as the form edits it — its text's
// conversions, its own fields, its empty document, its numbering — and the
// drafts list grouping a plan with the documents made from it.
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";

import { createStructure } from "../src/editor/model/structure.js";
import { labels } from "../src/editor/model/labels.js";
import { documentKinds, kindName } from "../src/model/kind.js";
import { DocumentSchema } from "../src/model/schema.js";
import { groupDrafts } from "../src/view/draftspanel.js";
import { answers } from "./kind.js";

const schema = new DocumentSchema(answers.schema);
const kinds = documentKinds(schema, answers.conventions);
const examples = new URL("../../examples/", import.meta.url);

test("every kind of /schema, the plan first, named as clerks call them", () => {
  assert.deepEqual(Object.values(kinds).map((kind) => kind.title),
    ["Kế hoạch", "Quyết định", "Tờ trình", "Báo cáo", "Thông báo", "Giấy mời", "Công văn"]);
  assert.equal(kindName(schema, {}), "ke_hoach"); // a plan saved before kinds existed
  assert.equal(kindName(schema, { kind: "cong_van" }), "cong_van");
  assert.equal(kinds.cong_van.typeName, null);
});

/** Every example of every kind: [its path under examples/, the document]. */
function allExamples(dir = "") {
  return fs.readdirSync(new URL(dir, examples)).flatMap((name) => {
    if (fs.statSync(new URL(`${dir}${name}`, examples)).isDirectory()) return allExamples(`${dir}${name}/`);
    return name.endsWith(".json") ? [[`${dir}${name}`, JSON.parse(fs.readFileSync(new URL(`${dir}${name}`, examples)))]] : [];
  });
}

for (const [name, document] of allExamples()) {
  test(`every text area of ${name} opened and saved without an edit gives it back exactly`, () => {
    const kind = kinds[kindName(schema, document)];
    assert.equal(kind.name, name.includes("/") ? name.split("/")[0] : "ke_hoach");
    const { bodyToDoc, docToBody } = createStructure(kind);
    const areas = [[kind.textKey, document[kind.textKey]],
      ...(document.appendices || []).flatMap((appendix, index) => ["content", "notes"]
        .filter((key) => appendix[key]).map((key) => [`appendices.${index}.${key}`, appendix[key]]))];
    for (const [path, blocks] of areas) assert.deepEqual(docToBody(bodyToDoc(blocks), path).body, blocks, path);
  });
}

test("a decision's articles and clauses: Điều 1., its clauses 1., 2., the next article again from 1.", () => {
  const kind = kinds.quyet_dinh;
  const { bodyToDoc } = createStructure(kind);
  const body = [
    { type: "article", heading: "Phạm vi", content: [{ type: "clauses", items: [{ text: "a", content: [] }, { text: "b", content: [] }] }] },
    { type: "article", content: [{ type: "paragraph", text: "c" }, { type: "clauses", items: [{ text: "d", content: [] }] }] },
  ];
  const nodes = bodyToDoc(body).content;
  assert.deepEqual(labels(nodes, kind.numbering), ["Điều 1.", "1.", "2.", "Điều 2.", "", "1."]);
  assert.deepEqual(kind.headingLevels().map((level) => level.label), ["Điều (Điều 1.)", "Khoản 1., 2. (1.)"]);
});

test("a heading typed in a decision is an article at the top and a clause under one", () => {
  const { docToBody } = createStructure(kinds.quyet_dinh);
  const text = (value) => [{ type: "text", text: value }];
  const { body, paths } = docToBody({
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 1, kind: "section" } },
      { type: "paragraph", content: text("Phê duyệt") },
      { type: "heading", attrs: { level: 2, kind: "section" }, content: text("Khoản một") },
      { type: "point", content: text("điểm") },
    ],
  });
  assert.deepEqual(body, [{ type: "article", content: [
    { type: "paragraph", text: "Phê duyệt" },
    { type: "clauses", items: [{ text: "Khoản một", content: [{ type: "points", items: [{ text: "điểm" }] }] }] },
  ] }]);
  assert.deepEqual(paths, ["body.0.heading", "body.0.content.0.text", "body.0.content.1.items.0.text",
    "body.0.content.1.items.0.content.0.items.0.text"]);
});

test("each kind's own fields come from its schema, the shared ones stay in their parts", () => {
  assert.deepEqual(kinds.ke_hoach.ownFields, []);
  assert.deepEqual(kinds.cong_van.ownFields, ["drafting_unit", "addressees"]);
  assert.deepEqual(kinds.giay_moi.ownFields, ["inviter", "invitees", "event", "chair", "time", "venue", "bring"]);
  assert.equal(kinds.giay_moi.textKey, "notes");
  assert.ok(kinds.quyet_dinh.ownFields.includes("authority"));
  assert.deepEqual(kinds.quyet_dinh.shownFields({}).includes("attachment_file"), false);
  assert.deepEqual(kinds.quyet_dinh.shownFields({ attachment: {} }).includes("attachment_file"), true);
  assert.match(kinds.cong_van.ownDescription("summary"), /V\/v/);
  assert.equal(kinds.ke_hoach.ownDescription("summary"), undefined);
});

test("a new document of each kind names its kind (a plan as plans always were) and holds what it must", () => {
  const plan = kinds.ke_hoach.emptyDocument();
  assert.equal("kind" in plan, false);
  assert.equal(plan.document_type, "Kế hoạch");
  const decision = kinds.quyet_dinh.emptyDocument();
  assert.equal(decision.kind, "quyet_dinh");
  assert.deepEqual(decision.body, [{ type: "article", content: [{ type: "paragraph", text: "" }] }]);
  assert.equal("appendices" in kinds.giay_moi.emptyDocument(), false);
  assert.deepEqual(kinds.giay_moi.emptyDocument().invitees, [""]);
  assert.deepEqual(kinds.cong_van.emptyDocument().addressees, [""]);
  const { bodyToDoc, docToBody } = createStructure(kinds.quyet_dinh);
  assert.deepEqual(docToBody(bodyToDoc(decision.body)).body, decision.body); // "Điều 1." and its first paragraph
});

test("the drafts list puts the documents made from a plan right under it", () => {
  const items = [
    { id: "report", parent: "plan" }, { id: "other" }, { id: "plan" }, { id: "decision", parent: "plan" },
    { id: "orphan", parent: "gone" },
  ];
  assert.deepEqual(groupDrafts(items).map((item) => [item.id, item.linked]),
    [["other", false], ["plan", false], ["report", true], ["decision", true], ["orphan", false]]);
});
