// Editing commands of the body: Enter, Tab / Shift+Tab between levels,
// paragraph kinds, named parts and their flags. Where a paragraph stands
// (whose content holds it, a clause's number in its list) is read from the
// document's conversion (outline.js), never guessed again here.

import { splitBlockAs } from "prosemirror-commands";
import { Fragment } from "prosemirror-model";
import { NodeSelection, TextSelection } from "prosemirror-state";

import { schema } from "../model/schema.js";
import { TYPED_LABEL } from "../model/labels.js";
import { outlineOf } from "./outline.js";

const LIST_TYPES = new Set(["point", "bullet", "subbullet"]);

/** Index, node and position of the top-level nodes the selection touches. */
function selectedBlocks(state) {
  const { from, to } = state.selection;
  const blocks = [];
  state.doc.forEach((node, offset, index) => {
    if (offset + node.nodeSize > from && offset < to) blocks.push({ node, pos: offset, index });
  });
  if (!blocks.length) {
    const $from = state.selection.$from;
    blocks.push({ node: $from.node(1), pos: $from.before(1), index: $from.index(0) });
  }
  return blocks;
}

function previousOf(doc, index) {
  return index > 0 ? doc.child(index - 1) : null;
}

/** The index of the nearest heading before `index` (-1: none). */
function headingIndexAbove(doc, index) {
  for (let i = index - 1; i >= 0; i -= 1) if (doc.child(i).type === schema.nodes.heading) return i;
  return -1;
}

/** The heading a node at `index` sits under (null at the top). */
export function headingAbove(doc, index) {
  const found = headingIndexAbove(doc, index);
  return found < 0 ? null : doc.child(found);
}

/** The kind a heading at `level` takes at `index`: an agency right under
 * "Tổ chức thực hiện", else its own kind (an agency elsewhere is a section). */
export function kindAt(doc, index, level, kind = "section") {
  for (let i = index - 1; i >= 0; i -= 1) {
    const node = doc.child(i);
    if (node.type !== schema.nodes.heading || node.attrs.level >= level) continue;
    if (node.attrs.kind === "assignments" && node.attrs.level === level - 1) return "agency";
    break;
  }
  return kind === "agency" ? "section" : kind;
}

/** Whether a node at `index` follows a point (or what stands under one). */
function afterPoint(doc, index) {
  const prev = previousOf(doc, index);
  return Boolean(prev && (prev.type === schema.nodes.point || prev.attrs.attached || prev.type === schema.nodes.subbullet));
}

/** The attributes of a paragraph, point or bullet that becomes `type`: it
 * keeps its place (`depth`) when the new type has one. */
export function keepPlace(node, type, attrs) {
  return node.attrs.depth != null && "depth" in (type.spec.attrs || {}) && !("depth" in attrs)
    ? { ...attrs, depth: node.attrs.depth } : attrs;
}

/** What Tab (deeper) or Shift+Tab (shallower) turns a node into;
 * `underPoint`: the embedded block types a point may hold; `outline`:
 * where each node stands (docToBody). */
function shifted(doc, index, node, deeper, underPoint, outline) {
  const { heading, paragraph, point, bullet, subbullet, tableblock } = schema.nodes;
  const prev = previousOf(doc, index);
  const inPoint = afterPoint(doc, index);
  if (node.type === tableblock) {
    const attached = deeper ? inPoint && underPoint.includes(node.attrs.value?.type) : false;
    return attached === node.attrs.attached ? null : [tableblock, { ...node.attrs, attached }];
  }
  const aboveIndex = headingIndexAbove(doc, index);
  const above = aboveIndex < 0 ? null : doc.child(aboveIndex);
  const kind = node.attrs.kind;
  const place = outline[index];
  if (node.type === heading) {
    const level = node.attrs.level;
    // No heading goes under a heading that holds none (a clause): Tab makes a paragraph of it.
    const maxLevel = Math.min(4, above ? above.attrs.level + (outline[aboveIndex].leaf ? 0 : 1) : 1);
    const at = (next) => [heading, { ...node.attrs, level: next, kind: kindAt(doc, index, next, kind) }];
    if (deeper) return level < maxLevel ? at(level + 1) : [paragraph, {}];
    return level > 1 ? at(level - 1) : null;
  }
  if (node.type === paragraph) {
    if (deeper) {
      // A paragraph lifted out of a list of clauses goes back into the clause above it.
      const prevLevel = prev && (prev.type === heading ? prev.attrs.level : outline[index - 1].level);
      if (!node.attrs.attached && node.attrs.depth != null && prevLevel > node.attrs.depth) return [paragraph, { ...node.attrs, depth: null }];
      return !node.attrs.attached && inPoint ? [paragraph, { attached: true }] : [bullet, { attached: node.attrs.attached }];
    }
    if (node.attrs.attached) return [paragraph, {}];
    // Under the last clause of a list, out of the list: a paragraph of the
    // article (Word's "decrease indent"); elsewhere a heading beside the
    // heading whose content holds it.
    const owner = outline[place.owner];
    if (owner?.number && owner.last) return [paragraph, { ...node.attrs, depth: owner.level }];
    const level = Math.max(1, place.level);
    return [heading, { level, kind: kindAt(doc, index, level) }];
  }
  // A new, empty point goes one list level down, as in Word: a bullet of the point.
  if (node.type === point) {
    if (!deeper) return [paragraph, {}];
    return node.content.size ? [paragraph, { attached: true }] : [bullet, { attached: true }];
  }
  if (node.type === bullet) {
    if (deeper) return prev && (prev.type === bullet || prev.type === subbullet) ? [subbullet, {}] : null;
    return node.attrs.attached ? [bullet, {}] : [paragraph, {}];
  }
  if (node.type === subbullet) return deeper ? null : [bullet, { attached: Boolean(prev && prev.attrs.attached) }];
  return null;
}

/** Tab (deeper) or Shift+Tab; `allowed` names the node types this editor
 * may hold (appendix notes: paragraphs and bullets only), `underPoint` the
 * embedded block types a point may hold. */
export function shiftLevel(deeper, { allowed, underPoint = [] }) {
  return (state, dispatch) => {
    const tr = state.tr;
    const { outline } = outlineOf(state);
    let changed = false;
    for (const { node, pos, index } of selectedBlocks(state)) {
      const target = shifted(tr.doc, index, node, deeper, underPoint, outline);
      if (!target || !allowed.has(target[0].name)) continue;
      tr.setNodeMarkup(pos, target[0], keepPlace(node, target[0], target[1]));
      changed = true;
    }
    if (!changed) return true; // Tab never leaves the editor by accident; Esc then Tab does.
    if (dispatch) dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Enter: a new paragraph of the same list kind; after a heading, a body
 * paragraph; on an empty list item, back to a plain paragraph (as in Word).
 * A clause is an item of a numbered list too: Enter at its end starts the
 * next clause (a paragraph when the clause has text under it: the caret
 * goes to its start), on an empty clause it ends the list, with a
 * paragraph of the article. */
export function enter(state, dispatch) {
  const { $from, empty } = state.selection;
  const node = $from.parent;
  const { paragraph, heading, subbullet, bullet } = schema.nodes;
  if (empty && node.content.size === 0 && LIST_TYPES.has(node.type.name)) {
    if (dispatch) {
      const [type, attrs] = node.type === subbullet ? [bullet, {}] : [paragraph, { attached: Boolean(node.attrs.attached) }];
      dispatch(state.tr.setNodeMarkup($from.before(), type, keepPlace(node, type, attrs)));
    }
    return true;
  }
  const index = $from.index(0);
  const { outline } = outlineOf(state);
  const item = node.type === heading && $from.depth === 1 && outline[index].number ? outline[index] : null;
  if (item && empty && node.content.size === 0) {
    if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(), paragraph, { depth: item.level }));
    return true;
  }
  const next = index + 1 < state.doc.childCount ? state.doc.child(index + 1) : null;
  const nextItem = item && !(next && next.type !== heading && outline[index + 1].owner === index);
  return splitBlockAs((parent, atEnd) => {
    if (parent.type === heading) {
      return atEnd && !nextItem ? { type: paragraph, attrs: {} } : { type: heading, attrs: { ...parent.attrs, extra: null } };
    }
    const attrs = { ...parent.attrs };
    if ("restart" in attrs) attrs.restart = false;
    if ("extra" in attrs) attrs.extra = null; // what rode along with the paragraph stays with it
    return { type: parent.type, attrs };
  })(state, dispatch);
}

/** Make the selected paragraphs of one kind ("paragraph", "point", "bullet",
 * "subbullet", or "heading:2" for a level-2 heading). */
export function setKind(kind) {
  return (state, dispatch) => {
    const [name, level] = kind.split(":");
    const type = schema.nodes[name];
    const tr = state.tr;
    for (const { node, pos, index } of selectedBlocks(state).reverse()) {
      // A label typed before the kind was chosen ("I. MỤC ĐÍCH") is the
      // number the editor draws now: it goes, so it never prints twice.
      const typed = name !== "paragraph" && TYPED_LABEL.exec(node.textContent);
      if (typed && node.firstChild?.isText) tr.delete(pos + 1, pos + 1 + typed[0].length);
      let attrs = {};
      if (name === "heading") {
        const keep = node.type === schema.nodes.heading ? node.attrs : {};
        attrs = { ...keep, level: Number(level), kind: kindAt(tr.doc, index, Number(level), keep.kind) };
      } else if (name === "paragraph" || name === "bullet") {
        attrs = { attached: Boolean(node.attrs.attached) };
      }
      tr.setNodeMarkup(pos, type, keepPlace(node, type, attrs));
    }
    if (dispatch) dispatch(tr);
    return true;
  };
}

/** Set attributes of the heading the caret is in (named part, flags). */
export function setHeadingAttrs(changes) {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const node = $from.node(1);
    if (!node || node.type !== schema.nodes.heading) return false;
    if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(1), null, { ...node.attrs, ...changes }));
    return true;
  };
}

export function insertFootnote(text) {
  return (state, dispatch) => {
    const { selection } = state;
    if (selection.node && selection.node.type === schema.nodes.footnote) {
      if (dispatch) dispatch(state.tr.setNodeMarkup(selection.from, null, { text }));
      return true;
    }
    if (dispatch) dispatch(state.tr.replaceSelectionWith(schema.nodes.footnote.create({ text }), false));
    return true;
  };
}

/** The paragraphs (or the block) at the selection moved above the one
 * before them (step -1) or below the one after them (+1), as Word's
 * Alt+Shift+↑ / ↓ moves a paragraph. */
export function moveBlock(step) {
  return (state, dispatch) => {
    const blocks = selectedBlocks(state);
    const first = blocks[0];
    const last = blocks[blocks.length - 1];
    const other = step < 0 ? first.index - 1 : last.index + 1;
    if (other < 0 || other >= state.doc.childCount) return false;
    if (!dispatch) return true;
    const neighbour = state.doc.child(other);
    const moved = state.doc.slice(first.pos, last.pos + last.node.nodeSize).content;
    const from = step < 0 ? first.pos - neighbour.nodeSize : first.pos;
    const to = step < 0 ? last.pos + last.node.nodeSize : last.pos + last.node.nodeSize + neighbour.nodeSize;
    const content = step < 0 ? moved.append(Fragment.from(neighbour)) : Fragment.from(neighbour).append(moved);
    const tr = state.tr.replaceWith(from, to, content);
    const shift = step * neighbour.nodeSize;
    const { selection } = state;
    tr.setSelection(selection instanceof NodeSelection
      ? NodeSelection.create(tr.doc, selection.from + shift)
      : TextSelection.create(tr.doc, selection.anchor + shift, selection.head + shift));
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** A block with an editor of its own (a table, a task matrix) put after the
 * paragraph at the caret (instead of it, when it is an empty paragraph);
 * under the point there when the point may hold it. */
export function insertBlock(value, underPoint = []) {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const index = Math.min($from.index(0), state.doc.childCount - 1);
    let pos = 0;
    for (let i = 0; i < index; i += 1) pos += state.doc.child(i).nodeSize;
    const here = state.doc.child(index);
    const attached = underPoint.includes(value?.type)
      && (here.type === schema.nodes.point || Boolean(here.attrs.attached));
    const node = schema.nodes.tableblock.create({ value, attached });
    if (!dispatch) return true;
    const empty = here.type === schema.nodes.paragraph && here.content.size === 0;
    const tr = empty ? state.tr.replaceWith(pos, pos + here.nodeSize, node) : state.tr.insert(pos + here.nodeSize, node);
    const at = empty ? pos : pos + here.nodeSize;
    dispatch(tr.setSelection(NodeSelection.create(tr.doc, at)).scrollIntoView());
    return true;
  };
}
