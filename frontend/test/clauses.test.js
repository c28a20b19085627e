// node --test: a decision's clauses in the editor's model — what follows
// an article's clauses stays the article's, each list of clauses is
// numbered from 1 as the generator prints it, Enter and Tab on clauses.
import assert from "node:assert/strict";
import { test } from "node:test";

import { EditorState, TextSelection } from "prosemirror-state";

import { labels } from "../src/editor/model/labels.js";
import { schema } from "../src/editor/model/schema.js";
import { createStructure } from "../src/editor/model/structure.js";
import { enter, shiftLevel } from "../src/editor/state/commands.js";
import { outlineOf, outlinePlugin } from "../src/editor/state/outline.js";
import { documentKinds } from "../src/model/kind.js";
import { DocumentSchema } from "../src/model/schema.js";
import { answers } from "./kind.js";

const kinds = documentKinds(new DocumentSchema(answers.schema), answers.conventions);
const decision = kinds.quyet_dinh;
const structure = createStructure(decision);
const clause = (text, content = []) => ({ text, content });

// Điều 1.: a paragraph, clauses 1.–2. (points under 2.), then the article's
// own paragraph, points and a second list of clauses.
const BODY = [{
  type: "article",
  content: [
    { type: "paragraph", text: "Phê duyệt như sau:" },
    { type: "clauses", items: [clause("Một."), clause("Hai:", [{ type: "points", items: [{ text: "a", content: [] }] }])] },
    { type: "paragraph", text: "Của điều." },
    { type: "points", items: [{ text: "điểm của điều" }] },
    { type: "clauses", items: [clause("Lại một.")] },
  ],
}];

test("what follows an article's clauses comes back where it was", () => {
  const doc = structure.bodyToDoc(BODY);
  const { body, outline } = structure.docToBody(doc);
  assert.deepEqual(body, BODY);
  const texts = doc.content.map((node) => node.content?.[0]?.text ?? "");
  const where = Object.fromEntries(texts.map((text, index) => [text, outline[index].in]));
  assert.equal(where["Của điều."], "article");
  assert.equal(where["điểm của điều"], "article");
  assert.equal(where.a, "clause");
  // Typed after the article's paragraph (no depth of its own), a paragraph stays the article's too.
  const typed = { type: "paragraph", attrs: {}, content: [{ type: "text", text: "Tiếp." }] };
  const index = texts.indexOf("Của điều.") + 1;
  const more = structure.docToBody({ type: "doc", content: [...doc.content.slice(0, index), typed, ...doc.content.slice(index)] });
  assert.deepEqual(more.body[0].content[3], { type: "paragraph", text: "Tiếp." });
});

test("a plan's section keeps its text after its sub-sections, and the body its text after the sections", () => {
  const plan = createStructure(kinds.ke_hoach);
  const body = [
    { type: "section", heading: "Một", content: [
      { type: "section", heading: "Con", content: [{ type: "paragraph", text: "của mục con" }] },
      { type: "paragraph", text: "của mục I" },
    ] },
    { type: "paragraph", text: "của văn bản" },
  ];
  assert.deepEqual(plan.docToBody(plan.bodyToDoc(body)).body, body);
});

test("each list of clauses is numbered from 1, as generators/blocks/clauses.py prints it", () => {
  const doc = structure.bodyToDoc(BODY);
  const { outline } = structure.docToBody(doc);
  const shown = labels(doc.content, decision.numbering, outline);
  assert.deepEqual(shown, ["Điều 1.", "", "1.", "2.", "a)", "", "a)", "1."]);
  assert.deepEqual(outline.filter((place) => place.number).map((place) => [place.number, place.last]),
    [[1, false], [2, true], [1, true]]);
});

/** An editor state of the decision with the caret at the end of the node holding `text`. */
function stateAt(body, text, { atStart = false } = {}) {
  const state = EditorState.create({
    doc: schema.nodeFromJSON(structure.bodyToDoc(body)), plugins: [outlinePlugin(structure, "body")],
  });
  let caret = null;
  state.doc.forEach((node, pos) => {
    if (caret === null && node.textContent === text) caret = atStart ? pos + 1 : pos + 1 + node.content.size;
  });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, caret)));
}

function run(state, command) {
  let next = state;
  command(state, (tr) => { next = state.apply(tr); });
  return next;
}

const typeText = (state, text) => state.apply(state.tr.insertText(text));
const bodyOf = (state) => outlineOf(state).body;
const options = { allowed: new Set(["paragraph", "heading", "point", "bullet", "subbullet"]) };

test("Enter at the end of a clause starts the next one; on an empty clause it ends the list", () => {
  const body = [{ type: "article", content: [{ type: "paragraph", text: "Như sau:" }, { type: "clauses", items: [clause("Một.")] }] }];
  let state = typeText(run(stateAt(body, "Một."), enter), "Hai.");
  state = typeText(run(run(state, enter), enter), "Của điều.");
  assert.deepEqual(bodyOf(state), [{ type: "article", content: [
    { type: "paragraph", text: "Như sau:" },
    { type: "clauses", items: [clause("Một."), clause("Hai.")] },
    { type: "paragraph", text: "Của điều." },
  ] }]);
  // A clause with text under it: Enter at its end starts that text, as after a heading.
  const held = [{ type: "article", content: [{ type: "clauses", items: [clause("Một:", [{ type: "paragraph", text: "dưới" }])] }] }];
  assert.deepEqual(bodyOf(typeText(run(stateAt(held, "Một:"), enter), "đầu")), [{ type: "article", content: [
    { type: "clauses", items: [clause("Một:", [{ type: "paragraph", text: "đầu" }, { type: "paragraph", text: "dưới" }])] },
  ] }]);
});

test("Shift+Tab lifts a paragraph of the last clause to the article, Tab puts it back; no heading under a clause", () => {
  const body = [{ type: "article", content: [
    { type: "clauses", items: [clause("Một.", [{ type: "paragraph", text: "p1" }]), clause("Hai.", [{ type: "paragraph", text: "p2" }])] },
  ] }];
  const lifted = run(stateAt(body, "p2", { atStart: true }), shiftLevel(false, options));
  assert.deepEqual(bodyOf(lifted)[0].content.at(-1), { type: "paragraph", text: "p2" });
  assert.deepEqual(bodyOf(run(lifted, shiftLevel(true, options))), body);
  // Under a clause that is not the last: the paragraph becomes the next clause.
  const split = bodyOf(run(stateAt(body, "p1", { atStart: true }), shiftLevel(false, options)));
  assert.deepEqual(split[0].content[0].items.map((item) => item.text), ["Một.", "p1", "Hai."]);
  // Tab on a clause under another clause: a paragraph of that clause, never a heading under it.
  const demoted = bodyOf(run(stateAt(body, "Hai.", { atStart: true }), shiftLevel(true, options)));
  assert.deepEqual(demoted[0].content[0].items[0].content.map((block) => block.text), ["p1", "Hai.", "p2"]);
  assert.deepEqual(decision.leafHeadings, ["clause"]);
});
