// The editor's state: the document of a body (or of an appendix's notes)
// with its plugins — keys, typed labels, undo history, errors, decorations,
// paste from Word.

import { baseKeymap, toggleMark } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import { EditorState } from "prosemirror-state";

import { schema } from "../model/schema.js";
import { decorationsPlugin, errorsPlugin } from "./decorations.js";
import { enter, moveBlock, shiftLevel } from "./commands.js";
import { outlinePlugin } from "./outline.js";
import { pastePlugin } from "./paste.js";
import { labelRules } from "./rules.js";

/** options: see view/editor.js; `escaped()` tells whether Esc was just pressed. */
export function editorPlugins(options, escaped) {
  const unlessEscaped = (command) => (state, dispatch, view) => (escaped() ? false : command(state, dispatch, view));
  return [
    labelRules(options.allowed),
    keymap({
      Enter: enter,
      Tab: unlessEscaped(shiftLevel(true, options)),
      "Shift-Tab": unlessEscaped(shiftLevel(false, options)),
      "Alt-Shift-ArrowUp": moveBlock(-1),
      "Alt-Shift-ArrowDown": moveBlock(1),
      "Mod-b": toggleMark(schema.marks.strong),
      "Mod-i": toggleMark(schema.marks.em),
      "Mod-z": undo,
      "Mod-y": redo,
      "Shift-Mod-z": redo,
    }),
    keymap(baseKeymap),
    history(),
    outlinePlugin(options.structure, options.rootPath),
    errorsPlugin(),
    decorationsPlugin(options),
    ...(options.recognize || options.recognizeTable ? [pastePlugin(options)] : []),
  ];
}

/** A fresh state (new undo history) holding `blocks`. */
export function stateFor(blocks, plugins, structure) {
  return EditorState.create({ doc: schema.nodeFromJSON(structure.bodyToDoc(blocks)), plugins });
}
