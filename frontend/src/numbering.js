// Live labels exactly as the document prints them: I. / 1. / 1.1. / 1.1.1.
// for headings, a) b) … đ) … in Vietnamese order for points, "-" and "+".

/** Vietnamese legal lettering: no f, j, w, z; đ after d. */
export const POINT_LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r",
  "s", "t", "u", "v", "x", "y"];

export function pointLabel(index) {
  const letters = POINT_LETTERS.length;
  // Past y) the letters double (aa), bb)), as drafters do.
  const letter = POINT_LETTERS[index % letters];
  return `${letter.repeat(Math.floor(index / letters) + 1)})`;
}

export function roman(number) {
  const table = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"],
    [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let rest = number;
  let out = "";
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/**
 * The label of every node of a flat document (array of {type, attrs}):
 * the same numbering as generators/ (a heading's depth is its nesting, the
 * closing part of "Tổ chức thực hiện" has no number, points restart after
 * anything that is not part of their list).
 */
export function labels(nodes) {
  const counters = [0, 0, 0, 0, 0];
  let point = -1;
  return nodes.map(({ type, attrs = {} }) => {
    if (type === "heading") {
      point = -1;
      const level = Math.min(Math.max(attrs.level || 1, 1), 4);
      if (attrs.kind === "closing") return "";
      counters[level] += 1;
      for (let deeper = level + 1; deeper < counters.length; deeper += 1) counters[deeper] = 0;
      if (level === 1) return `${roman(counters[1])}.`;
      return `${counters.slice(2, level + 1).map((n) => n || 1).join(".")}.`;
    }
    if (type === "point") {
      point = attrs.restart ? 0 : point + 1;
      return pointLabel(point);
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
