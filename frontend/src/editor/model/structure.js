// The plan body (a tree of blocks, schemas/body.py) to and from the editor's
// document (a flat list of paragraphs, the way a clerk sees a Word file).
// Both directions work on plain JSON (ProseMirror's Node.toJSON shape), so
// they run and are tested in node without a browser.
//
// Flat document nodes:
//   heading    {level 1-4, kind, run_in, lead, request, extra}  a numbered heading;
//              kind = a block type with a heading (section, tasks, article …),
//              a sub-part (purposes, requirements, general, specific, agency,
//              closing) or an item of a numbered list (a clause "1." of an
//              article: its text is the heading's, what follows its content)
//   paragraph  {attached, depth, extra}  a paragraph; attached = inside the point above
//   raw        {value, level}      a block the editor does not know, kept as it came
//   point      {restart, depth, extra}  "a)" item; restart = a new list starts here
//   bullet     {attached, restart, depth} "-" item
//   subbullet                      "+" item of the bullet above
//   tableblock {value, attached, depth}  a block with an editor of its own (a table,
//              a task matrix), kept whole; attached = under the point above
// depth: the level of the heading whose content holds the node when it is
// not the nearest heading above (0: the text itself), null otherwise: a
// paragraph of an article after its clauses (depth 1) is the article's, not
// its last clause's. What follows such a node, up to the next heading,
// stands where it stands.
// A named part without a heading of its own shows its default heading as
// text (the clerk edits it like any other); a heading equal to its default
// is stored as no heading, so the schema's default applies. An empty heading
// text means "no heading": a section's number runs into its first paragraph.

import { parseInline, serializeInline } from "./inline.js";

const TEXT_TYPES = ["paragraph", "bullets", "points"];

/**
 * The conversions for one document kind (model/kind.js): which block types
 * the editor knows, which are parts with a heading, the sub-parts of each
 * part and the fields the editor shows (any other field rides along).
 */
export function createStructure({
  blockTypes, headedTypes, subParts, modelled, defaultHeading, embeddedTypes = [], itemHeadings = {}, headingIn = () => "section",
  leafHeadings = [],
}) {
  const known = new Set([...TEXT_TYPES, ...blockTypes, ...headedTypes, ...embeddedTypes, ...Object.keys(itemHeadings)]);
  const partTypes = headedTypes;
  // kind of an item heading ("clause") -> its list's block type ("clauses")
  const listOfItem = Object.fromEntries(Object.entries(itemHeadings).map(([type, item]) => [item, type]));
  const embedded = new Set(embeddedTypes);
  const shownHeading = (heading, kind) => (heading === undefined ? defaultHeading(kind) : heading);
  const storedHeading = (text, kind) => (text && text !== defaultHeading(kind) ? text : null);

  const headingAttrs = (level, kind, source, fields) => {
    const extra = {};
    for (const [key, value] of Object.entries(source)) {
      // What the flat document cannot show (unknown keys, an explicit null or
      // false) rides along so that the plan comes back exactly as it came.
      if (!fields.includes(key) || value === null || value === false) extra[key] = value;
    }
    return {
      level,
      kind,
      run_in: source.run_in === true,
      lead: source.lead === true,
      request: source.request === true,
      extra: Object.keys(extra).length ? extra : null,
    };
  };

  const textNode = (type, attrs, text) => {
    const node = { type, attrs };
    const content = parseInline(text);
    if (content.length) node.content = content;
    return node;
  };

  /** Plan body (list of blocks) -> ProseMirror doc JSON. */
  function bodyToDoc(body) {
    const out = [];
    emitBlocks(Array.isArray(body) ? body : [], 1, false, out);
    if (!out.length) out.push({ type: "paragraph", attrs: { attached: false } });
    return { type: "doc", content: out };
  }

  function emitBlocks(blocks, level, attached, out) {
    let previous = null;
    // After a heading of this list (a clause, a sub-section), the text that
    // follows in the list says so: it is not the heading's.
    let depth = null;
    for (const block of blocks) {
      const restart = previous === block?.type;
      const before = out.length;
      if (block && typeof block === "object" && known.has(block.type) && embedded.has(block.type)) {
        out.push({ type: "tableblock", attrs: { value: block, attached, depth } });
      } else if (!block || typeof block !== "object" || !known.has(block.type) || (block.type !== "paragraph" && !partTypes.includes(block.type) && !Array.isArray(block.items))) {
        // Kept exactly as it came (the server says what is wrong with it).
        out.push({ type: "raw", attrs: { value: block, level } });
      } else if (block.type === "paragraph") {
        out.push(textNode("paragraph", { attached, depth, extra: extraOf(block, ["type", "text"]) }, block.text));
      } else if (block.type === "bullets") {
        (block.items || []).forEach((item, index) => {
          out.push(textNode("bullet", { attached, depth, restart: restart && index === 0 }, item.text));
          for (const sub of item.sub_items || []) out.push(textNode("subbullet", {}, sub));
        });
      } else if (itemHeadings[block.type]) {
        const kind = itemHeadings[block.type];
        for (const item of block.items || []) {
          out.push(textNode("heading", headingAttrs(level, kind, item, modelled[kind] || ["text", "content"]), item.text));
          emitBlocks(item.content || [], level + 1, false, out);
        }
      } else if (block.type === "points") {
        (block.items || []).forEach((item, index) => {
          // An empty list of content is kept as it came, like any other key.
          const extra = extraOf(item, Array.isArray(item.content) && item.content.length ? ["text", "content"] : ["text"]);
          out.push(textNode("point", { restart: restart && index === 0, depth, extra }, item.text));
          emitBlocks(item.content || [], level, true, out);
        });
      } else if (partTypes.includes(block.type)) {
        emitPart(block, level, out);
      }
      if (!attached && out.slice(before).some((node) => node.type === "heading")) depth = level - 1;
      previous = block.type;
    }
  }

  /** What a block or an item holds besides `shown` keys, or null. */
  function extraOf(source, shown) {
    const extra = Object.fromEntries(Object.entries(source).filter(([key]) => !shown.includes(key)));
    return Object.keys(extra).length ? extra : null;
  }

  function emitPart(block, level, out) {
    const fields = modelled[block.type] || modelled.section;
    out.push(textNode("heading", headingAttrs(level, block.type, block, fields), shownHeading(block.heading, block.type)));
    emitBlocks(block.content || [], level + 1, false, out);
    for (const [kind, sub] of Object.entries(subParts)) {
      if (sub.parent !== block.type || block[sub.key] == null) continue;
      if (kind === "agency") {
        for (const agency of block.agencies) {
          out.push(textNode("heading", headingAttrs(level + 1, "agency", agency, modelled.agency), agency.name));
          emitBlocks(agency.duties || [], level + 2, false, out);
        }
      } else if (kind === "closing") {
        if (!block.closing.length) continue;
        out.push({ type: "heading", attrs: headingAttrs(level + 1, "closing", {}, []) });
        emitBlocks(block.closing, level + 2, false, out);
      } else {
        const part = block[sub.key];
        out.push(textNode("heading", headingAttrs(level + 1, kind, part, modelled.part), shownHeading(part.heading, kind)));
        emitBlocks(part.content || [], level + 2, false, out);
      }
    }
  }

  /**
   * ProseMirror doc JSON -> {body, paths, outline}: the plan body; for each
   * top-level node of the document the dotted path of its text in the plan
   * (where the server reports an error about it); and where each node
   * stands (`outline`): {in, level, owner} the kind, level and index of the
   * heading whose content holds it (owner -1: the text itself), for a
   * heading also the kind it is stored as (`kind`), whether no heading may
   * stand under it (`leaf`: a clause) and, for an item of a numbered list
   * (a clause), its `number` in that list and whether it is the `last` —
   * as the generator numbers them, each list from 1.
   */
  function docToBody(doc, rootPath = "body") {
    const body = [];
    const paths = [];
    const outline = [];
    const root = { level: 0, kind: "root", index: -1, list: body, path: rootPath };
    const stack = [root];
    const popTo = (level) => { while (stack.length > 1 && stack[stack.length - 1].level > level) stack.pop().finish?.(); };
    const items = [];
    (doc.content || []).forEach((node, index) => {
      const text = serializeInline(node.content || []);
      const attrs = node.attrs || {};
      if (node.type === "raw") popTo((attrs.level || 1) - 1);
      else if (node.type === "heading") popTo(Math.max(1, attrs.level || 1) - 1);
      else if (attrs.depth != null && !attrs.attached) popTo(attrs.depth);
      const frame = stack[stack.length - 1];
      const place = { in: frame.kind, level: frame.level, owner: frame.index };
      outline.push(place);
      if (node.type === "raw") {
        frame.list.push(attrs.value);
        paths.push(`${frame.path}.${frame.list.length - 1}`);
      } else if (node.type === "heading") {
        const opened = openHeading(stack, attrs, text, index);
        paths.push(opened.textPath);
        place.kind = opened.kind;
        place.leaf = leafHeadings.includes(opened.kind);
        if (opened.items) {
          place.number = opened.items.length;
          items.push([place, opened.items]);
        }
      } else {
        paths.push(addText(frame, node.type, attrs, text));
      }
    });
    for (const frame of stack) frame.finish?.();
    for (const [place, list] of items) place.last = place.number === list.length;
    return { body, paths, outline };
  }

  function openHeading(stack, attrs, text, index) {
    const level = Math.max(1, attrs.level || 1);
    const parent = stack[stack.length - 1];
    const sub = subParts[attrs.kind];
    // A heading keeps its own kind where it may stand; else it takes the
    // kind a new heading takes there (an article at the top of a decision).
    const fallback = headingIn(parent.kind);
    const kind = sub && parent.kind === sub.parent ? attrs.kind
      : (partTypes.includes(attrs.kind) && attrs.kind !== "section" && fallback === "section") || attrs.kind === fallback ? attrs.kind
        : fallback;
    const extra = attrs.extra || {};
    let frame;
    if (listOfItem[kind]) {
      const last = parent.list[parent.list.length - 1];
      if (!(last && last.type === listOfItem[kind])) parent.list.push({ type: listOfItem[kind], items: [] });
      const block = parent.list[parent.list.length - 1];
      const item = { text, ...extra, content: [] };
      block.items.push(item);
      const path = `${parent.path}.${parent.list.length - 1}.items.${block.items.length - 1}`;
      frame = { level, kind, node: item, list: item.content, path: `${path}.content`, textPath: `${path}.text`, nodePath: path, items: block.items };
    } else if (kind === "agency") {
      const agency = { name: text, ...extra };
      // The flags as shown in the editor win over the ones that rode along.
      for (const flag of ["lead", "request", "run_in"]) if (attrs[flag]) agency[flag] = true;
      agency.duties = [];
      const list = (parent.node.agencies ??= []);
      const path = `${parent.nodePath}.agencies.${list.length}`;
      list.push(agency);
      frame = { level, kind, list: agency.duties, path: `${path}.duties`, textPath: `${path}.name`, nodePath: path };
    } else if (kind === "closing") {
      const list = (parent.node.closing ??= []);
      frame = { level, kind, list, path: `${parent.nodePath}.closing`, textPath: `${parent.nodePath}.closing` };
    } else if (sub) {
      const part = {};
      const heading = storedHeading(text, attrs.kind);
      if (heading) part.heading = heading;
      part.content = [];
      Object.assign(part, extra);
      if (attrs.run_in) part.run_in = true;
      const path = `${parent.nodePath}.${sub.key}`;
      parent.node[sub.key] = part;
      frame = {
        level, kind, node: part, list: part.content, path: `${path}.content`, textPath: `${path}.heading`, nodePath: path,
        // An untouched default sub-part ("Mục đích" with nothing under it) is not sent.
        finish: () => {
          if (!part.content.length) delete part.content;
          if (!Object.keys(part).length) delete parent.node[sub.key];
        },
      };
    } else {
      const block = { type: kind };
      const heading = storedHeading(text, kind);
      if (heading) block.heading = heading;
      block.content = [];
      Object.assign(block, extra);
      if (attrs.run_in) block.run_in = true;
      const path = `${parent.path}.${parent.list.length}`;
      parent.list.push(block);
      frame = {
        level, kind, node: block, list: block.content, path: `${path}.content`, textPath: `${path}.heading`, nodePath: path,
        finish: kind === "section" ? null : () => { if (!block.content.length) delete block.content; },
      };
    }
    frame.index = index;
    stack.push(frame);
    return frame;
  }

  function addText(frame, type, attrs, text) {
    const list = frame.list;
    const last = list[list.length - 1];
    const base = frame.path;
    if (type === "point") {
      if (!(last && last.type === "points" && !attrs.restart)) list.push({ type: "points", items: [] });
      const points = list[list.length - 1];
      const { content, ...extra } = attrs.extra || {};
      points.items.push({ text, ...extra, ...(content ? { content: [] } : {}) });
      return `${base}.${list.length - 1}.items.${points.items.length - 1}.text`;
    }
    // Paragraphs and bullets attached to the point above go into its content.
    if (attrs.attached && last && last.type === "points") {
      const index = list.length - 1;
      const item = last.items[last.items.length - 1];
      item.content ??= [];
      return addText({ list: item.content, path: `${base}.${index}.items.${last.items.length - 1}.content` },
        type, { ...attrs, attached: false }, text);
    }
    if (type === "subbullet") {
      if (last && last.type === "bullets") {
        const item = last.items[last.items.length - 1];
        item.sub_items ??= [];
        item.sub_items.push(text);
        return `${base}.${list.length - 1}.items.${last.items.length - 1}.sub_items.${item.sub_items.length - 1}`;
      }
      type = "bullet";
    }
    if (type === "bullet") {
      if (!(last && last.type === "bullets" && !attrs.restart)) list.push({ type: "bullets", items: [] });
      const bullets = list[list.length - 1];
      bullets.items.push({ text });
      return `${base}.${list.length - 1}.items.${bullets.items.length - 1}.text`;
    }
    if (type === "tableblock") {
      list.push(attrs.value);
      return `${base}.${list.length - 1}`;
    }
    list.push({ type: "paragraph", text, ...(attrs.extra || {}) });
    return `${base}.${list.length - 1}.text`;
  }

  return { bodyToDoc, docToBody };
}
