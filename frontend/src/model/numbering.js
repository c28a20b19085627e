// How the document numbers what it prints, with the letters the server's
// generator uses (GET /conventions, nd30/vietnamese.py): headings I. / 1. /
// 1.1. / 1.1.1., points a) b) … đ) … in Vietnamese order, appendices I, II.

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

/** conventions: the answer of GET /conventions (its `point_letters`);
 * topWord: the word before the number of a top-level heading when the kind
 * numbers them so ("Điều" 1., a decision's articles), else roman numerals. */
export function createNumbering({ point_letters: letters }, { topWord = null } = {}) {
  if (!Array.isArray(letters) || !letters.length) throw new Error("GET /conventions gave no point letters");
  return {
    roman,
    letters: [...letters],
    /** The label of the point at `index` of its list: past the last letter
     * the letters double (aa), bb)), as the generator writes them. */
    pointLabel(index) {
      const letter = letters[index % letters.length];
      return `${letter.repeat(Math.floor(index / letters.length) + 1)})`;
    },
    /** The label of the item `number` (from 1) of a list of numbered
     * headings: a clause "2.", each list from 1 as the generator writes it. */
    itemLabel: (number) => `${number}.`,
    /** The label of a heading at `level` (1-4) from its counters per level. */
    headingLabel(level, counters) {
      if (level === 1) return topWord ? `${topWord} ${counters[1]}.` : `${roman(counters[1])}.`;
      return `${counters.slice(2, level + 1).map((n) => n || 1).join(".")}.`;
    },
  };
}
