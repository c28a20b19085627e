// A rich-text area of the form — the body, an appendix's notes — bound to
// one list of blocks of the document: the editor (editor/) shows the blocks
// and writes them back shortly after each change. The kinds of paragraph it
// offers are the block types the schema admits in that list.

import { importTable } from "../api/client.js";
import { createEditor } from "../editor/index.js";
import { blockEditors } from "./blocks.js";
import { dotted, h } from "./dom.js";
import { reportTable } from "./sheetimport.js";

const SYNC_MS = 150;

// The editor's paragraph kinds that make up each block type; a part (any
// type the kind lists in partTypes) is a heading.
const KINDS_OF_BLOCK = { paragraph: ["paragraph"], bullets: ["bullet", "subbullet"], points: ["point"] };

function allowedKinds(kind, types) {
  const allowed = new Set();
  for (const type of types) {
    const kinds = KINDS_OF_BLOCK[type]
      || (kind.headedTypes.includes(type) || type in kind.itemHeadings ? ["heading"] : kind.embeddedTypes.includes(type) ? ["tableblock"] : []);
    for (const name of kinds) allowed.add(name);
  }
  return allowed;
}

/**
 * path: the list's path in the document; def/key: its definition and
 * property in the schema (what it admits); order: the parent's key order.
 * settings go to createEditor (label, placeholder, recognize, onChange…).
 */
export function createRichText(ctx, { path, def, key, order, title, ...settings }) {
  const { kind, schema } = ctx;
  const where = path;
  const types = kind.reachable(schema.blockTypes(def, key));
  const allowed = allowedKinds(kind, types);
  const holdsBlocks = types.some((type) => kind.embeddedTypes.includes(type));
  let timer = null;
  const mount = h("div", { class: "pm-mount", dataset: { path: dotted(where), title } });
  const sync = () => {
    clearTimeout(timer);
    timer = null;
    const blocks = editor.read().body;
    if (!blocks.length && ctx.store.get(where) === undefined) return; // an empty list the document never had
    ctx.store.set(where, blocks, order);
  };
  const editor = createEditor(mount, {
    body: ctx.store.get(where) ?? [],
    structure: ctx.structure,
    numbering: kind.numbering,
    rootPath: dotted(where),
    allowed,
    limits: {
      paragraph: schema.field(schema.defOfType("paragraph"), "text").maxLength,
      heading: schema.field("Part", "heading").maxLength,
    },
    emptyText: (node) => (node.type.name === "paragraph" ? "Gõ nội dung…" : ""),
    underPoint: kind.underPoint,
    onBlockEdited: (changed) => ctx.edited([changed]),
    onDeleted: (removed) => ctx.deletions.blocksRemoved(dotted(where), removed),
    ...(holdsBlocks ? {
      createBlock: blockEditors(ctx),
      // A range of cells pasted into the text becomes a table (or a task matrix) there.
      recognizeTable: importTable,
      reportTable: (block, warnings) => reportTable(block, warnings, "từ vùng ô đã dán"),
    } : {}),
    ...settings,
    onChange() {
      clearTimeout(timer);
      timer = setTimeout(sync, SYNC_MS);
      settings.onChange?.();
    },
  });
  return {
    mount,
    editor,
    title,
    /** The block types the area's list admits (what its insert buttons offer). */
    types,
    /** The paragraph kinds the area holds ("heading", "point" …). */
    allowed,
    get path() {
      return where;
    },
    /** Write pending edits into the document now (before saving or sending it). */
    flush() {
      if (timer !== null) sync();
    },
    load(blocks) {
      clearTimeout(timer);
      timer = null;
      editor.load(blocks ?? []);
    },
    destroy() {
      this.flush();
      editor.view.destroy();
    },
  };
}
