// The editing operations every editor shares (the `ctx` they receive):
// add, move and remove list items, set or drop parts, the signing
// authority; structural changes re-render. Every removal goes to the
// draft's history of deletions (ctx.deletions, view/deletions.js): "Hoàn
// tác" in the message, Ctrl+Z, or the history itself bring it back, after
// any number of other edits and after a reload.

import { insertKey, moveItem } from "../model/store.js";
import { dotted } from "./dom.js";

/**
 * store: the plan (model/store.js); ui: ViewState; errors: ErrorView;
 * getKind(): the document kind (model/kind.js); render(options): re-render the form.
 */
export function createEditing({ store, ui, errors, getKind, render }) {
  const itemSel = (path) => `[data-item="${CSS.escape(dotted(path))}"]`;
  const pathSel = (path) => `[data-path="${CSS.escape(dotted(path))}"]`;
  const TEXT_INPUT = ":is(input[type=text], textarea)";

  /** A structural change; `scope` (the top-level key it is under, by
   * default the first list's) lets the form redraw only that part. */
  function structure(mutate, { lists = [], focus = null, scope = lists[0]?.split(".")[0] } = {}) {
    errors.dropUnder(lists);
    store.structure(mutate, { focus, scope });
  }

  /** Remove what `entry` describes ({type: "item", path, index} or {type:
   * "value", path}) by `mutate`, keeping it in the history of deletions. */
  function removeKept(entry, mutate, message, detail = {}) {
    const value = structuredClone(store.get(entry.type === "item" ? [...entry.path, entry.index] : entry.path));
    const parent = store.get(entry.path.slice(0, -1));
    const order = parent && typeof parent === "object" ? Object.keys(parent) : undefined;
    structure(mutate, detail);
    ctx.deletions.record({ ...entry, value, order, label: message });
  }

  const ctx = {
    store,
    ui,
    get kind() {
      return getKind();
    },
    get schema() {
      return getKind().schema;
    },
    insert: insertKey,
    edited: (path) => errors.clearPath(dotted(path)),
    rerender: () => render(),

    add(listPath, item, { order, initial = [], focusInside = true } = {}) {
      const current = store.get(listPath);
      const index = Array.isArray(current) ? current.length : initial.length;
      const itemPath = [...listPath, index];
      structure(() => store.ensureList(listPath, order, initial).push(item), {
        lists: [dotted(listPath)],
        focus: focusInside
          ? [`${itemSel(itemPath)} ${TEXT_INPUT}`, `${itemSel(itemPath)} :is(select, button)`, `${pathSel(itemPath)}`]
          : [],
      });
    },

    move(listPath, index, step) {
      const list = store.get(listPath);
      if (!Array.isArray(list)) return;
      const target = index + step;
      const action = step < 0 ? "up" : "down";
      const other = step < 0 ? "down" : "up";
      structure(() => moveItem(list, index, step), {
        lists: [dotted(listPath)],
        focus: [`${itemSel([...listPath, target])} [data-action=${action}]`, `${itemSel([...listPath, target])} [data-action=${other}]`],
      });
    },

    remove(listPath, index, noun) {
      const list = store.get(listPath);
      if (!Array.isArray(list)) return;
      const next = Math.min(index, list.length - 2);
      removeKept({ type: "item", path: listPath, index }, () => list.splice(index, 1), `Đã xóa ${noun}.`, {
        lists: [dotted(listPath)],
        focus: next >= 0
          ? [`${itemSel([...listPath, next])} [data-action=remove]`, `[data-add="${CSS.escape(dotted(listPath))}"]`]
          : [`[data-add="${CSS.escape(dotted(listPath))}"]`, `${pathSel(listPath)} :is(button, select)`],
      });
    },

    /** Set a value and re-render (for choices that change the form's shape). */
    setValue(path, value, order) {
      structure(() => {
        const parent = store.get(path.slice(0, -1));
        insertKey(parent, path[path.length - 1], value, order);
      }, { scope: String(path[0]) });
      ctx.edited(path);
    },

    setObject(path, object, order) {
      structure(() => {
        const parent = store.get(path.slice(0, -1));
        insertKey(parent, path[path.length - 1], object, order);
      }, { focus: [`${pathSel(path)} ${TEXT_INPUT}`, `${pathSel(path)} :is(button, select)`], scope: String(path[0]) });
    },

    unsetObject(path, name) {
      removeKept({ type: "value", path }, () => {
        const parent = store.get(path.slice(0, -1));
        delete parent[path[path.length - 1]];
      }, `Đã bỏ ${name}.`, {
        lists: [dotted(path)],
        focus: [`[data-add="${CSS.escape(dotted(path))}"]`],
      });
    },

    /** A change that drops figures inside the object at `path` (kept whole). */
    removeInside(path, mutate, message) {
      removeKept({ type: "value", path }, mutate, message);
    },

    setAuthority(choice) {
      const path = ["signatory"];
      structure(() => {
        const signatory = store.ensureObject(path, ctx.schema.keyOrder(ctx.kind.root));
        const order = ctx.schema.keyOrder("Signatory");
        if (choice === "" || choice === "TM") {
          delete signatory.authority;
          delete signatory.principal_title;
          if (choice === "") delete signatory.collective;
          else if (!signatory.collective) insertKey(signatory, "collective", "", order);
        } else {
          insertKey(signatory, "authority", choice, order);
          if (choice === "Q") delete signatory.principal_title;
          else if (!signatory.principal_title) insertKey(signatory, "principal_title", "", order);
        }
      }, { focus: ["#f-signatory-authority"], scope: "signatory" });
      ctx.edited(["signatory", "authority"]);
      ctx.edited(["signatory", "principal_title"]);
      ctx.edited(["signatory", "collective"]);
    },
  };

  return ctx;
}
