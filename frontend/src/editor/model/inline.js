// The plan's inline markup (generators/inline.py: **bold**, *italic*,
// ***both***, ^[footnote], \* for a literal asterisk) to and from the inline
// content of a ProseMirror paragraph, as plain JSON so that it runs (and is
// tested) without a browser.

// A backslash keeps only the format's own markup characters literal;
// any other backslash is itself text (C:\Dữ liệu).
const ESCAPABLE = /[*^[\]\\]/;

/** Markup text -> [{type: "text", text, marks?}, {type: "footnote", attrs: {text}}]. */
export function parseInline(source) {
  const parsed = scan(String(source ?? ""), true);
  // Unbalanced asterisks are literal text, as markdown prints them.
  return parsed.balanced ? parsed.nodes : scan(String(source ?? ""), false).nodes;
}

function scan(source, emphasis) {
  const nodes = [];
  let bold = false;
  let italic = false;
  let buffer = "";
  const flush = () => {
    if (!buffer) return;
    const marks = [];
    if (bold) marks.push({ type: "strong" });
    if (italic) marks.push({ type: "em" });
    const last = nodes[nodes.length - 1];
    if (last && last.type === "text" && sameMarks(last.marks, marks)) last.text += buffer;
    else nodes.push(marks.length ? { type: "text", text: buffer, marks } : { type: "text", text: buffer });
    buffer = "";
  };
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === "\\" && ESCAPABLE.test(source[i + 1] || "")) {
      buffer += source[i + 1];
      i += 1;
    } else if (char === "^" && source[i + 1] === "[") {
      const end = closingBracket(source, i + 2);
      if (end < 0) {
        buffer += char;
        continue;
      }
      flush();
      nodes.push({ type: "footnote", attrs: { text: source.slice(i + 2, end) } });
      i = end;
    } else if (char === "*" && emphasis) {
      let run = 1;
      while (source[i + run] === "*" && run < 3) run += 1;
      flush();
      if (run === 3) {
        bold = !bold;
        italic = !italic;
      } else if (run === 2) bold = !bold;
      else italic = !italic;
      i += run - 1;
    } else {
      buffer += char;
    }
  }
  flush();
  return { nodes, balanced: !bold && !italic };
}

function closingBracket(source, from) {
  let depth = 0;
  for (let i = from; i < source.length; i += 1) {
    if (source[i] === "\\") i += 1;
    else if (source[i] === "[") depth += 1;
    else if (source[i] === "]") {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

function sameMarks(a = [], b = []) {
  return a.length === b.length && a.every((mark, index) => mark.type === b[index].type);
}

const escapeText = (text) => text.replace(/\\(?=[*^[\]\\]|$)/g, "\\\\").replace(/\*/g, "\\*").replace(/\^\[/g, "\\^[");

/** Inline JSON nodes -> markup text (the inverse of parseInline). */
export function serializeInline(nodes = []) {
  let out = "";
  let open = { strong: false, em: false };
  const setMarks = (want) => {
    // Close what ends first, then open what starts: **a *b*** and ***a*** b.
    let closing = "";
    if (open.em && !want.em) closing += "*";
    if (open.strong && !want.strong) closing += "**";
    let opening = "";
    if (!open.strong && want.strong) opening += "**";
    if (!open.em && want.em) opening += "*";
    out += closing + opening;
    open = want;
  };
  for (const node of nodes) {
    if (node.type === "footnote") {
      setMarks({ strong: false, em: false });
      out += `^[${node.attrs?.text ?? ""}]`;
      continue;
    }
    if (node.type !== "text") continue;
    const marks = new Set((node.marks || []).map((mark) => mark.type));
    const want = { strong: marks.has("strong"), em: marks.has("em") };
    if (!want.strong && !want.em) {
      setMarks(want);
      out += escapeText(node.text);
      continue;
    }
    // Emphasis cannot start or end on a space: keep spaces outside the marks.
    const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text);
    if (lead) {
      setMarks({ strong: open.strong && want.strong, em: open.em && want.em });
      out += lead;
    }
    if (core) {
      setMarks(want);
      out += escapeText(core);
    }
    if (trail) {
      setMarks({ strong: false, em: false });
      out += trail;
    }
  }
  setMarks({ strong: false, em: false });
  return out;
}
