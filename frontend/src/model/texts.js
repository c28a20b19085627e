// Every text of a document that a clerk wrote, with its path: what find and
// replace and "Kế hoạch năm sau" go through. Values chosen from a list
// (types, keys, kinds, orientations…) are not text and are left alone.

const NOT_TEXT = new Set(["type", "key", "of", "kind", "orientation", "style", "authority", "document_type", "align"]);

/** visit(path, text) for every written text of `value`, in document order.
 * A list of columns named by their keys (a task matrix's "content",
 * "lead" …) is not text; columns that are objects have headers that are. */
export function eachText(value, visit, path = []) {
  if (typeof value === "string") visit(path, value);
  else if (Array.isArray(value)) value.forEach((item, index) => eachText(item, visit, [...path, index]));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (NOT_TEXT.has(key)) continue;
      if (key === "columns" && Array.isArray(item)) {
        item.forEach((column, index) => { if (typeof column !== "string") eachText(column, visit, [...path, key, index]); });
      } else {
        eachText(item, visit, [...path, key]);
      }
    }
  }
}

export function setText(document, path, text) {
  let node = document;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = text;
}

/** Every place `query` stands in the document's texts (case as typed):
 * [{path, index, text}] where index is its position in that text. */
export function findAll(document, query) {
  const found = [];
  if (!query) return found;
  eachText(document, (path, text) => {
    for (let index = text.indexOf(query); index >= 0; index = text.indexOf(query, index + query.length)) {
      found.push({ path, index, text });
    }
  });
  return found;
}

/** Replace one match (as findAll gave it) in place; false when the text changed since. */
export function replaceOne(document, match, query, replacement) {
  let node = document;
  for (const key of match.path) node = node?.[key];
  if (typeof node !== "string" || node.slice(match.index, match.index + query.length) !== query) return false;
  setText(document, match.path, node.slice(0, match.index) + replacement + node.slice(match.index + query.length));
  return true;
}

/** Replace every match; the number replaced. */
export function replaceAll(document, query, replacement) {
  let count = 0;
  eachText(document, (path, text) => {
    const parts = text.split(query);
    if (parts.length > 1) {
      count += parts.length - 1;
      setText(document, path, parts.join(replacement));
    }
  });
  return count;
}
