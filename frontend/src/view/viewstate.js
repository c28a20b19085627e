// View-only state kept across re-renders and never saved in the plan:
// which blocks are collapsed and which optional panels are open. Keyed by
// the plan's objects themselves, so it follows a block when it moves.

export class ViewState {
  #collapsed = new WeakMap();
  #collapsedByPath = new Map();
  #open = new WeakMap();

  #map(key) {
    return typeof key === "object" && key !== null ? this.#collapsed : this.#collapsedByPath;
  }

  isCollapsed(key) {
    return this.#map(key).get(key) === true;
  }

  setCollapsed(key, value) {
    this.#map(key).set(key, value);
  }

  isOpen(key, fallback = false) {
    if (typeof key !== "object" || key === null) return fallback;
    return this.#open.has(key) ? this.#open.get(key) : fallback;
  }

  setOpen(key, value) {
    if (typeof key === "object" && key !== null) this.#open.set(key, value);
  }

  /** Collapse (or expand) the given blocks; expanding also opens their children. */
  setAll(blocks, collapsed) {
    const visit = (value, depth) => {
      if (Array.isArray(value)) value.forEach((item) => visit(item, depth));
      else if (value && typeof value === "object") {
        if (depth === 0 || !collapsed) this.#collapsed.set(value, collapsed);
        for (const child of Object.values(value)) if (typeof child === "object") visit(child, depth + 1);
      }
    };
    for (const block of blocks) visit(block, 0);
    this.#collapsedByPath.clear();
  }
}
