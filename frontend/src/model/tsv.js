// A range of cells copied from Excel or Word, read from the plain text both
// put on the clipboard: cells separated by tabs, rows by line breaks, and
// (Excel) a cell holding a tab, a line break or a quote written in quotes
// with its quotes doubled ("dòng 1\ndòng 2", "nói ""có""").

/** Whether a paste is a range of cells rather than text for one cell. */
export function isCellRange(html, text) {
  return /\t/.test(text || "") || /<table[\s>]/i.test(html || "");
}

/** Whether a paste into the text is a table: an HTML table and nothing else
 * (Excel, a table selected in Word), or lines of tab-separated cells. */
export function isTablePaste(html, text) {
  if (html && /<table[\s>]/i.test(html)) {
    const outside = html.replace(/<table[\s\S]*?<\/table>/gi, "").replace(/<style[\s\S]*?<\/style>/gi, "")
      .replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]*>/g, "").replace(/&nbsp;|\s/g, "");
    return outside === "";
  }
  const lines = (text || "").split(/\r?\n/).filter((line) => line.trim());
  return lines.length > 1 && lines.every((line) => line.includes("\t"));
}

/** The rows of cells in `text` (trailing empty row dropped; line breaks in cells kept as \n). */
export function parseTsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  let atStart = true;
  const source = String(text || "").replace(/\r\n?/g, "\n");
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (char === "\t") {
      row.push(cell);
      cell = "";
      atStart = true;
    } else if (char === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atStart = true;
    } else {
      cell += char;
      atStart = false;
    }
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((cells) => cells.map((value) => value.trim()));
}
