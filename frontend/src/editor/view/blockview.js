// A block with an editor of its own — a table, a task matrix — standing in
// the text as one block (a ProseMirror node view): the text around it
// moves and deletes it like a paragraph, while its editor (made by the
// page, view/blocks.js) owns everything inside it. Each change the block's
// editor makes becomes a new version of the node; the editor's history of
// the text does not record them (a removed row or task goes to the draft's
// history of deletions instead).

import { NodeSelection } from "prosemirror-state";

import { moveBlock } from "../state/commands.js";
import { blockEditKey } from "../state/decorations.js";

const views = new WeakMap(); // node view DOM -> BlockView

/**
 * createBlock(value, host) -> {element, value, set(value), showErrors([{path, base, message}]),
 *   focus(innerPath | null) -> bool, destroy()}; host: {change(value, innerPath), remove(),
 *   move(step), select(), attached(), path()}: innerPath is the path inside the block the
 *   change is about ("rows.2.cells.1"), "" for a change of the whole block.
 * pathOf(pos): the block's path in the document; onEdited(path): after a change of that path.
 */
export function blockNodeViews(createBlock, { pathOf, onEdited }) {
  if (!createBlock) return {};
  return { tableblock: (node, view, getPos) => new BlockView(node, view, getPos, createBlock, { pathOf, onEdited }) };
}

/** The block editor shown for the node at `pos` (null when there is none). */
export function blockEditorAt(view, pos) {
  const dom = view.nodeDOM(pos);
  return (dom && views.get(dom)?.block) || null;
}

class BlockView {
  constructor(node, view, getPos, createBlock, { pathOf, onEdited }) {
    this.node = node;
    this.pathOf = pathOf;
    this.onEdited = onEdited;
    this.view = view;
    this.getPos = getPos;
    this.dom = document.createElement("div");
    this.dom.className = "pm-block";
    this.dom.contentEditable = "false";
    this.block = createBlock(node.attrs.value, {
      change: (value, inner = "") => this.#change(value, inner),
      remove: () => this.#remove(),
      move: (step) => this.#move(step),
      select: () => this.#select(),
      attached: () => this.node.attrs.attached,
      path: () => (this.getPos() === undefined ? null : this.pathOf(this.getPos())),
    });
    this.dom.append(this.block.element);
    views.set(this.dom, this);
  }

  #change(value, inner) {
    const pos = this.getPos();
    if (pos === undefined) return;
    const tr = this.view.state.tr.setNodeMarkup(pos, null, { ...this.node.attrs, value })
      .setMeta(blockEditKey, { pos, inner })
      .setMeta("addToHistory", false);
    this.view.dispatch(tr);
    const base = this.pathOf(pos);
    this.onEdited?.(inner ? `${base}.${inner}` : base);
  }

  #remove() {
    const pos = this.getPos();
    if (pos === undefined) return;
    this.view.dispatch(this.view.state.tr.delete(pos, pos + this.node.nodeSize));
    this.view.focus();
  }

  #select() {
    const pos = this.getPos();
    if (pos === undefined) return;
    this.view.dispatch(this.view.state.tr.setSelection(NodeSelection.create(this.view.state.doc, pos)));
    this.view.focus();
  }

  /** Moved above the block before it or below the one after it; false at the ends. */
  #move(step) {
    const pos = this.getPos();
    if (pos === undefined) return false;
    const action = document.activeElement?.dataset?.action;
    const state = this.view.state.apply(this.view.state.tr.setSelection(NodeSelection.create(this.view.state.doc, pos)));
    if (!moveBlock(step)(state, (tr) => this.view.dispatch(tr))) return false;
    // The button pressed keeps the focus, wherever the block now stands.
    const moved = blockEditorAt(this.view, this.view.state.selection.from);
    const again = action && moved?.element.querySelector(`[data-action="${action}"]:not(:disabled)`);
    if (again) again.focus();
    else this.view.focus();
    return true;
  }

  update(node, decorations) {
    if (node.type !== this.node.type) return false;
    if (node.attrs.value !== this.block.value) this.block.set(node.attrs.value);
    this.node = node;
    this.block.showErrors(decorations.flatMap((decoration) => decoration.spec.errors || []));
    return true;
  }

  /** Everything inside belongs to the block's editor but its handle (the
   * bar to select the whole block, as a click beside a paragraph would). */
  stopEvent(event) {
    const target = event.target;
    return !target?.closest?.("[data-block-handle]") || Boolean(target.closest("button, input, select, textarea, label, a"));
  }

  ignoreMutation() {
    return true;
  }

  selectNode() {
    this.dom.classList.add("ProseMirror-selectednode");
  }

  deselectNode() {
    this.dom.classList.remove("ProseMirror-selectednode");
  }

  destroy() {
    this.block.destroy?.();
  }
}
