// Changes to a block of the document without touching the old one: every
// object and list on the changed path is copied, everything else shared.
// The editor keeps each version of a table in its history, so a version,
// once made, is never changed in place.

/** `value` with `leaf` at `path` (`undefined` removes an object's key). */
export function setIn(value, path, leaf) {
  if (!path.length) return leaf;
  const [key, ...rest] = path;
  const copy = Array.isArray(value) ? [...value] : { ...(value ?? {}) };
  const next = setIn(copy[key], rest, leaf);
  if (next === undefined && !Array.isArray(copy)) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** The value at `path` (undefined when the path does not exist). */
export function getIn(value, path) {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = node[key];
  }
  return node;
}

/** `value` with the list at `path` replaced by `change(copy of the list)`'s work. */
export function updateList(value, path, change) {
  const list = [...(getIn(value, path) ?? [])];
  change(list);
  return setIn(value, path, list);
}

/** A short fingerprint of a value (FNV-1a over its JSON): tells whether a
 * block is still the version it was, without keeping a copy of it. */
export function fingerprint(value) {
  const text = JSON.stringify(value) ?? "";
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length}:${hash.toString(16)}`;
}
