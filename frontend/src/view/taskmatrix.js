// The task list editor of a task-assignment matrix (the `task_matrix`
// block): the matrix as it prints — STT, then the columns chosen, in their
// order — with group rows (I, II …) and subgroup rows (1, 2 …), each task a
// row of fields; the agency fields offer the agencies the plan already
// names. Tasks and groups are added, moved (a task moves on into the next
// group past the end of its own) and removed (to the draft's history of
// deletions). The columns printed, their order and their headers are set in
// "Các cột in" (taskcolumns.js).

import * as tasks from "../model/tasklist.js";
import { getIn, setIn } from "../model/update.js";
import { agencyField } from "./agencyfield.js";
import { blockFrame, blockHandle, focusInner } from "./blockframe.js";
import { excerpt } from "./cards.js";
import { h } from "./dom.js";
import { columnsPanel } from "./taskcolumns.js";

/** A new task matrix: one group with one task to write. */
export function newTaskMatrix() {
  return { type: "task_matrix", groups: [{ title: "", tasks: [{ content: "" }] }] };
}

/** ctx: the form's editing context; value: the block; host: blockview.js. */
export function createTaskMatrix(ctx, value, host) {
  let block = value;
  const { roman } = ctx.kind.numbering;
  const known = ctx.kind.conventions.task_columns;
  const task = ctx.schema.def("Task");
  const isList = (key) => [].concat(task.properties[key]?.type || []).includes("array");
  const required = new Set(task.required || []);
  const listKeys = Object.keys(task.properties).filter(isList);
  const frame = blockFrame({
    kind: ctx.kind.label("task_matrix"), noun: "bảng phân công", host,
    actions: [h("button", {
      type: "button", class: "btn btn-small", title: "Mỗi nhiệm vụ một dòng, kèm nhóm; mọi bảng phân công của kế hoạch",
      on: { click: (event) => ctx.exportTasks(event.currentTarget) },
    }, "Tải Excel (.xlsx)")],
  });
  const fields = h("div", { class: "blk-fields" });
  const columnsBox = h("div");
  const list = h("div", { class: "grid-scroll task-scroll", role: "region", tabindex: "0", "aria-label": "Các nhiệm vụ (cuộn ngang nếu rộng)" });
  const adders = h("div", { class: "row grid-actions" });
  frame.body.append(fields, columnsBox, list, adders);

  // --- changes ------------------------------------------------------------------

  function edited(next, inner) {
    block = next;
    host.change(block, inner);
  }

  /** A change of shape: drawn again, then `focus` (an inner path) takes the
   * focus — the `action` button of that row when there is one (a task moved
   * with ↓ keeps ↓ under the keyboard). */
  function structural(next, focus = null, action = null, lists = null) {
    block = next;
    // A task added, moved or removed changes only the rows of its lists: those
    // are drawn again (200 tasks drawn whole take a quarter of a second).
    if (!lists || !redrawLists(lists)) draw();
    host.change(block, "");
    const row = action && list.querySelector(`tr[data-inner="${CSS.escape(focus)}"]`);
    const button = row && (row.querySelector(`[data-action="${action}"]:not(:disabled)`) || row.querySelector("[data-action=up]:not(:disabled), [data-action=down]:not(:disabled)"));
    if (button) button.focus();
    else if (focus) focusInner(frame.body, focus);
  }

  function removeItem(path, index, label, focus, lists = null) {
    const before = block;
    structural(tasks.removeAt(block, path, index), focus, null, lists);
    ctx.deletions.removedInBlock({ path: host.path(), after: block, item: { list: path, index, value: getIn(before, [...path, index]) }, label, exact: true });
  }

  // --- drawing ------------------------------------------------------------------

  function draw() {
    frame.redrawn();
    frame.setTitle(excerpt(block.title || "", 60));
    fields.replaceChildren(textInput("title", "Tên bảng (in đậm, giữa, trên bảng)", "grow"),
      textInput("number_header", "Tiêu đề cột số thứ tự", "field-short", ctx.schema.field("TaskMatrix", "number_header").default));
    columnsBox.replaceChildren(columnsPanel(ctx, () => block, known, (next) => structural(next), columnsShown));
    list.replaceChildren(taskTable());
    const groups = (block.groups || []).length;
    adders.replaceChildren(
      h("button", {
        type: "button", class: "btn btn-small btn-add",
        on: { click: () => structural(tasks.insertAt(block, ["groups"], groups, { title: "", tasks: [{ content: "" }] }), `groups.${groups}.title`) },
      }, "Thêm nhóm nhiệm vụ"));
  }

  function textInput(key, label, className, placeholder = "") {
    const id = `${uid}-${key}`;
    const input = h("input", {
      id, type: "text", class: "input", value: block[key] ?? "", placeholder, autocomplete: "off", dataset: { inner: key },
      on: {
        input: () => {
          edited(setIn(block, [key], input.value === "" ? undefined : input.value), key);
          if (key === "title") frame.setTitle(excerpt(input.value, 60));
        },
      },
    });
    return h("div", { class: `field ${className}` }, h("label", { for: id, class: "field-label" }, label), input);
  }

  /** What every row is drawn with: the columns printed, their headers, the task lists. */
  function shape() {
    const columns = tasks.columnsOf(block, known);
    return { columns, headers: tasks.headersOf(block, known), width: columns.length + 2, lists: tasks.taskLists(block) };
  }

  /** The rows of one task list (its tasks and its "Thêm nhiệm vụ"), marked with the list's path. */
  function listRows(entry, { columns, headers, width, lists }) {
    const items = getIn(block, entry.path) || [];
    const where = entry.group === undefined ? "" : entry.sub === undefined ? ` nhóm ${roman(entry.group + 1)}` : ` nhóm con ${entry.group + 1}.${entry.sub + 1}`;
    const rows = items.map((item, index) => taskRow(entry, item, index, columns, headers, `nhiệm vụ ${entry.number(index)}${where}`));
    if (entry.path.length > 1 || items.length || !lists[1]) rows.push(addRow(entry, width, where));
    for (const row of rows) row.dataset.list = entry.path.join(".");
    return rows;
  }

  /** The rows of these task lists drawn again in place; false when one has no rows to replace. */
  function redrawLists(paths) {
    const drawn = shape();
    const keys = [...new Set(paths.map((path) => path.join(".")))];
    const found = keys.map((key) => key.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part))).map((path) => [drawn.lists.find((entry) => entry.path.join(".") === path.join(".")),
      [...list.querySelectorAll(`tr[data-list="${CSS.escape(path.join("."))}"]`)]]);
    if (found.some(([entry, old]) => !entry || !old.length)) return false;
    for (const [entry, old] of found) {
      old[0].before(...listRows(entry, drawn));
      for (const row of old) row.remove();
    }
    return true;
  }

  function taskTable() {
    const drawn = shape();
    const { columns, headers, width, lists } = drawn;
    const rows = [];
    for (const entry of lists) {
      if (entry.sub !== undefined) rows.push(groupRow(["groups", entry.group, "groups", entry.sub], String(entry.sub + 1), `nhóm con ${entry.sub + 1} của nhóm ${roman(entry.group + 1)}`, width));
      else if (entry.group !== undefined) rows.push(groupRow(["groups", entry.group], roman(entry.group + 1), `nhóm ${roman(entry.group + 1)}`, width));
      rows.push(...listRows(entry, drawn));
    }
    return h("table", { class: "tgrid task-grid" },
      h("caption", { class: "visually-hidden" }, block.title || ctx.kind.label("task_matrix")),
      h("thead", {}, h("tr", {},
        h("th", { scope: "col", class: "num" }, block.number_header ?? ctx.schema.field("TaskMatrix", "number_header").default),
        columns.map((key) => h("th", { scope: "col", class: `task-col-${isList(key) ? "agencies" : key === "content" ? "content" : "text"}` }, headers[key])),
        h("th", { scope: "col", class: "row-actions" }, h("span", { class: "visually-hidden" }, "Thao tác")))),
      h("tbody", {}, rows));
  }

  function groupRow(path, number, noun, width) {
    const inner = `${path.join(".")}.title`;
    const input = h("input", {
      type: "text", class: "input group-title", value: getIn(block, path)?.title ?? "", autocomplete: "off",
      "aria-label": `Tên ${noun}`, placeholder: "Tên nhóm nhiệm vụ", dataset: { inner },
      on: { input: () => edited(setIn(block, [...path, "title"], input.value), inner) },
    });
    const listPath = path.slice(0, -1);
    const index = path[path.length - 1];
    return h("tr", { class: "group-row", dataset: { inner: path.join(".") } },
      h("td", { class: "num" }, number), h("td", { colspan: width - 2 }, input),
      h("td", { class: "row-actions" }, moveButtons(noun, () => swapGroup(listPath, index, -1), () => swapGroup(listPath, index, 1),
        () => removeItem(listPath, index, `Đã xóa ${noun} của bảng phân công (cùng các nhiệm vụ trong nhóm).`, null),
        index === 0, index === (getIn(block, listPath) || []).length - 1)));
  }

  function swapGroup(listPath, index, step) {
    const next = tasks.swap(block, listPath, index, step);
    if (next) structural(next, [...listPath, index + step].join("."), step < 0 ? "up" : "down");
  }

  function taskRow(entry, item, index, columns, headers, noun) {
    const path = [...entry.path, index];
    const cells = columns.map((key) => {
      const inner = `${path.join(".")}.${key}`;
      if (isList(key)) {
        return h("td", {}, agencyField({
          names: tasks.agenciesOf(item, key), label: `${headers[key]}, ${noun}`, inner,
          add: (name) => {
            const next = tasks.addAgency(block, path, key, name);
            if (next) edited(next, inner);
            return next && getIn(next, [...path, key]);
          },
          remove: (at) => {
            const name = tasks.agenciesOf(getIn(block, path), key)[at];
            edited(tasks.removeAgency(block, path, key, at), inner);
            ctx.deletions.removedInBlock({ path: host.path(), after: block, item: { list: [...path, key], index: at, value: name }, label: `Đã bỏ “${name}” khỏi ${noun}.`, exact: true });
            return getIn(block, [...path, key]);
          },
          suggestions: () => agencySuggestions(),
        }));
      }
      const area = h("textarea", {
        class: "input cell-text", rows: 1, value: item?.[key] ?? "", spellcheck: "true",
        "aria-label": `${headers[key]}, ${noun}`, dataset: { inner, inline: "true" },
        on: { input: () => edited(tasks.setTaskText(block, path, key, area.value, required.has(key)), inner) },
      });
      return h("td", { class: key === "content" ? "task-content" : null }, area);
    });
    const lastList = tasks.taskLists(block).at(-1).path.join(".") === entry.path.join(".");
    return h("tr", { dataset: { inner: path.join(".") } }, h("td", { class: "num" }, entry.number(index)), cells,
      h("td", { class: "row-actions" }, moveButtons(noun,
        () => moveTask(entry.path, index, -1), () => moveTask(entry.path, index, 1),
        () => removeItem(entry.path, index, `Đã xóa ${noun} của bảng phân công.`, null, [entry.path]),
        index === 0 && entry.path.length === 1, index === (getIn(block, entry.path) || []).length - 1 && lastList)));
  }

  function moveTask(path, index, step) {
    const moved = tasks.moveTask(block, path, index, step);
    if (moved) structural(moved.matrix, [...moved.path, moved.index].join("."), step < 0 ? "up" : "down", [path, moved.path]);
  }

  function moveButtons(noun, up, down, remove, first, last) {
    return h("div", { class: "item-buttons compact" },
      h("button", { type: "button", class: "btn btn-small", dataset: { action: "up" }, "aria-label": `Lên – chuyển ${noun} lên`, disabled: first, on: { click: up } }, "↑"),
      h("button", { type: "button", class: "btn btn-small", dataset: { action: "down" }, "aria-label": `Xuống – chuyển ${noun} xuống`, disabled: last, on: { click: down } }, "↓"),
      h("button", { type: "button", class: "btn btn-small btn-danger-text", dataset: { action: "remove" }, "aria-label": `Xóa ${noun}`, on: { click: remove } }, "✕"));
  }

  function addTask(path) {
    const count = (getIn(block, path) || []).length;
    structural(tasks.insertAt(block, path, count, { content: "" }), `${[...path, count].join(".")}.content`, null, [path]);
  }

  function addRow(entry, width, where) {
    const buttons = [h("button", { type: "button", class: "btn btn-small btn-add", on: { click: () => addTask(entry.path) } }, `Thêm nhiệm vụ${where}`)];
    if (entry.group !== undefined && entry.sub === undefined) {
      const subs = ["groups", entry.group, "groups"];
      const count = (getIn(block, subs) || []).length;
      buttons.push(h("button", {
        type: "button", class: "btn btn-small btn-add",
        on: { click: () => structural(tasks.insertAt(block, subs, count, { title: "", tasks: [{ content: "" }] }), `${[...subs, count].join(".")}.title`) },
      }, `Thêm nhóm con${where}`));
    }
    return h("tr", { class: "add-row" }, h("td", { colspan: width }, h("div", { class: "row" }, buttons)));
  }

  /** The agencies the plan names (its latest text, and this matrix as it is now). */
  function agencySuggestions() {
    const names = tasks.agencyNames(ctx.store.plan, listKeys);
    for (const name of tasks.agencyNames({ body: [block] }, listKeys)) if (!names.includes(name)) names.push(name);
    return names;
  }

  const uid = `tm${++matrices}`;
  const columnsShown = { open: false };
  draw();
  return blockHandle(frame, () => block, (next) => { block = next; draw(); });
}

let matrices = 0;
