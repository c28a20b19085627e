// Appendix table arithmetic, the same rules as schemas/table_math.py:
//   rate       = of[0] / of[1] × 100, rounded half-up to `decimals` (none if of[1] is 0)
//   difference = of[0] − of[1]
//   sum        = of[0] + of[1] + …
//   total row  = column sums of the input columns over all rows (a missing
//                figure counts as 0); computed columns recomputed from them.
// A computed column only refers to columns before it.

import { Dec } from "./numbers.js";


const kindOf = (column) => column.kind ?? "input";
const decimalsOf = (column) => {
  const places = column.decimals ?? 2;
  return Number.isInteger(places) && places >= 0 && places <= 6 ? places : 2; // the server refuses others
};
const operandsOf = (column) => (Array.isArray(column.of) ? column.of : []);

/** A typed figure as an exact decimal; null when absent or not a number. */
function figure(raw) {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Dec) return raw;
  if (typeof raw !== "number" && typeof raw !== "string") return null;
  return Dec.from(raw);
}

/** The value of a computed column in a row, or null when undefined. */
export function compute(column, row) {
  const operands = operandsOf(column).map((key) => row[key] ?? null);
  if (operands.length === 0 || operands.some((operand) => operand === null)) return null;
  const kind = kindOf(column);
  if (kind === "sum") return operands.reduce((total, operand) => total.add(operand), Dec.zero());
  if (operands.length !== 2) return null;
  const [first, second] = operands;
  if (kind === "difference") return first.sub(second);
  return first.percentOf(second, decimalsOf(column));
}

/** Every value of a row: inputs as typed, computed columns from them. */
export function completeRow(columns, inputs) {
  const row = {};
  for (const column of columns) {
    row[column.key] = kindOf(column) === "input" ? figure(inputs[column.key]) : compute(column, row);
  }
  return row;
}

/** Column sums of the input columns. */
export function totalInputs(columns, rows) {
  const totals = {};
  for (const column of columns) {
    if (kindOf(column) !== "input") continue;
    totals[column.key] = rows.reduce((sum, row) => {
      const value = figure((row.values || {})[column.key]);
      return value ? sum.add(value) : sum;
    }, Dec.zero());
  }
  return totals;
}

/** {rows: [completed row], total: completed total row or null}. */
export function computedTable(table) {
  const columns = Array.isArray(table.columns) ? table.columns.filter((column) => column && column.key) : [];
  const sourceRows = Array.isArray(table.rows) ? table.rows : [];
  const rows = sourceRows.map((row) => completeRow(columns, (row && row.values) || {}));
  const showTotal = table.show_total ?? true;
  const total = showTotal ? completeRow(columns, totalInputs(columns, sourceRows)) : null;
  return { rows, total };
}

/** Whether a figure the author typed matches the computed one at the
 * precision typed (0,7 agrees with 0,70 and with 0,704). */
export function agrees(given, computed) {
  if (computed === null || computed === undefined) return false;
  const value = figure(given);
  if (!value) return false;
  return computed.round(value.scale).equals(value);
}

/** Header codes as in issued tables: 1, 2, 3, 4=3/1, 11=3-7. */
export function columnCodes(columns) {
  const position = {};
  columns.forEach((column, index) => { position[column.key] = String(index + 1); });
  const operators = { rate: "/", difference: "-", sum: "+" };
  return columns.map((column, index) => {
    let code = String(index + 1);
    const kind = kindOf(column);
    if (kind !== "input" && operandsOf(column).length) {
      code += "=" + operandsOf(column).map((key) => position[key] ?? "?").join(operators[kind]);
    }
    return code;
  });
}

export { kindOf, decimalsOf, operandsOf };
