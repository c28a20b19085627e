// Reading the document's JSON Schema (GET /schema): its root definition,
// limits, enums, defaults, required fields, titles, which block types each
// list accepts and the order of each object's fields. The marshmallow
// schemas on the server stay the single source of truth.

/** A definition with what it takes from the one its `$ref` names (the section
 * kinds refer to Part): that one's properties first, each overridden key
 * merged (a kind changes only the default heading), and both required lists. */
function flatten(defs, name) {
  const def = defs[name];
  if (!def.$ref) return def;
  const base = flatten(defs, def.$ref.split("/").pop());
  const properties = { ...base.properties };
  for (const [key, prop] of Object.entries(def.properties || {})) properties[key] = { ...properties[key], ...prop };
  return { ...base, ...def, properties, required: [...(base.required || []), ...(def.required || [])] };
}

/** The kinds of a root definition that is a union over `kind` (GET /schema's
 * "Document"): `{byKind: {ke_hoach: "Plan", …}, default: "Plan"}`. The default
 * kind is the one whose condition does not require `kind`. */
function documentKinds(defs, rootName) {
  const byKind = {};
  let fallback = rootName;
  for (const branch of defs[rootName]?.allOf || []) {
    const kind = branch.if?.properties?.kind?.const;
    const target = branch.then?.$ref?.split("/").pop();
    if (kind === undefined || !target) continue;
    byKind[kind] = target;
    if (!(branch.if.required || []).includes("kind")) fallback = target;
  }
  return { byKind, default: fallback };
}

export class DocumentSchema {
  constructor(json) {
    this.json = json;
    this.defs = {};
    for (const name of Object.keys(json.$defs || {})) this.defs[name] = flatten(json.$defs, name);
    /** Each document kind ("ke_hoach") -> its definition ("Plan"), read from
     * the root's `if kind = … then …` list; a root without kinds is its own. */
    this.kinds = documentKinds(this.defs, String(json.$ref || "").split("/").pop());
    /** The definition the form edits: the kind sent without `kind` (the plan). */
    this.root = this.kinds.default;
    // block type name ("bullets") -> definition name ("Bullets")
    this.typeDefs = {};
    for (const [name, def] of Object.entries(this.defs)) {
      const typeProp = def.properties && def.properties.type;
      if (typeProp && typeProp.const !== undefined) this.typeDefs[typeProp.const] = name;
    }
    this.orders = this.#keyOrders();
  }

  /** Field order of an object: a definition name ("Plan", "Table"…), or
   * "Block" (any block) or "Part" (a sub-part such as Mục đích). Used only to
   * place a key the clerk adds where a person would write it (see insertKey);
   * existing keys never move. */
  keyOrder(name) {
    const order = this.orders[name];
    if (!order) throw new Error(`Schema has no definition ${name}`);
    return order;
  }

  def(name) {
    const def = this.defs[name];
    if (!def) throw new Error(`Schema has no definition ${name}`);
    return def;
  }

  /** The definition name of a block type, e.g. "bullets" -> "Bullets". */
  defOfType(type) {
    return this.typeDefs[type];
  }

  /** The definition a property refers to (through anyOf/null). */
  refOf(defName, key) {
    const prop = this.#prop(defName, key);
    const ref = prop.$ref || (prop.anyOf || []).map((option) => option.$ref).find(Boolean)
      || (prop.items && prop.items.$ref);
    return ref ? ref.split("/").pop() : undefined;
  }

  /** Limits and defaults of one property. */
  field(defName, key) {
    const def = this.def(defName);
    const prop = this.#prop(defName, key);
    const types = [].concat(prop.type || []);
    return {
      required: (def.required || []).includes(key),
      nullable: types.includes("null") || (prop.anyOf || []).some((option) => option.type === "null"),
      maxLength: prop.maxLength ?? (prop.items && prop.items.maxLength),
      maxItems: prop.maxItems,
      minItems: prop.minItems,
      minimum: prop.minimum,
      maximum: prop.maximum,
      enum: prop.enum ? prop.enum.filter((value) => value !== null) : undefined,
      default: prop.default,
      pattern: prop.pattern,
    };
  }

  /** Block types a list property accepts, in the schema's order. Reads the
   * items' `type` enum, or the branches of a oneOf (discriminator) or of an
   * allOf of if/then, whichever the schema uses. */
  blockTypes(defName, key) {
    let items = this.#prop(defName, key).items || {};
    // A list of any block refers to the Block union, which names every type.
    if (items.$ref && !items.properties) items = this.defs[items.$ref.split("/").pop()] || {};
    const typeEnum = items.properties && items.properties.type && items.properties.type.enum;
    if (Array.isArray(typeEnum)) return [...typeEnum];
    const types = [];
    for (const option of items.oneOf || []) {
      const def = option.$ref && this.defs[option.$ref.split("/").pop()];
      const value = def && def.properties && def.properties.type && def.properties.type.const;
      if (value !== undefined) types.push(value);
    }
    for (const branch of items.allOf || []) {
      const type = branch.if && branch.if.properties && branch.if.properties.type;
      if (type && type.const !== undefined) types.push(type.const);
    }
    return types;
  }

  /** Whether a definition shares the fields of another (`$ref`, e.g. "Part"). */
  extends(defName, baseName) {
    return this.def(defName).$ref === `#/$defs/${baseName}`;
  }

  /** The property's Vietnamese title. */
  title(defName, key) {
    return this.#prop(defName, key).title;
  }

  /** /schema lists each definition's properties in the order the marshmallow
   * schemas declare them. "Block" is `type`, then the fields of every block
   * type in the order the plan's body lists the types; "Part" (its own
   * definition) is what every section-like block has besides `type`. */
  #keyOrders() {
    const orders = {};
    for (const [name, def] of Object.entries(this.defs)) {
      if (def.properties) orders[name] = Object.keys(def.properties);
    }
    const types = this.defs[this.root]?.properties?.body ? this.blockTypes(this.root, "body") : [];
    const defsOf = (list) => list.map((type) => this.typeDefs[type]).filter((name) => orders[name]);
    const block = new Set(["type"]);
    for (const name of defsOf(types)) for (const key of orders[name]) block.add(key);
    orders.Block = [...block];
    return orders;
  }

  #prop(defName, key) {
    const prop = this.def(defName).properties[key];
    if (!prop) throw new Error(`Schema ${defName} has no property ${key}`);
    return prop;
  }
}
