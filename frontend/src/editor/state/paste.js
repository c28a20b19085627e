// Paste from Word: several paragraphs go to the server's recognizer
// (POST /import/clipboard), which turns typed labels and Word's own lists
// into blocks; the blocks come back into the document at the caret. One
// line of text stays a local paste (bold and italic kept).

import { Fragment, Slice } from "prosemirror-model";
import { Plugin } from "prosemirror-state";

import { schema } from "../model/schema.js";
import { headingAbove } from "./commands.js";

/** Does this clipboard content hold more than one paragraph? */
export function isMultiParagraph(html, text) {
  if (text && /\S[^\S\n]*\r?\n\s*\S/.test(text.trim())) return true;
  if (!html) return false;
  const blocks = html.match(/<(p|li|h[1-6])[\s>]/gi) || [];
  return blocks.length > 1;
}

/** The blocks as document nodes, their headings under the caret's heading. */
function nodesFor(blocks, doc, index, structure) {
  const above = headingAbove(doc, index + 1);
  const level = above ? above.attrs.level + 1 : 1;
  const json = structure.bodyToDoc(blocks).content.map((node) => (
    node.type === "heading" ? { ...node, attrs: { ...node.attrs, level: Math.min(4, node.attrs.level + level - 1) } } : node));
  return Fragment.fromArray(json.map((node) => schema.nodeFromJSON(node)));
}

/** options: recognize({html, text}) -> {blocks, warnings}; notify(message,
 * kind); structure (model/structure.js). */
export function pastePlugin({ recognize, notify, structure }) {
  return new Plugin({
    props: {
      handlePaste(view, event) {
        const html = event.clipboardData?.getData("text/html") || "";
        const text = event.clipboardData?.getData("text/plain") || "";
        if (!isMultiParagraph(html, text)) return false;
        event.preventDefault();
        view.dom.setAttribute("aria-busy", "true");
        recognize({ html: html || null, text: text || null })
          .then(({ blocks, warnings }) => {
            if (!blocks.length) return;
            const { state } = view;
            const index = state.selection.$from.index(0);
            const fragment = nodesFor(blocks, state.doc, index, structure);
            view.dispatch(state.tr.replaceSelection(new Slice(fragment, 0, 0)).scrollIntoView());
            const note = warnings.length ? ` Lưu ý: ${warnings.map((warning) => warning.message).join(" ")}` : "";
            notify(`Đã dán ${fragment.childCount} đoạn, giữ nguyên cấp mục và chữ đậm, nghiêng.${note}`, warnings.length ? "info" : "success");
          })
          .catch((error) => {
            // Nothing is lost: the lines go in as plain paragraphs.
            const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
            const fragment = Fragment.fromArray(lines.map((line) => schema.nodes.paragraph.create({}, schema.text(line))));
            view.dispatch(view.state.tr.replaceSelection(new Slice(fragment, 0, 0)).scrollIntoView());
            notify(`Đã dán ${lines.length} đoạn văn nhưng chưa nhận được cấp mục (${error.message}).`, "error");
          })
          .finally(() => view.dom.removeAttribute("aria-busy"));
        return true;
      },
    },
  });
}
