// Typed labels at the start of a paragraph become its kind, as Word's
// AutoFormat does: "a) " a point, "- " a bullet, "+ " a sub-bullet.

import { InputRule, inputRules } from "prosemirror-inputrules";

import { schema } from "../model/schema.js";

/** `allowed`: the node types this editor may hold. */
export function labelRules(allowed) {
  const { point, bullet, subbullet } = schema.nodes;
  const turn = (type, attrsOf) => (state, match, start, end) => {
    const $start = state.doc.resolve(start);
    const node = $start.parent;
    if ($start.parentOffset !== 0 || node.type.name === "heading") return null;
    return state.tr.delete(start, end).setNodeMarkup($start.before(), type, attrsOf(node));
  };
  const rules = [
    [point, /^[a-zđ]\)\s$/, () => ({})],
    [bullet, /^[-–•]\s$/, (node) => ({ attached: Boolean(node.attrs.attached) })],
    [subbullet, /^\+\s$/, () => ({})],
  ];
  return inputRules({
    rules: rules.filter(([type]) => allowed.has(type.name))
      .map(([type, pattern, attrsOf]) => new InputRule(pattern, turn(type, attrsOf))),
  });
}
