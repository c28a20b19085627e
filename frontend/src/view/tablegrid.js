// An appendix table: its columns (input or computed: rate, difference, sum)
// and a grid where the clerk types figures; computed cells and the total
// row update as they type (tablemath.js, the server's rules).
// Over 400 lines on purpose: the columns editor, the grid and its computed
// cells are one view of one table that redraw each other; split, each part
// would reach into the others' elements.

import { dotted, h, idFor } from "./dom.js";
import { button, checkboxField, itemButtons, numberField, textField } from "./fields.js";
import { formatNumber, parseNumber } from "../model/numbers.js";
import { agrees, columnCodes, computedTable, decimalsOf, kindOf, operandsOf } from "../model/tablemath.js";

const KIND_LABELS = {
  input: "Nhập số liệu",
  rate: "Tỷ lệ % (cột A / cột B × 100)",
  difference: "Hiệu (cột A − cột B)",
  sum: "Tổng các cột",
};

export function newTable() {
  return { columns: [{ key: "c1", header: "" }], rows: [{ label: "", values: {} }] };
}

function uniqueKey(columns) {
  const used = new Set(columns.map((column) => column && column.key));
  let n = columns.length + 1;
  while (used.has(`c${n}`)) n += 1;
  return `c${n}`;
}

function columnName(column, code) {
  const header = (column && column.header) || "(chưa đặt tên)";
  return column && column.group ? `${code}. ${column.group} – ${header}` : `${code}. ${header}`;
}

export function tableEditor(ctx, path, appendixLabel) {
  const table = ctx.store.get(path);
  const columns = Array.isArray(table.columns) ? table.columns : [];
  const codes = columnCodes(columns.filter(Boolean));
  const order = ctx.schema.keyOrder("Table");
  const gridView = grid(ctx, path, table, columns, codes, appendixLabel);
  return h("fieldset", { class: "table-editor", dataset: { path: dotted(path), title: "Bảng số liệu" } },
    h("legend", {}, "Bảng số liệu"),
    h("div", { class: "grid-3" },
      textField(ctx, { path: [...path, "number_header"], def: "Table", label: "Tiêu đề cột số thứ tự", order }),
      textField(ctx, {
        path: [...path, "label_header"], def: "Table", label: "Tiêu đề cột tên dòng", order,
        onInput: () => gridView.relabel(),
      }),
      textField(ctx, { path: [...path, "unit_note"], def: "Table", label: "Ghi chú đơn vị tính", order, placeholder: "Ví dụ: Đơn vị tính: hộ" })),
    columnsEditor(ctx, [...path, "columns"], columns, codes, gridView),
    gridView.element,
    h("div", { class: "row grid-actions" },
      button("Thêm dòng", {
        className: "btn-add", dataset: { add: dotted([...path, "rows"]) },
        onClick: () => ctx.add([...path, "rows"], { label: "", values: {} }, { order }),
      }),
      checkboxField(ctx, {
        path: [...path, "show_total"], label: "Có dòng tổng cộng", order, defaultValue: true,
        onChange: () => ctx.rerender(),
      }),
      givenFiguresButton(ctx, path, table, columns)));
}

// --- columns -------------------------------------------------------------------

function columnsEditor(ctx, path, columns, codes, gridView) {
  const open = ctx.ui.isOpen(columns, columns.length <= 1);
  const items = columns.map((column, index) => columnEditor(ctx, path, columns, index, codes, gridView));
  const details = h("details", { class: "advanced columns-editor", open, dataset: { path: dotted(path) } },
    h("summary", {}, `Các cột số liệu (${columns.length} cột) – tên cột, nhóm cột, cách tính`),
    h("div", { class: "advanced-body" },
      h("p", { class: "field-hint columns-help", id: "columns-help" },
        "Các cột liền nhau cùng “Nhóm cột” có chung một ô tiêu đề. Cột tỷ lệ, hiệu, tổng chỉ tính từ các cột đứng trước. ",
        "“Mã cột” (chữ không dấu, số, dấu gạch dưới) dùng trong tệp kế hoạch; đổi mã thì số liệu và công thức đổi theo."),
      h("ol", { class: "plain-list columns-list" }, items),
      button("Thêm cột", {
        className: "btn-add", dataset: { add: dotted(path) },
        onClick: () => ctx.add(path, { key: uniqueKey(columns), header: "" }, { order: ctx.schema.keyOrder("Table") }),
      })));
  details.addEventListener("toggle", () => ctx.ui.setOpen(columns, details.open));
  return details;
}

function columnEditor(ctx, path, columns, index, codes, gridView) {
  const column = columns[index] || {};
  const colPath = [...path, index];
  const order = ctx.schema.keyOrder("Column");
  const kind = kindOf(column);
  const code = codes[index] || String(index + 1);
  const kindId = idFor(colPath, "-kind");
  const kindSelect = h("select", {
    id: kindId, class: "input input-select", dataset: { path: dotted([...colPath, "kind"]) },
    on: { change: () => setKind(ctx, colPath, kindSelect.value) },
  }, ctx.schema.field("Column", "kind").enum.map((value) => h("option", { value, selected: value === kind }, KIND_LABELS[value] || value)));
  return h("li", { class: "column-item", dataset: { item: dotted(colPath), path: dotted(colPath), title: `Cột ${code}` } },
    h("div", { class: "column-head" },
      h("span", { class: "column-code" }, `Cột ${code}`),
      h("span", { class: "spacer" }),
      itemButtons(ctx, path, index, columns.length, `cột ${index + 1}`)),
    h("div", { class: "grid-columns" },
      textField(ctx, {
        path: [...colPath, "header"], def: "Column", label: "Tên cột", order, onInput: () => gridView.relabel(),
      }),
      textField(ctx, { path: [...colPath, "group"], def: "Column", label: "Nhóm cột (tiêu đề chung)", order }),
      h("div", { class: "field" }, h("label", { for: kindId, class: "field-label" }, "Loại cột"), kindSelect),
      keyField(ctx, colPath, columns, index)),
    kind === "input" ? null : h("div", { class: "row operands-row" },
      operandsEditor(ctx, colPath, columns, index, codes, kind),
      kind === "rate" ? numberField(ctx, {
        path: [...colPath, "decimals"], def: "Column", label: "Số chữ số thập phân", integer: true, order,
        wrapClass: "field-small", placeholder: String(ctx.schema.field("Column", "decimals").default),
        onInput: () => gridView.refresh(),
      }) : null));
}

function setKind(ctx, colPath, kind) {
  ctx.store.structure(() => {
    const column = ctx.store.get(colPath);
    if (kind === "input") {
      if ("kind" in column) column.kind = "input";
      if (Array.isArray(column.of) && column.of.length) delete column.of;
    } else {
      ctx.insert(column, "kind", kind, ctx.schema.keyOrder("Column"));
      if (!Array.isArray(column.of)) ctx.insert(column, "of", kind === "sum" ? [] : ["", ""], ctx.schema.keyOrder("Column"));
    }
  }, { keepFocus: true });
}

function operandsEditor(ctx, colPath, columns, index, codes, kind) {
  const ofPath = [...colPath, "of"];
  const current = operandsOf(columns[index]);
  const earlier = columns.slice(0, index).map((column, at) => ({ value: column.key, label: columnName(column, codes[at]) }));
  const known = new Set(earlier.map((option) => option.value));
  const unknown = current.filter((key) => key && !known.has(key)).map((key) => ({ value: key, label: `${key} (không phải cột đứng trước)` }));
  const options = [...earlier, ...unknown];
  const write = (of) => ctx.setValue(ofPath, of, ctx.schema.keyOrder("Column"));
  if (kind === "sum") {
    return h("fieldset", { class: "operands", dataset: { path: dotted(ofPath) } },
      h("legend", {}, "Cộng các cột"),
      options.length ? options.map((option) => {
        const id = idFor(ofPath, "-" + option.value);
        const box = h("input", {
          id, type: "checkbox", class: "checkbox", checked: current.includes(option.value),
          on: {
            change: () => {
              const chosen = new Set(operandsOf(ctx.store.get(colPath)));
              if (box.checked) chosen.add(option.value);
              else chosen.delete(option.value);
              write(options.map((item) => item.value).filter((value) => chosen.has(value)));
            },
          },
        });
        return h("div", { class: "field-check" }, box, h("label", { for: id }, option.label));
      }) : h("p", { class: "empty" }, "Chỉ cộng được các cột đứng trước cột này."));
  }
  const names = kind === "rate" ? ["Tử số (cột A)", "Mẫu số (cột B)"] : ["Số bị trừ (cột A)", "Số trừ (cột B)"];
  return h("fieldset", { class: "operands", dataset: { path: dotted(ofPath) } },
    h("legend", {}, kind === "rate" ? "Tính tỷ lệ % từ" : "Tính hiệu từ"),
    h("div", { class: "row" }, names.map((name, position) => {
      const id = idFor(ofPath, `-${position}`);
      const select = h("select", {
        id, class: "input input-select", dataset: { path: dotted([...ofPath, position]) },
        on: {
          change: () => {
            const of = [...operandsOf(ctx.store.get(colPath))];
            while (of.length < 2) of.push("");
            of[position] = select.value;
            write(of);
          },
        },
      }, h("option", { value: "" }, "— chọn cột —"),
      options.map((option) => h("option", { value: option.value, selected: current[position] === option.value }, option.label)));
      return h("div", { class: "field grow" }, h("label", { for: id, class: "field-label" }, name), select);
    })));
}

/** The column's key (used in the JSON): renaming it renames its figures
 * in every row and in the other columns' formulas, on change. */
function keyField(ctx, colPath, columns, index) {
  const id = idFor(colPath, "-key");
  const column = columns[index] || {};
  const info = ctx.schema.field("Column", "key");
  const input = h("input", {
    id, type: "text", class: "input input-code", value: column.key ?? "",
    autocomplete: "off", spellcheck: "false", dataset: { path: dotted([...colPath, "key"]) },
    "aria-describedby": "columns-help",
  });
  input.addEventListener("change", () => renameKey(ctx, colPath, input.value.trim()));
  return h("div", { class: "field field-key" }, h("label", { for: id, class: "field-label" }, "Mã cột"), input);
}

function renameKey(ctx, colPath, newKey) {
  const tablePath = colPath.slice(0, -2);
  ctx.store.structure(() => {
    const table = ctx.store.get(tablePath);
    const column = ctx.store.get(colPath);
    const oldKey = column.key;
    if (newKey === oldKey) return;
    column.key = newKey;
    const clash = table.columns.some((other) => other !== column && other && other.key === newKey);
    if (!oldKey || !newKey || clash) return;
    const renameIn = (values) => {
      if (!values || typeof values !== "object" || !(oldKey in values)) return;
      const entries = Object.entries(values);
      for (const [key] of entries) delete values[key];
      for (const [key, value] of entries) values[key === oldKey ? newKey : key] = value;
    };
    for (const row of table.rows || []) renameIn(row && row.values);
    if (table.total) renameIn(table.total.values);
    for (const other of table.columns) {
      if (other && Array.isArray(other.of)) other.of = other.of.map((key) => (key === oldKey ? newKey : key));
    }
  }, { keepFocus: true });
  ctx.edited([...colPath, "key"]);
}

// --- the grid -------------------------------------------------------------------

function grid(ctx, path, table, columns, codes, appendixLabel) {
  const rowsPath = [...path, "rows"];
  const rows = Array.isArray(table.rows) ? table.rows : [];
  const valid = columns.filter((column) => column && column.key);
  const showTotal = table.show_total ?? true;
  const outputs = []; // {el, row: index | "total", column}
  const cellsByRow = [];
  const labelOf = (index) => {
    const row = rows[index];
    return (row && typeof row.label === "string" && row.label.trim()) || `Dòng ${index + 1}`;
  };
  const columnLabel = (column) => (column.group ? `${column.group}, ${column.header || column.key}` : column.header || column.key);

  const head = gridHead(ctx, path, table, columns, codes);
  const bodyRows = rows.map((row, index) => {
    const rowPath = [...rowsPath, index];
    const values = (row && row.values) || {};
    const cells = [];
    const tr = h("tr", { dataset: { item: dotted(rowPath), path: dotted(rowPath) } },
      h("td", { class: "num" }, String(index + 1)),
      h("td", { class: "label-cell" },
        h("label", { for: idFor([...rowPath, "label"]), class: "visually-hidden" }, `Tên dòng ${index + 1}`),
        h("input", {
          id: idFor([...rowPath, "label"]), type: "text", class: "input cell-label", value: (row && row.label) ?? "",
          autocomplete: "off",
          dataset: { path: dotted([...rowPath, "label"]), inline: "true" },
          on: {
            input: (event) => {
              ctx.store.set([...rowPath, "label"], event.target.value, ctx.schema.keyOrder("Row"));
              ctx.edited([...rowPath, "label"]);
              relabelRow(index);
            },
          },
        })),
      columns.map((column, colIndex) => {
        if (!column || !column.key) return h("td", { class: "cell-missing" }, "?");
        const cellPath = [...rowPath, "values", column.key];
        if (kindOf(column) !== "input") {
          const out = h("output", { class: "cell-computed", dataset: { path: dotted(cellPath) } });
          outputs.push({ el: out, row: index, column });
          return h("td", { class: "computed" }, out);
        }
        const raw = values[column.key];
        const input = h("input", {
          type: "text", class: "input cell" + (typeof raw === "string" ? " cell-invalid" : ""), inputmode: "decimal",
          autocomplete: "off", id: idFor(cellPath),
          value: typeof raw === "number" ? formatNumber(raw) : (raw ?? ""),
          dataset: { path: dotted(cellPath), row: String(index), col: String(colIndex) },
          on: {
            input: () => writeCell(ctx, rowPath, column.key, input, () => refresh()),
            change: () => {
              const value = ctx.store.get(cellPath);
              if (typeof value === "number") input.value = formatNumber(value);
            },
            keydown: (event) => moveInGrid(event, input),
          },
        });
        cells.push({ input, column });
        return h("td", {}, input);
      }),
      h("td", { class: "row-actions" }, rowButtons(ctx, rowsPath, index, rows.length)));
    cellsByRow[index] = cells;
    return tr;
  });

  let foot = null;
  if (showTotal) {
    const totalPath = [...path, "total"];
    foot = h("tfoot", {}, h("tr", { dataset: { path: dotted(totalPath) } },
      h("td", { class: "num" }),
      h("td", { class: "label-cell" },
        h("label", { for: idFor([...totalPath, "label"]), class: "visually-hidden" }, "Tên dòng tổng cộng"),
        h("input", {
          id: idFor([...totalPath, "label"]), type: "text", class: "input cell-label total-label",
          value: (table.total && table.total.label) ?? "", placeholder: ctx.schema.field("Total", "label").default,
          autocomplete: "off", dataset: { path: dotted([...totalPath, "label"]) },
          on: {
            input: (event) => {
              ctx.store.ensureObject(totalPath, ctx.schema.keyOrder("Table"));
              if (event.target.value === "") ctx.store.unset([...totalPath, "label"]);
              else ctx.store.set([...totalPath, "label"], event.target.value, ctx.schema.keyOrder("Total"));
              ctx.edited([...totalPath, "label"]);
            },
          },
        })),
      columns.map((column) => {
        if (!column || !column.key) return h("td", {});
        const out = h("output", { class: "cell-computed cell-total", dataset: { path: dotted([...totalPath, "values", column.key]) } });
        outputs.push({ el: out, row: "total", column });
        return h("td", { class: "computed" }, out);
      }),
      h("td", {})));
  }

  const caption = h("caption", { class: "visually-hidden" }, `Bảng số liệu ${appendixLabel}`);
  const tableEl = h("table", { class: "grid" }, caption, head, h("tbody", {}, bodyRows), foot);
  const element = h("div", {
    class: "grid-scroll", role: "region", tabindex: "0", "aria-label": `Bảng số liệu ${appendixLabel} (cuộn ngang nếu bảng rộng)`,
    dataset: { path: dotted(rowsPath) },
  }, rows.length ? tableEl : [tableEl, h("p", { class: "empty" }, "Chưa có dòng nào.")]);

  function relabelRow(index) {
    for (const { input, column } of cellsByRow[index] || []) input.setAttribute("aria-label", `${labelOf(index)} – ${columnLabel(column)}`);
  }

  function refresh() {
    const current = ctx.store.get(path);
    const { rows: done, total } = computedTable(current);
    const currentRows = Array.isArray(current.rows) ? current.rows : [];
    for (const { el, row, column } of outputs) {
      const values = row === "total" ? total : done[row];
      const value = values ? values[column.key] : null;
      const decimals = kindOf(column) === "rate" ? decimalsOf(column) : undefined;
      el.textContent = formatNumber(value, decimals);
      const given = row === "total"
        ? ((current.total && current.total.values) || {})[column.key]
        : (((currentRows[row] || {}).values) || {})[column.key];
      const contradicts = given !== undefined && given !== null && !agrees(given, value);
      el.classList.toggle("mismatch", contradicts);
      el.title = contradicts ? `Số đã ghi trong tệp: ${formatNumber(given)} – khác số tính được` : "";
      const who = row === "total" ? "Tổng cộng" : labelOf(row);
      el.setAttribute("aria-label", `${who} – ${columnLabel(column)}: ${el.textContent}${contradicts ? ` (số đã ghi ${formatNumber(given)} không khớp)` : ""}`);
    }
  }

  rows.forEach((_, index) => relabelRow(index));
  refresh();
  return {
    element,
    refresh,
    relabel: () => { rows.forEach((_, index) => relabelRow(index)); refresh(); },
  };
}

function gridHead(ctx, path, table, columns, codes) {
  const numberHeader = table.number_header ?? ctx.schema.field("Table", "number_header").default;
  const labelHeader = table.label_header ?? ctx.schema.field("Table", "label_header").default;
  const grouped = columns.some((column) => column && column.group);
  const headerText = (column) => (column && column.header) || "(chưa đặt tên)";
  const rows = [];
  if (grouped) {
    const top = [h("th", { rowspan: 2, scope: "col" }, numberHeader), h("th", { rowspan: 2, scope: "col" }, labelHeader)];
    const second = [];
    let start = 0;
    while (start < columns.length) {
      const group = columns[start] && columns[start].group;
      let end = start;
      while (group && end + 1 < columns.length && columns[end + 1] && columns[end + 1].group === group) end += 1;
      if (group) {
        top.push(h("th", { colspan: end - start + 1, scope: "colgroup" }, group));
        for (let index = start; index <= end; index += 1) second.push(h("th", { scope: "col" }, headerText(columns[index])));
      } else {
        top.push(h("th", { rowspan: 2, scope: "col" }, headerText(columns[start])));
      }
      start = end + 1;
    }
    top.push(h("th", { rowspan: 3, class: "row-actions" }, h("span", { class: "visually-hidden" }, "Thao tác với dòng")));
    rows.push(h("tr", {}, top), h("tr", {}, second));
  } else {
    rows.push(h("tr", {}, h("th", { scope: "col" }, numberHeader), h("th", { scope: "col" }, labelHeader),
      columns.map((column) => h("th", { scope: "col" }, headerText(column))),
      h("th", { rowspan: 2, class: "row-actions" }, h("span", { class: "visually-hidden" }, "Thao tác với dòng"))));
  }
  rows.push(h("tr", { class: "codes" }, h("th", {}, "A"), h("th", {}, "B"), codes.map((code) => h("th", {}, code))));
  return h("thead", {}, rows);
}

function writeCell(ctx, rowPath, key, input, refresh) {
  const parsed = parseNumber(input.value);
  const cellPath = [...rowPath, "values", key];
  ctx.store.ensureObject([...rowPath, "values"], ctx.schema.keyOrder("Row"));
  if (parsed.invalid) ctx.store.set(cellPath, input.value);
  else if (parsed.value === null) ctx.store.unset(cellPath);
  else ctx.store.set(cellPath, parsed.value);
  input.classList.toggle("cell-invalid", Boolean(parsed.invalid));
  input.title = parsed.invalid ? "Không phải số: hãy nhập ví dụ 3.022 hoặc 0,36" : "";
  ctx.edited(cellPath);
  refresh();
}

/** Enter / ↑ / ↓ move to the same column in the next or previous row. */
function moveInGrid(event, input) {
  const step = { Enter: 1, ArrowDown: 1, ArrowUp: -1 }[event.key];
  if (!step || event.altKey || event.ctrlKey || event.metaKey) return;
  const row = Number(input.dataset.row) + (event.shiftKey && event.key === "Enter" ? -1 : step);
  const target = input.closest("tbody").querySelector(`input[data-row="${row}"][data-col="${input.dataset.col}"]`);
  if (target) {
    event.preventDefault();
    target.focus();
    target.select();
  } else if (event.key === "Enter") {
    event.preventDefault();
  }
}

function rowButtons(ctx, rowsPath, index, length) {
  const noun = `dòng ${index + 1}`;
  return h("div", { class: "item-buttons compact" },
    button("↑", { action: "up", label: `Lên – chuyển ${noun} lên`, disabled: index === 0, onClick: () => ctx.move(rowsPath, index, -1) }),
    button("↓", { action: "down", label: `Xuống – chuyển ${noun} xuống`, disabled: index === length - 1, onClick: () => ctx.move(rowsPath, index, 1) }),
    button("✕", { action: "remove", label: `Xóa ${noun}`, className: "btn-danger-text", onClick: () => ctx.remove(rowsPath, index, noun) }));
}

/** Figures the file gave for computed cells or totals can only be dropped
 * (the table computes them); offer that when there are any. */
function givenFiguresButton(ctx, path, table, columns) {
  const computedKeys = new Set(columns.filter((column) => column && kindOf(column) !== "input").map((column) => column.key));
  const rows = Array.isArray(table.rows) ? table.rows : [];
  const inRows = rows.some((row) => row && row.values && Object.keys(row.values).some((key) => computedKeys.has(key)));
  const inTotal = table.total && table.total.values && Object.keys(table.total.values).length > 0;
  if (!inRows && !inTotal) return null;
  return button("Bỏ các số tổng, tỷ lệ ghi sẵn (dùng số tự tính)", {
    className: "btn-small",
    onClick: () => ctx.removeInside(path, () => {
      for (const row of rows) {
        if (!row || !row.values) continue;
        for (const key of Object.keys(row.values)) if (computedKeys.has(key)) delete row.values[key];
      }
      if (table.total && table.total.values) table.total.values = {};
    }, "Đã bỏ các số ghi sẵn ở cột tính toán và dòng tổng cộng."),
  });
}
