// The rich-text editor of the form (ProseMirror's view): the body of the
// document, or the notes of an appendix, as one continuous text whose
// paragraphs carry the document's structure. The page gives it blocks and
// gets blocks back (model/structure.js does the conversion).

import { toggleMark } from "prosemirror-commands";
import { redo, undo } from "prosemirror-history";
import { Fragment } from "prosemirror-model";
import { NodeSelection, TextSelection } from "prosemirror-state";
import { EditorView } from "prosemirror-view";

import { labels } from "../model/labels.js";
import { schema } from "../model/schema.js";
import { insertBlock, insertFootnote, setHeadingAttrs, setKind, shiftLevel } from "../state/commands.js";
import { editorPlugins, stateFor } from "../state/plugins.js";
import { errorsKey } from "../state/decorations.js";
import { outlineOf } from "../state/outline.js";
import { blockEditorAt, blockNodeViews } from "./blockview.js";

const ALL_KINDS = new Set(["paragraph", "heading", "point", "bullet", "subbullet"]);

/**
 * mount: the element to render into. options:
 *   body            the blocks to edit
 *   structure       createStructure(kind) (model/structure.js)
 *   numbering       createNumbering(conventions) (model/numbering.js)
 *   rootPath        the blocks' path in the document ("body", "appendices.0.notes")
 *   allowed         the paragraph kinds this editor holds (default: all)
 *   className       "pm-body" (the body) or "pm-notes" (an appendix's notes)
 *   limits          {paragraph, heading} (from /schema maxLength)
 *   placeholder(kind)   the heading an empty heading of `kind` prints
 *   emptyText(node)     a hint for an empty paragraph
 *   recognize({html, text}) -> Promise<{blocks, warnings}>  (POST /import/clipboard);
 *                   without it a paste stays ProseMirror's own
 *   notify(message, kind)
 *   onChange()      after each change of the document
 *   onDeleted({index, nodes, heading, blocks})  after a change removed headings (whole
 *                   parts) or blocks (tables): the top-level nodes it removed (JSON), to
 *                   keep in the draft's history
 *   createBlock(value, host)  the editor of a table or task matrix (blockview.js)
 *   underPoint      the block types a point may hold (kind.underPoint)
 *   onBlockEdited(path)  after a block's editor changed what stands at that document path
 *   onSelection(info)   the kind and flags of the paragraph at the caret
 *   label           the accessible name of the editing area
 */
export function createEditor(mount, settings) {
  const options = { rootPath: "body", allowed: ALL_KINDS, className: "pm-body", ...settings };
  const { structure } = options;
  let escaped = false;
  const plugins = editorPlugins(options, () => escaped);

  const view = new EditorView(mount, {
    state: stateFor(options.body, plugins, structure),
    attributes: {
      class: `pm-text ${options.className}`,
      role: "textbox",
      "aria-multiline": "true",
      "aria-label": options.label,
      "aria-describedby": options.describedBy || "",
      spellcheck: "true",
      lang: "vi",
    },
    nodeViews: blockNodeViews(options.createBlock, {
      pathOf: (pos) => api.read().paths[view.state.doc.resolve(pos).index(0)],
      onEdited: options.onBlockEdited,
    }),
    handleKeyDown(_view, event) {
      escaped = event.key === "Escape" || (escaped && event.key === "Tab");
      // Tab / Shift+Tab on a selected table put it under the point above or
      // take it out, as they do a paragraph; where it cannot go deeper, Tab
      // goes into it (its first field).
      const { selection } = view.state;
      if (event.key === "Tab" && !escaped && selection instanceof NodeSelection && selection.node.type === schema.nodes.tableblock) {
        const before = view.state.doc;
        shiftLevel(!event.shiftKey, options)(view.state, view.dispatch);
        if (view.state.doc === before) return event.shiftKey || Boolean(blockEditorAt(view, selection.from)?.focus(null));
        view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, selection.from))); // still selected
        return true;
      }
      return false;
    },
    dispatchTransaction(tr) {
      const before = view.state.doc;
      view.updateState(view.state.apply(tr));
      if (tr.docChanged) {
        const removed = removedParts(before, view.state.doc);
        if (removed) options.onDeleted?.(removed);
        options.onChange?.();
      }
      if (tr.docChanged || tr.selectionSet) options.onSelection?.(selectionInfo());
    },
  });

  function selectionInfo() {
    const { $from, node } = view.state.selection;
    const block = $from.depth ? $from.node(1) : view.state.doc.child(Math.min($from.index(0), view.state.doc.childCount - 1));
    const index = $from.index(0);
    let parentKind = null;
    for (let i = index - 1; i >= 0 && block.type === schema.nodes.heading; i -= 1) {
      const node = view.state.doc.child(i);
      if (node.type === schema.nodes.heading && node.attrs.level < block.attrs.level) {
        parentKind = node.attrs.level === block.attrs.level - 1 ? node.attrs.kind : null;
        break;
      }
    }
    return {
      type: block.type.name,
      attrs: block.attrs,
      parentKind,
      marks: new Set(($from.marks() || []).map((mark) => mark.type.name)),
      footnote: node && node.type === schema.nodes.footnote ? node.attrs.text : null,
    };
  }

  /** Put nodes (JSON) back as top-level nodes at `index`. */
  function insertNodes(index, json) {
    let pos = 0;
    for (let i = 0; i < Math.min(index, view.state.doc.childCount); i += 1) pos += view.state.doc.child(i).nodeSize;
    const tr = view.state.tr.insert(pos, Fragment.fromArray(json.map((node) => schema.nodeFromJSON(node))));
    view.dispatch(tr.scrollIntoView());
  }

  const run = (command) => {
    command(view.state, view.dispatch, view);
    view.focus();
  };

  const api = {
    view,
    /** {body, paths, outline}: the plan body, each paragraph's plan path, where it stands. */
    read() {
      return outlineOf(view.state);
    },
    load(body) {
      view.updateState(stateFor(body, plugins, structure));
      options.onSelection?.(selectionInfo());
    },
    /** Server errors [{path, message}] under the paragraphs they are about;
     * the ones that belong to no paragraph are returned. */
    showErrors(errors) {
      const { paths } = this.read();
      const positions = [];
      view.state.doc.forEach((_, pos) => positions.push(pos));
      const placed = [];
      const rest = [];
      for (const error of errors) {
        const index = nodeOf(paths, error.path);
        if (index < 0) rest.push(error);
        else placed.push({ pos: positions[index], message: error.message, path: error.path, base: paths[index] });
      }
      view.dispatch(view.state.tr.setMeta(errorsKey, placed));
      return rest;
    },
    /** Put the caret in the paragraph whose plan path is `path`. */
    focusPath(path) {
      const { paths } = this.read();
      const index = nodeOf(paths, path);
      if (index < 0) return false;
      const node = view.state.doc.child(index);
      if (node.type === schema.nodes.tableblock) {
        const inner = path.startsWith(`${paths[index]}.`) ? path.slice(paths[index].length + 1) : null;
        let pos = 0;
        for (let i = 0; i < index; i += 1) pos += view.state.doc.child(i).nodeSize;
        view.nodeDOM(pos)?.scrollIntoView?.({ block: "center" });
        if (blockEditorAt(view, pos)?.focus(inner)) return true;
      }
      this.focusIndex(index);
      return true;
    },
    focusIndex(index) {
      let target = 0;
      view.state.doc.forEach((node, pos, i) => { if (i === index) target = pos + 1; });
      const tr = view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(target)));
      view.dispatch(tr.scrollIntoView());
      view.focus();
      view.domAtPos(target).node?.parentElement?.scrollIntoView?.({ block: "center" });
    },
    insertNodes,
    /** A table or a task matrix put at the caret; its first field takes the focus. */
    insertBlock(value) {
      insertBlock(value, options.underPoint)(view.state, view.dispatch);
      if (!blockEditorAt(view, view.state.selection.from)?.focus(null)) view.focus();
    },
    /** The position and block of the table (or task matrix) whose path in the document is `path`. */
    blockAt(path) {
      const { paths } = this.read();
      const index = paths.indexOf(path);
      if (index < 0 || view.state.doc.child(index).type !== schema.nodes.tableblock) return null;
      let pos = 0;
      for (let i = 0; i < index; i += 1) pos += view.state.doc.child(i).nodeSize;
      return { pos, value: view.state.doc.child(index).attrs.value };
    },
    /** The block at `pos` replaced by a new version (a restored row, task …). */
    replaceBlock(pos, value) {
      const node = view.state.doc.nodeAt(pos);
      view.dispatch(view.state.tr.setNodeMarkup(pos, null, { ...node.attrs, value }));
    },
    setKind: (kind) => run(setKind(kind)),
    setHeading: (changes) => run(setHeadingAttrs(changes)),
    toggleBold: () => run(toggleMark(schema.marks.strong)),
    toggleItalic: () => run(toggleMark(schema.marks.em)),
    footnote: (text) => run(insertFootnote(text)),
    undo: () => run(undo),
    redo: () => run(redo),
    selection: selectionInfo,
    focus: () => view.focus(),
    /** The headings, for the outline: [{index, level, kind, text, label}],
     * numbered as the editor draws them. */
    headings() {
      const nodes = [];
      view.state.doc.forEach((node) => nodes.push({ type: node.type.name, attrs: node.attrs }));
      const { outline } = outlineOf(view.state);
      const numbers = labels(nodes, options.numbering, outline);
      const list = [];
      view.state.doc.forEach((node, _pos, index) => {
        if (node.type === schema.nodes.heading) {
          list.push({ index, level: node.attrs.level, kind: outline[index].kind, text: node.textContent, label: numbers[index] });
        }
      });
      return list;
    },
    /** What an empty heading of `kind` shows. */
    placeholder: (kind) => options.placeholder(kind),
  };
  return api;
}

/** The paragraph (or table) a document path is about: the one with that
 * path, else the first inside it, else the one whose part holds it most
 * closely (a table's cell is about the table, not the point above it). */
function nodeOf(paths, path) {
  const exact = paths.indexOf(path);
  if (exact >= 0) return exact;
  const inside = paths.findIndex((candidate) => candidate.startsWith(`${path}.`));
  if (inside >= 0) return inside;
  let best = -1;
  let length = -1;
  paths.forEach((candidate, index) => {
    const part = candidate.replace(/\.(text|heading|name)$/, "");
    if (path.startsWith(`${part}.`) && part.length > length) {
      best = index;
      length = part.length;
    }
  });
  return best;
}

/** The whole parts a change removed: the top-level nodes between what the
 * two documents share at their start and end (ProseMirror keeps unchanged
 * nodes identical), when they held more headings or tables than what
 * replaced them. */
function removedParts(before, after) {
  let start = 0;
  while (start < before.childCount && start < after.childCount && before.child(start) === after.child(start)) start += 1;
  let end = 0;
  while (end < before.childCount - start && end < after.childCount - start
    && before.child(before.childCount - 1 - end) === after.child(after.childCount - 1 - end)) end += 1;
  const ofType = (type, doc, from, to) => {
    const found = [];
    for (let i = from; i < to; i += 1) if (doc.child(i).type === type) found.push(doc.child(i));
    return found;
  };
  const nodes = () => {
    const list = [];
    for (let i = start; i < before.childCount - end; i += 1) list.push(before.child(i).toJSON());
    return list;
  };
  const { heading, tableblock } = schema.nodes;
  const tables = ofType(tableblock, before, start, before.childCount - end);
  if (tables.length > ofType(tableblock, after, start, after.childCount - end).length) {
    return { index: start, nodes: nodes(), blocks: tables.map((table) => table.attrs.value) };
  }
  const gone = ofType(heading, before, start, before.childCount - end);
  if (gone.length <= ofType(heading, after, start, after.childCount - end).length) return null;
  // A heading merged into the paragraph above (Backspace) keeps its words: nothing is lost.
  let kept = "";
  for (let i = start; i < after.childCount - end; i += 1) kept += after.child(i).textContent;
  if (gone.every((node) => kept.includes(node.textContent))) return null;
  return { index: start, nodes: nodes(), heading: gone[0].textContent };
}
