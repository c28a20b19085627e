// The task-assignment matrix (the `task_matrix` block) as a list the clerk
// edits: its task lists in print order with the numbers the document gives
// them, moves across groups, the columns it prints and their headers, and
// the agencies a plan already names (offered when a task is assigned).
// Every change returns a new block; the old one is left as it was.

import { getIn, setIn, updateList } from "./update.js";

/**
 * The task lists of a matrix in print order: the tasks outside any group,
 * then each group's tasks and its subgroups' tasks. `number(i)` is the
 * printed number of the i-th task of the list (1, 2 … again in each group;
 * 1.1, 1.2 … under subgroup 1), as generators/blocks/task_matrix.py prints.
 */
export function taskLists(matrix) {
  const lists = [{ path: ["tasks"], number: (index) => String(index + 1) }];
  (matrix.groups || []).forEach((group, g) => {
    lists.push({ path: ["groups", g, "tasks"], group: g, number: (index) => String(index + 1) });
    (group?.groups || []).forEach((_, s) => {
      lists.push({ path: ["groups", g, "groups", s, "tasks"], group: g, sub: s, number: (index) => `${s + 1}.${index + 1}` });
    });
  });
  return lists;
}

/** How many tasks the matrix holds (in every group). */
export const taskCount = (matrix) => taskLists(matrix).reduce((sum, list) => sum + (getIn(matrix, list.path) || []).length, 0);

const samePath = (a, b) => a.length === b.length && a.every((key, index) => key === b[index]);

/** Task `index` of the list at `path` moved one place up (-1) or down (+1);
 * past the end of its list it goes to the next list in print order (the
 * next group), as a clerk dragging it down would expect. Returns
 * {matrix, path, index} (where it now is), or null when it cannot move. */
export function moveTask(matrix, path, index, step) {
  const list = getIn(matrix, path) || [];
  const target = index + step;
  if (target >= 0 && target < list.length) {
    return { matrix: updateList(matrix, path, (copy) => copy.splice(target, 0, ...copy.splice(index, 1))), path, index: target };
  }
  const lists = taskLists(matrix);
  const here = lists.findIndex((entry) => samePath(entry.path, path));
  const other = lists[here + step];
  if (!other) return null;
  const task = list[index];
  let moved = updateList(matrix, path, (copy) => copy.splice(index, 1));
  const at = step > 0 ? 0 : (getIn(moved, other.path) || []).length;
  moved = updateList(moved, other.path, (copy) => copy.splice(at, 0, task));
  return { matrix: moved, path: other.path, index: at };
}

/** An item inserted into the list at `path` (created when missing). */
export const insertAt = (matrix, path, index, item) => updateList(matrix, path, (copy) => copy.splice(index, 0, item));
/** Item `index` of the list at `path` removed. */
export const removeAt = (matrix, path, index) => updateList(matrix, path, (copy) => copy.splice(index, 1));
/** Item `index` of the list at `path` swapped with its neighbour; null at the ends. */
export function swap(matrix, path, index, step) {
  const list = getIn(matrix, path) || [];
  if (index + step < 0 || index + step >= list.length) return null;
  return updateList(matrix, path, (copy) => { [copy[index], copy[index + step]] = [copy[index + step], copy[index]]; });
}

/** A text field of a task: an optional one left empty is left out. */
export function setTaskText(matrix, taskPath, key, text, required) {
  return setIn(matrix, [...taskPath, key], text === "" && !required ? undefined : text);
}

/** The agencies of a task's list field (one written as a plain text counts as one). */
export function agenciesOf(task, key) {
  const value = task?.[key];
  if (Array.isArray(value)) return value;
  return typeof value === "string" && value.trim() ? [value] : [];
}

/** An agency added to a task's list (lead, support); null when it is already there. */
export function addAgency(matrix, taskPath, key, name) {
  const text = name.replace(/\s+/g, " ").trim();
  const list = agenciesOf(getIn(matrix, taskPath), key);
  if (!text || list.some((other) => String(other).toLocaleLowerCase("vi") === text.toLocaleLowerCase("vi"))) return null;
  return setIn(matrix, [...taskPath, key], [...list, text]);
}

/** The index-th agency of a task's list removed. */
export const removeAgency = (matrix, taskPath, key, index) => setIn(matrix, [...taskPath, key], agenciesOf(getIn(matrix, taskPath), key).filter((_, at) => at !== index));

// --- columns and headers -----------------------------------------------------------

/** The printed columns: the matrix's own, or the defaults (`known` from
 * GET /conventions task_columns: [{key, header, default}]). */
export const columnsOf = (matrix, known) => (Array.isArray(matrix.columns) ? matrix.columns : known.filter((column) => column.default).map((column) => column.key));

/** The printed header of each known column: the matrix's own, or the usual one. */
export function headersOf(matrix, known) {
  const columns = columnsOf(matrix, known);
  const own = Array.isArray(matrix.headers) && matrix.headers.length === columns.length ? matrix.headers : null;
  return Object.fromEntries(known.map((column) => {
    const at = columns.indexOf(column.key);
    return [column.key, own && at >= 0 ? own[at] : column.header];
  }));
}

/** The matrix printing `columns` (in that order); headers, when it has its
 * own, follow their columns (a column added takes its usual header). */
function withColumns(matrix, columns, known) {
  const headers = headersOf(matrix, known);
  const next = { ...matrix, columns };
  if (Array.isArray(matrix.headers) && matrix.headers.length) next.headers = columns.map((key) => headers[key]);
  return next;
}

export function showColumn(matrix, key, shown, known) {
  const columns = columnsOf(matrix, known).filter((other) => other !== key);
  if (shown) {
    // In the usual order among the columns already printed.
    const rank = (other) => known.findIndex((column) => column.key === other);
    const at = columns.findIndex((other) => rank(other) > rank(key));
    columns.splice(at < 0 ? columns.length : at, 0, key);
  }
  return withColumns(matrix, columns, known);
}

export function moveColumn(matrix, key, step, known) {
  const columns = [...columnsOf(matrix, known)];
  const index = columns.indexOf(key);
  if (index < 0 || index + step < 0 || index + step >= columns.length) return null;
  [columns[index], columns[index + step]] = [columns[index + step], columns[index]];
  return withColumns(matrix, columns, known);
}

/** A column's header renamed; the matrix then carries every header. */
export function renameHeader(matrix, key, text, known) {
  const headers = headersOf(matrix, known);
  headers[key] = text;
  return { ...matrix, headers: columnsOf(matrix, known).map((column) => headers[column]) };
}

// --- agencies a plan names -----------------------------------------------------------

/** Every agency the plan already names, in the order first met: the
 * agencies of "Tổ chức thực hiện", the recipients, and the agencies of every
 * task (lead, coordinating). `agencyKeys`: the list fields of a task. */
export function agencyNames(plan, agencyKeys) {
  const names = new Map();
  const add = (name) => {
    const text = typeof name === "string" ? name.replace(/\*+/g, "").replace(/\s+/g, " ").trim() : "";
    // "Như trên", "Như Điều 3" stand for the agencies named above: not an agency.
    if (text && !/^như\s/i.test(text) && !names.has(text.toLocaleLowerCase("vi"))) names.set(text.toLocaleLowerCase("vi"), text);
  };
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object") return undefined;
    if (value.type === "assignments") (value.agencies || []).forEach((agency) => add(agency?.name));
    if (value.type === "task_matrix") {
      for (const list of taskLists(value)) {
        for (const task of getIn(value, list.path) || []) {
          for (const key of agencyKeys) agenciesOf(task, key).forEach(add);
        }
      }
    }
    return Object.values(value).forEach(visit);
  };
  visit(plan.body);
  (plan.recipients || []).forEach((recipient) => add(recipient?.name));
  visit(plan.appendices);
  return [...names.values()];
}
