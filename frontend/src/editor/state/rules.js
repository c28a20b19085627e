// Typed labels at the start of a paragraph set its kind and level, as Word's
// AutoFormat does: "I. " a heading of level I., "1. " of level 1., "1.1. ",
// "1.1.1. ", "a) " a point, "- " a bullet, "+ " a sub-bullet. The typed label
// is consumed: the editor draws the number, so it is never printed twice.

import { InputRule, inputRules } from "prosemirror-inputrules";

import { schema } from "../model/schema.js";
import { keepPlace, kindAt } from "./commands.js";

/** `allowed`: the node types this editor may hold. */
export function labelRules(allowed) {
  const { point, bullet, subbullet } = schema.nodes;
  const turn = (type, attrsOf) => (state, match, start, end) => {
    const $start = state.doc.resolve(start);
    const node = $start.parent;
    if ($start.parentOffset !== 0 || node.type.name === "heading") return null;
    return state.tr.delete(start, end).setNodeMarkup($start.before(), type, keepPlace(node, type, attrsOf(node)));
  };
  const { heading } = schema.nodes;
  const level = (number) => (state, match, start, end) => {
    const $start = state.doc.resolve(start);
    if ($start.parentOffset !== 0 || $start.parent.type === schema.nodes.raw) return null;
    const index = $start.index(0);
    const keep = $start.parent.type === heading ? $start.parent.attrs : {};
    return state.tr.delete(start, end).setNodeMarkup($start.before(), heading,
      { ...keep, level: number, kind: kindAt(state.doc, index, number, keep.kind) });
  };
  const headings = [
    [/^[IVXLCDM]+\.\s$/, 1], [/^\d+\.\s$/, 2], [/^\d+\.\d+\.\s$/, 3], [/^\d+\.\d+\.\d+\.\s$/, 4],
  ].map(([pattern, number]) => new InputRule(pattern, level(number)));
  const rules = [
    [point, /^[a-zđ]\)\s$/, () => ({})],
    [bullet, /^[-–•]\s$/, (node) => ({ attached: Boolean(node.attrs.attached) })],
    [subbullet, /^\+\s$/, () => ({})],
  ];
  return inputRules({
    rules: [
      ...(allowed.has("heading") ? headings : []),
      ...rules.filter(([type]) => allowed.has(type.name)).map(([type, pattern, attrsOf]) => new InputRule(pattern, turn(type, attrsOf))),
    ],
  });
}
