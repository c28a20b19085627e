// Live labels of the flat document exactly as the document prints them:
// I. / 1. / 1.1. / 1.1.1. for headings, the points' letters, "-" and "+",
// with the numbering rules of model/numbering.js (letters from the server).

/**
 * The label of every node of a flat document (array of {type, attrs}):
 * the same numbering as generators/ (a heading's depth is its nesting, the
 * closing part of "Tổ chức thực hiện" has no number, points restart after
 * anything that is not part of their list). `outline`: where each node
 * stands (structure.js docToBody): an item of a numbered list (a clause)
 * carries its number in its list, a list of points starts again under
 * another heading's content.
 */
export function labels(nodes, numbering, outline = []) {
  const counters = [0, 0, 0, 0, 0];
  let point = -1;
  return nodes.map(({ type, attrs = {} }, index) => {
    const place = outline[index];
    if (type === "heading") {
      point = -1;
      const level = Math.min(Math.max(attrs.level || 1, 1), 4);
      if ((place?.kind ?? attrs.kind) === "closing") return "";
      counters[level] += 1;
      for (let deeper = level + 1; deeper < counters.length; deeper += 1) counters[deeper] = 0;
      return place?.number ? numbering.itemLabel(place.number) : numbering.headingLabel(level, counters);
    }
    if (type === "point") {
      // A point under another heading's content than the node above starts a list.
      const elsewhere = place && index > 0 && outline[index - 1].owner !== place.owner;
      point = attrs.restart || elsewhere ? 0 : point + 1;
      return numbering.pointLabel(point);
    }
    if (type === "bullet") {
      if (!attrs.attached) point = -1;
      return "-";
    }
    if (type === "subbullet") return "+";
    if (!attrs.attached) point = -1;
    return "";
  });
}

/** A label typed at the start of a text, and the heading level it stands for. */
export const TYPED_LABEL = /^(?:[IVXLCDM]+\.|\d+(?:\.\d+){0,2}\.|[a-zđ]{1,3}\)|[-–•+])[^\S\n]+/;

/** The heading level a typed label claims ("II." 1, "4." 2, "1.2." 3, "1.2.3." 4), or null. */
export function claimedLevel(text) {
  const match = /^\s*(?:([IVXLCDM]+)\.|(\d+(?:\.\d+){0,2})\.)\s/.exec(text || "");
  if (!match) return null;
  return match[1] ? 1 : match[2].split(".").length + 1;
}
