// The form's rich-text editor (ProseMirror), model → state → view:
// model/ the document schema, the conversions to and from the document's
// blocks, inline markup and labels; state/ commands, typed labels, paste and
// plugins; view/ the editor view and what it draws.

export { createEditor } from "./view/editor.js";
export { createStructure } from "./model/structure.js";
