// The form's single state: the plan JSON object itself.
//
// The UI renders from `store.plan` and writes every edit straight back into
// it, in place. Keys the UI does not show are never touched, and existing
// keys keep their order, so an uploaded plan downloads unchanged.
//
// Events (all are also followed by "change", which autosave listens to):
//   "edit"      a value changed from an input; the DOM is already up to date
//   "structure" items were added, removed, moved or replaced: re-render
//   "load"      a whole new plan replaced the old one: re-render

export class Store extends EventTarget {
  constructor(plan) {
    super();
    this.plan = plan;
  }

  get(path) {
    let node = this.plan;
    for (const key of path) {
      if (node === null || typeof node !== "object") return undefined;
      node = node[key];
    }
    return node;
  }

  /** Set the value at `path`; `order` lists the parent's keys in document
   * order so that a new key lands in its usual place. */
  set(path, value, order) {
    const parent = this.#parent(path, true);
    const key = path[path.length - 1];
    if (Array.isArray(parent)) parent[Number(key)] = value;
    else insertKey(parent, key, value, order);
    this.#emit("edit", { path });
  }

  /** Remove an object key (the schema default then applies). */
  unset(path) {
    const parent = this.#parent(path, false);
    const key = path[path.length - 1];
    if (parent && !Array.isArray(parent) && key in parent) {
      delete parent[key];
      this.#emit("edit", { path });
    }
  }

  /** Run a structural change (`mutate(plan)`) and ask for a re-render.
   * `detail.lists` names the list paths whose item positions changed;
   * `detail.focus` says what to focus after the re-render. */
  structure(mutate, detail = {}) {
    mutate(this.plan);
    this.#emit("structure", detail);
  }

  load(plan, detail = {}) {
    this.plan = plan;
    this.#emit("load", detail);
  }

  /** The list at `path`, created (with `initial` items, the schema's
   * default) when the plan does not have it yet. */
  ensureList(path, order, initial = []) {
    const existing = this.get(path);
    if (Array.isArray(existing)) return existing;
    const parent = this.#parent(path, true);
    const list = structuredClone(initial);
    insertKey(parent, path[path.length - 1], list, order);
    return list;
  }

  /** The object at `path`, created empty when missing or null. */
  ensureObject(path, order) {
    const existing = this.get(path);
    if (existing && typeof existing === "object" && !Array.isArray(existing)) return existing;
    const parent = this.#parent(path, true);
    const object = {};
    insertKey(parent, path[path.length - 1], object, order);
    return object;
  }

  #parent(path, create) {
    let node = this.plan;
    for (const key of path.slice(0, -1)) {
      if (node[key] === null || typeof node[key] !== "object") {
        if (!create) return undefined;
        node[key] = {};
      }
      node = node[key];
    }
    return node;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
    this.dispatchEvent(new CustomEvent("change", { detail: { type, ...detail } }));
  }
}

/**
 * Set obj[key] = value in place. A key already present keeps its position;
 * a new key goes before the first existing key that follows it in `order`
 * (or at the end), so new fields appear where a person would write them.
 */
export function insertKey(obj, key, value, order) {
  if (Object.prototype.hasOwnProperty.call(obj, key) || !order) {
    obj[key] = value;
    return;
  }
  const rank = order.indexOf(key);
  const keys = Object.keys(obj);
  const at = rank < 0 ? -1 : keys.findIndex((other) => order.indexOf(other) > rank);
  if (at < 0) {
    obj[key] = value;
    return;
  }
  const moved = keys.slice(at).map((other) => [other, obj[other]]);
  for (const [other] of moved) delete obj[other];
  obj[key] = value;
  for (const [other, otherValue] of moved) obj[other] = otherValue;
}

/** Move list[index] by `step` (-1 up, +1 down); false when it cannot. */
export function moveItem(list, index, step) {
  const target = index + step;
  if (target < 0 || target >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(target, 0, item);
  return true;
}
