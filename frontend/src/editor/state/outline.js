// Where each paragraph of the editor stands in the document it stands for:
// the editor's document converted (model/structure.js docToBody) once per
// change, and shared by what depends on it — the numbers drawn, Enter and
// Tab in a list of clauses, the page reading the blocks back.

import { Plugin, PluginKey } from "prosemirror-state";

const outlineKey = new PluginKey("body-outline");

/** structure: createStructure(kind); rootPath: the blocks' path in the document. */
export function outlinePlugin(structure, rootPath) {
  const convert = (doc) => structure.docToBody(doc.toJSON(), rootPath);
  return new Plugin({
    key: outlineKey,
    state: {
      init: (_, state) => convert(state.doc),
      apply: (tr, value, _old, state) => (tr.docChanged ? convert(state.doc) : value),
    },
  });
}

/** {body, paths, outline} of the state's document (see docToBody). */
export const outlineOf = (state) => outlineKey.getState(state);
