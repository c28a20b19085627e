// Live labels of the flat document exactly as the document prints them:
// I. / 1. / 1.1. / 1.1.1. for headings, the points' letters, "-" and "+",
// with the numbering rules of model/numbering.js (letters from the server).

/**
 * The label of every node of a flat document (array of {type, attrs}):
 * the same numbering as generators/ (a heading's depth is its nesting, the
 * closing part of "Tổ chức thực hiện" has no number, points restart after
 * anything that is not part of their list).
 */
export function labels(nodes, numbering) {
  const counters = [0, 0, 0, 0, 0];
  let point = -1;
  return nodes.map(({ type, attrs = {} }) => {
    if (type === "heading") {
      point = -1;
      const level = Math.min(Math.max(attrs.level || 1, 1), 4);
      if (attrs.kind === "closing") return "";
      counters[level] += 1;
      for (let deeper = level + 1; deeper < counters.length; deeper += 1) counters[deeper] = 0;
      return numbering.headingLabel(level, counters);
    }
    if (type === "point") {
      point = attrs.restart ? 0 : point + 1;
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
