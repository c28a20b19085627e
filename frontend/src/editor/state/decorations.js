// What the editor shows around the text without storing it: numbers and
// letters, default headings of empty named parts, counters near a limit,
// and the server's messages next to their paragraph.

import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

import { serializeInline } from "../model/inline.js";
import { labels } from "../model/labels.js";
import { outlineOf } from "./outline.js";

export const errorsKey = new PluginKey("body-errors");
/** Meta of a change a block's own editor made ({pos, inner}: the block and
 * the path inside it that changed, "" for all of it): only the messages
 * about that path go. */
export const blockEditKey = new PluginKey("block-edit");
const decorationsKey = new PluginKey("body-decorations");

const vn = (number) => number.toLocaleString("vi-VN");

/** The stored length of a paragraph: its markup, as the server counts it. */
function storedLength(node, limit) {
  // The markup is never much longer than the text: serialize only near the limit.
  if (node.textContent.length < limit * 0.9 - 200) return node.textContent.length;
  return serializeInline(node.content.toJSON() || []).length;
}

function messageWidget(text, className, id) {
  return () => {
    const element = document.createElement("p");
    element.className = className;
    element.id = id;
    element.setAttribute("contenteditable", "false");
    element.textContent = text;
    return element;
  };
}

/**
 * options: numbering (model/numbering.js); limits {paragraph, heading};
 * placeholder(kind) -> the heading printed for an empty heading of that
 * kind; emptyText(node) for the rest. `outline`: where each node stands
 * (outline.js): a heading shows as the kind it is stored as (an article,
 * a clause), any other node says whose content it is (`data-in`).
 */
function build(doc, errors, options, outline) {
  const nodes = [];
  doc.forEach((node) => nodes.push({ type: node.type.name, attrs: node.attrs }));
  const numbers = labels(nodes, options.numbering, outline);
  const decorations = [];
  let index = 0;
  doc.forEach((node, pos) => {
    const place = outline[index];
    const attrs = { "data-label": numbers[index] };
    if (node.type.name === "heading") attrs["data-kind"] = place.kind;
    else attrs["data-in"] = place.in;
    const here = errors.filter((error) => error.pos === pos);
    if (node.type.name === "tableblock") {
      // The block's editor shows each message at the cell it names.
      decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs, { errors: here }));
      index += 1;
      return;
    }
    const classes = [];
    if (node.content.size === 0) {
      classes.push("pm-empty");
      attrs["data-placeholder"] = node.type.name === "heading" ? options.placeholder(place.kind) : options.emptyText(node);
    }
    const limit = node.type.name === "heading" ? options.limits.heading : options.limits.paragraph;
    const length = storedLength(node, limit);
    const end = pos + node.nodeSize;
    if (length > limit) {
      classes.push("pm-over");
      decorations.push(Decoration.widget(end, messageWidget(
        `Đoạn này dài ${vn(length)} ký tự, quá giới hạn ${vn(limit)}. Không chữ nào bị cắt: hãy tách thành nhiều đoạn (Enter) hoặc rút gọn.`,
        "pm-message pm-limit-error", `pm-limit-${index}`), { side: -1, key: `over-${index}-${length}` }));
    } else if (length >= limit * 0.9) {
      decorations.push(Decoration.widget(end, messageWidget(`${vn(length)} / ${vn(limit)} ký tự`, "pm-message pm-counter",
        `pm-count-${index}`), { side: -1, key: `count-${index}-${length}` }));
    }
    const messages = here.map((error) => error.message);
    if (messages.length) {
      classes.push("pm-invalid");
      decorations.push(Decoration.widget(end, messageWidget(messages.join(" "), "pm-message pm-error", `pm-error-${index}`),
        { side: -1, key: `error-${index}-${messages.join()}` }));
    }
    if (classes.length) attrs.class = classes.join(" ");
    decorations.push(Decoration.node(pos, end, attrs));
    index += 1;
  });
  return DecorationSet.create(doc, decorations);
}

/** Server errors [{pos, message}] shown under their paragraph; editing a
 * paragraph drops its messages. */
export function errorsPlugin() {
  return new Plugin({
    key: errorsKey,
    state: {
      init: () => [],
      apply(tr, errors) {
        const replaced = tr.getMeta(errorsKey);
        if (replaced) return replaced;
        if (!tr.docChanged) return errors;
        const edit = tr.getMeta(blockEditKey);
        if (edit) {
          const path = (error) => (edit.inner ? `${error.base}.${edit.inner}` : error.base);
          const under = (error) => error.pos === edit.pos
            && (error.path === path(error) || error.path.startsWith(`${path(error)}.`));
          return errors.filter((error) => !under(error)).map((error) => ({ ...error, pos: tr.mapping.map(error.pos, 1) }));
        }
        const touched = [];
        tr.steps.forEach((step, i) => step.getMap().forEach((_a, _b, from, to) => {
          const rest = tr.mapping.slice(i + 1);
          touched.push([rest.map(from, -1), rest.map(to, 1)]);
        }));
        return errors
          .map((error) => ({ ...error, pos: tr.mapping.map(error.pos, 1) }))
          .filter((error) => {
            const node = tr.doc.nodeAt(error.pos);
            return node && !touched.some(([from, to]) => from <= error.pos + node.nodeSize && to >= error.pos);
          });
      },
    },
  });
}

export function decorationsPlugin(options) {
  return new Plugin({
    key: decorationsKey,
    state: {
      init: (_, state) => build(state.doc, [], options, outlineOf(state).outline),
      apply(tr, set, oldState, newState) {
        if (!tr.docChanged && !tr.getMeta(errorsKey)) return set;
        return build(newState.doc, errorsKey.getState(newState), options, outlineOf(newState).outline);
      },
    },
    props: { decorations: (state) => decorationsKey.getState(state) },
  });
}
