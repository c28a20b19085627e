// The kinds of document the form edits, and all the form knows about each,
// in one place. Nothing here names a kind: each kind's root definition comes
// from GET /schema (`Document`'s `if kind = … then …` list), its block types
// and fields from the same schema, its label, named parts, default headings
// and letters from GET /conventions. Only the shapes below that the schema
// cannot say are written here.

import { createNumbering } from "./numbering.js";

// Parts that hold a list besides their sub-parts, and the kind of heading
// each item is in the editor: each agency of "Tổ chức thực hiện" is a
// numbered heading, its closing one unnumbered heading.
const LISTED_PARTS = { assignments: { agencies: "agency", closing: "closing" } };
// The block types that are text: paragraphs and the two kinds of list. Every
// other block type that is not a part (a table, a task matrix) stands in the
// text as one block with an editor of its own.
const TEXT_TYPES = ["paragraph", "bullets", "points"];
// Lists whose items print as numbered headings of the level below their
// block: the clauses "1.", "2." of an article (each item is one heading of
// kind "clause" in the editor, what follows it its content).
const ITEM_HEADINGS = { clauses: "clause" };
// The fields every kind shares that the form's own parts show (sections.js);
// any other field of a kind is "its own" and drawn from the schema.
const SHARED_PARTS = ["kind", "document_type", "legal_bases", "lead_in", "closing", "appendices"];
// Fields that mean something only beside another: shown when it is set.
const SHOWN_WITH = { attachment_file: "attachment" };
// Choices whose values are codes: how a clerk reads them.
const CHOICE_LABELS = {
  attachment_file: { same: "Cùng một tệp với quyết định", separate: "Tệp riêng (tải riêng văn bản kèm theo)" },
};

/** The kinds of GET /schema: {name → documentKind}, the default one first. */
export function documentKinds(schema, conventions) {
  const names = Object.keys(schema.kinds.byKind);
  const ordered = names.length ? names : [null];
  const kinds = {};
  for (const name of ordered) kinds[name ?? ""] = documentKind(schema, conventions, name);
  return kinds;
}

/** The kind a document names: one without `kind` is of the default kind
 * (every plan saved before kinds existed). */
export function kindName(schema, document) {
  const named = document && typeof document === "object" ? document.kind : undefined;
  if (typeof named === "string" && schema.kinds.byKind[named]) return named;
  return Object.entries(schema.kinds.byKind).find(([, def]) => def === schema.kinds.default)?.[0] ?? null;
}

/** schema: DocumentSchema of GET /schema; conventions: GET /conventions;
 * name: the kind ("quyet_dinh"), the default kind when left out. */
export function documentKind(schema, conventions, name = undefined) {
  const root = (name && schema.kinds.byKind[name]) || schema.kinds.default;
  const kindKey = name ?? Object.entries(schema.kinds.byKind).find(([, def]) => def === root)?.[0] ?? null;
  const properties = schema.def(root).properties;
  const core = schema.defs.DocumentCore?.properties || {};
  const holdsBlocks = (def, key) => schema.refOf(def, key) === "Block";
  /** The list of blocks the form's main text area edits: the body, else
   * the kind's first list of blocks (an invitation's notes). */
  const textKey = "body" in properties ? "body" : Object.keys(properties).find((key) => holdsBlocks(root, key));
  const blockTypes = textKey ? schema.blockTypes(root, textKey) : [];
  const allTypes = Object.keys(schema.typeDefs);
  const partTypes = blockTypes.filter((type) => schema.extends(schema.defOfType(type), "Part"));
  const partFields = schema.keyOrder("Part");
  // Every block that prints a heading over its content is a heading in the
  // editor: the named parts, sections, and a decision's articles.
  const headedTypes = allTypes.filter((type) => {
    const props = schema.def(schema.defOfType(type)).properties;
    return "heading" in props && "content" in props;
  });
  const itemHeadings = Object.fromEntries(Object.entries(ITEM_HEADINGS).filter(([type]) => allTypes.includes(type)));
  const embeddedTypes = allTypes.filter((type) => !headedTypes.includes(type) && !TEXT_TYPES.includes(type)
    && !(type in itemHeadings));

  // kind of a sub-heading -> the part it belongs to and the key it is stored under
  const subParts = {};
  for (const [parent, kinds] of Object.entries(conventions.sub_parts || {})) {
    for (const kind of kinds) subParts[kind] = { parent, key: kind };
  }
  for (const [parent, lists] of Object.entries(LISTED_PARTS)) {
    if (!allTypes.includes(parent)) continue;
    for (const [key, kind] of Object.entries(lists)) subParts[kind] = { parent, key };
  }
  const subKeys = (type) => Object.values(subParts).filter((sub) => sub.parent === type).map((sub) => sub.key);

  // The fields the editor shows for each heading; any other rides along untouched.
  const modelled = { part: partFields };
  for (const type of headedTypes) modelled[type] = ["type", ...schema.keyOrder(schema.defOfType(type)), ...subKeys(type)];
  for (const [type, item] of Object.entries(itemHeadings)) modelled[item] = schema.keyOrder(schema.refOf(schema.defOfType(type), "items"));
  const agencies = subParts.agency;
  if (agencies) modelled.agency = schema.keyOrder(schema.refOf(schema.defOfType(agencies.parent), agencies.key));

  // What each heading's content admits ("root": the text itself), and so
  // the kind a new heading takes under it: a section where sections may
  // stand, else the one heading the list admits (an article at the top of a
  // decision, a clause in an article).
  const admits = { root: blockTypes };
  for (const type of headedTypes) admits[type] = schema.blockTypes(schema.defOfType(type), "content");
  for (const [type, item] of Object.entries(itemHeadings)) admits[item] = schema.blockTypes(schema.refOf(schema.defOfType(type), "items"), "content");
  const headingIn = (parent) => {
    const list = admits[parent];
    if (!list || list.includes("section")) return "section";
    const headed = list.find((type) => headedTypes.includes(type));
    if (headed) return headed;
    const listed = list.find((type) => type in itemHeadings);
    return listed ? itemHeadings[listed] : "section";
  };
  const topHeading = headingIn("root");
  // The headings whose content admits no heading (a clause holds
  // paragraphs, points and tables): Tab never makes one under them.
  const leafHeadings = Object.keys(admits).filter((key) => key !== "root"
    && !admits[key].some((type) => type === "section" || headedTypes.includes(type) || type in itemHeadings));
  /** The block types a list admits, with those its headings admit under
   * them (a decision's articles hold paragraphs, clauses, points, tables). */
  const reachable = (types) => {
    const found = new Set(types);
    for (const type of found) {
      const inner = headedTypes.includes(type) ? type : itemHeadings[type];
      for (const admitted of (inner && admits[inner]) || []) found.add(admitted);
    }
    return [...found];
  };

  const label = (kind) => {
    if (conventions.labels?.[kind]) return conventions.labels[kind];
    const sub = subParts[kind];
    return sub ? schema.title(schema.defOfType(sub.parent), sub.key) : kind;
  };
  const kindInfo = conventions.kinds?.[kindKey] || {};

  const has = (key) => key in properties;
  /** A list of blocks as a new document holds it: the one heading the list
   * admits, with an empty paragraph under it, when it must not be empty. */
  const emptyBlocks = (key) => {
    const field = schema.field(root, key);
    const first = headingIn("root");
    if (!field.minItems || first === "section") return [];
    return [{ type: first, content: [{ type: "paragraph", text: "" }] }];
  };
  /** A required field of the kind's own, empty. */
  const emptyValue = (key) => {
    if (holdsBlocks(root, key)) return emptyBlocks(key);
    const prop = properties[key];
    if (prop.type === "array") return prop.minItems ? [""] : [];
    if (prop.$ref) return {};
    return "";
  };

  return {
    name: kindKey,
    /** How clerks call the kind ("Quyết định"), from GET /conventions. */
    title: kindInfo.label || schema.def(root).title || root,
    /** The type line it prints; null for a letter (công văn), which has none. */
    typeName: kindInfo.type_name ?? null,
    root,
    schema,
    conventions,
    numbering: createNumbering(conventions, topHeading === "section" ? {} : { topWord: label(topHeading) }),
    textKey,
    blockTypes,
    partTypes,
    headedTypes,
    itemHeadings,
    headingIn,
    leafHeadings,
    reachable,
    embeddedTypes,
    /** The embedded block types a point may hold under it (a table, not a task matrix). */
    underPoint: schema.blockTypes(schema.refOf(schema.defOfType("points"), "items"), "content")
      .filter((type) => embeddedTypes.includes(type)),
    subParts,
    modelled,
    label,
    has,
    /** The kind's own fields, in the schema's order: those neither the
     * header, recipients and signatory every kind shares nor the parts the
     * form shows for every kind that has them (legal bases, closing …). */
    ownFields: Object.keys(properties).filter((key) => !(key in core) && !SHARED_PARTS.includes(key) && key !== textKey),
    /** The kind's own fields the form shows for `document`. */
    shownFields(document) {
      return this.ownFields.filter((key) => !SHOWN_WITH[key] || document?.[SHOWN_WITH[key]] != null);
    },
    /** What the kind says of a shared field it words its own way (a
     * letter's summary: printed after "V/v"), else nothing. */
    ownDescription: (key) => schema.json.$defs?.[root]?.properties?.[key]?.description,
    /** How a clerk reads a choice whose values are codes. */
    choiceLabel: (key, value) => CHOICE_LABELS[key]?.[value] ?? value,
    /** The heading a named part prints when it has none of its own. */
    defaultHeading: (kind) => (partTypes.includes(kind) || subParts[kind] ? conventions.default_headings?.[kind] : undefined),
    /** The parts a heading can be, each followed by the parts inside it. */
    partMenu() {
      const menu = [];
      for (const type of partTypes) {
        menu.push({ kind: type, label: label(type) });
        for (const [kind, sub] of Object.entries(subParts)) {
          if (sub.parent === type) menu.push({ kind, label: `— ${label(kind)}`, parent: type });
        }
      }
      return menu;
    },
    /** The heading levels the text may hold, each with its menu label
     * ("Đề mục cấp I.", or for a decision "Điều (Điều 1.)", "Khoản (1.)"). */
    headingLevels() {
      const counters = [0, 1, 1, 1, 1];
      const numbering = this.numbering;
      if (topHeading === "section") return [1, 2, 3, 4].map((level) => ({ level, label: `Đề mục cấp ${numbering.headingLabel(level, counters)}` }));
      const levels = [{ level: 1, label: `${label(topHeading)} (${numbering.headingLabel(1, counters)})` }];
      const inner = headingIn(topHeading);
      if (inner !== "section") levels.push({ level: 2, label: `${label(Object.keys(itemHeadings).find((type) => itemHeadings[type] === inner) || inner)} (${numbering.headingLabel(2, counters)})` });
      return levels;
    },
    /** A new, empty document of this kind. */
    emptyDocument() {
      const version = schema.field(root, "schema_version");
      const document = {
        schema_version: version.maximum ?? version.minimum ?? 1,
        ...(has("kind") && kindKey && schema.def(root).required?.includes("kind") ? { kind: kindKey } : {}),
        issuer: { name: "", abbreviation: "" },
        ...(has("document_type") ? { document_type: schema.field(root, "document_type").default } : {}),
        place: "",
        date: { year: new Date().getFullYear() },
        summary: "",
      };
      if (has("legal_bases")) document.legal_bases = [];
      for (const key of this.ownFields) if (schema.def(root).required?.includes(key) && key !== "kind") document[key] = emptyValue(key);
      if (textKey) document[textKey] = emptyBlocks(textKey);
      Object.assign(document, { recipients: [], archive: ["VT"], signatory: { title: "", name: "" } });
      if (has("appendices")) document.appendices = [];
      return document;
    },
  };
}
