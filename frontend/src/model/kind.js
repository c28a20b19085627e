// The kind of document the form edits, and all the form knows about it, in
// one place. Nothing here names the plan: its root definition comes from
// GET /schema (`$ref`), its block types and fields from the same schema, its
// named parts, default headings, labels and letters from GET /conventions.
// Another kind (Quyết định, Tờ trình, Báo cáo …) arrives through the same two
// answers; only the shapes below that the schema cannot say are written here.

import { createNumbering } from "./numbering.js";

// Parts that hold a list besides their sub-parts, and the kind of heading
// each item is in the editor: each agency of "Tổ chức thực hiện" is a
// numbered heading, its closing one unnumbered heading.
const LISTED_PARTS = { assignments: { agencies: "agency", closing: "closing" } };
// The block types that are text: paragraphs and the two kinds of list. Every
// other block type that is not a part (a table, a task matrix) stands in the
// text as one block with an editor of its own.
const TEXT_TYPES = ["paragraph", "bullets", "points"];

/** schema: DocumentSchema of GET /schema; conventions: GET /conventions. */
export function documentKind(schema, conventions) {
  const root = schema.root;
  const blockTypes = schema.blockTypes(root, "body");
  const partTypes = blockTypes.filter((type) => schema.extends(schema.defOfType(type), "Part"));
  const partFields = schema.keyOrder("Part");
  const embeddedTypes = blockTypes.filter((type) => !partTypes.includes(type) && !TEXT_TYPES.includes(type));

  // kind of a sub-heading -> the part it belongs to and the key it is stored under
  const subParts = {};
  for (const [parent, kinds] of Object.entries(conventions.sub_parts || {})) {
    for (const kind of kinds) subParts[kind] = { parent, key: kind };
  }
  for (const [parent, lists] of Object.entries(LISTED_PARTS)) {
    if (!partTypes.includes(parent)) continue;
    for (const [key, kind] of Object.entries(lists)) subParts[kind] = { parent, key };
  }
  const subKeys = (type) => Object.values(subParts).filter((sub) => sub.parent === type).map((sub) => sub.key);

  // The fields the editor shows for each part; any other rides along untouched.
  const modelled = { part: partFields };
  for (const type of partTypes) modelled[type] = ["type", ...partFields, ...subKeys(type)];
  const agencies = subParts.agency;
  if (agencies) modelled.agency = schema.keyOrder(schema.refOf(schema.defOfType(agencies.parent), agencies.key));

  const label = (kind) => {
    if (conventions.labels?.[kind]) return conventions.labels[kind];
    const sub = subParts[kind];
    return sub ? schema.title(schema.defOfType(sub.parent), sub.key) : kind;
  };

  return {
    root,
    schema,
    conventions,
    numbering: createNumbering(conventions),
    blockTypes,
    partTypes,
    embeddedTypes,
    /** The embedded block types a point may hold under it (a table, not a task matrix). */
    underPoint: schema.blockTypes(schema.refOf(schema.defOfType("points"), "items"), "content")
      .filter((type) => embeddedTypes.includes(type)),
    subParts,
    modelled,
    label,
    /** The heading a named part prints when it has none of its own. */
    defaultHeading: (kind) => conventions.default_headings?.[kind],
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
    /** A new, empty document of this kind. */
    emptyDocument() {
      const version = schema.field(root, "schema_version");
      return {
        schema_version: version.maximum ?? version.minimum ?? 1,
        issuer: { name: "", abbreviation: "" },
        document_type: schema.field(root, "document_type").default,
        place: "",
        date: { year: new Date().getFullYear() },
        summary: "",
        legal_bases: [],
        body: [],
        recipients: [],
        archive: ["VT"],
        signatory: { title: "", name: "" },
        appendices: [],
      };
    },
  };
}
