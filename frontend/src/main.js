// Starts the form: loads the schema and the drafts, renders the document of
// the open draft as its kind, and wires the toolbar (new document of a
// kind, drafts, examples, plan and Word files, companions, DOCX/PDF,
// preview), live validation and the outline. Editing operations shared by
// the structured fields live in `ctx`; the body is its own editor, made
// again when a draft of another kind opens. Past ~400 lines because it is
// the page's wiring in one place: each feature's own logic is in its module
// under view/ and session/ (moving the wiring out would scatter start-up order).

import { ApiError, exportTasks, fetchConventions, fetchSchema, importWord, renderPlan } from "./api/client.js";
import { downloadJson, readPlanFile, saveBlob } from "./api/files.js";
import { createStructure } from "./editor/index.js";
import { documentKinds, kindName } from "./model/kind.js";
import { DocumentSchema } from "./model/schema.js";
import { Store } from "./model/store.js";
import { startAutosave } from "./session/autosave.js";
import { Drafts } from "./session/drafts.js";
import { startValidation } from "./session/validation.js";
import { createBodyCard } from "./view/bodyeditor.js";
import { createCompanions } from "./view/companions.js";
import { askText } from "./view/dialog.js";
import { h } from "./view/dom.js";
import { createDraftsPanel } from "./view/draftspanel.js";
import { createEditing } from "./view/editing.js";
import { ErrorView } from "./view/errors.js";
import { showImportReport } from "./view/importreport.js";
import { setupMarkup } from "./view/markup.js";
import { notify } from "./view/notice.js";
import { createOutline } from "./view/outline.js";
import { createPreview } from "./view/preview.js";
import { createTabBanner } from "./view/tabbanner.js";
import { createDeletions } from "./view/deletions.js";
import { createFindReplace } from "./view/findreplace.js";
import { createNewDocument } from "./view/newdocument.js";
import { createNextYear } from "./view/nextyear.js";
import { renderForm, renderSection } from "./view/sections.js";
import { ViewState } from "./view/viewstate.js";

// For the browser tests: the page's own conversions and table arithmetic.
export { computedTable } from "./model/tablemath.js";
export { formatNumber } from "./model/numbers.js";

const form = document.getElementById("plan-form");
const statusLine = document.getElementById("save-status");
const store = new Store(null);
const ui = new ViewState();
let schema = null;
let kinds = {}; // every kind of GET /schema by name (model/kind.js)
let kind = null; // the kind of the open document
let drafts = null;
let bodyCard = null;
let autosave = null;

const errors = new ErrorView({
  summary: document.getElementById("error-summary"),
  form,
  reveal: revealElement,
  documentName: () => kind?.title ?? "Văn bản",
});

/** The plan with the body's latest keystrokes in it. */
function currentPlan() {
  bodyCard?.flush();
  for (const text of ctx.richTexts) text.flush();
  return store.plan;
}

/** The body's conversions as this page applies them (for the browser tests). */
export function structure() {
  return ctx.structure;
}

// --- rendering ---------------------------------------------------------------------

/** Draw the form again: only the part showing `scope` (a top-level key of
 * the plan) when one does, else every part. */
function render({ focus = null, scope = null } = {}) {
  const active = document.activeElement;
  const activeId = active && form.contains(active) && !bodyCard?.card.contains(active) ? active.id : null;
  const selection = active && "selectionStart" in active ? [active.selectionStart, active.selectionEnd] : null;
  const scroll = window.scrollY;
  const dropNotes = () => {
    for (const text of ctx.richTexts) text.destroy(); // the appendices' notes are drawn anew
    ctx.richTexts.clear();
  };
  if (scope === "appendices") dropNotes();
  const fresh = scope ? renderSection(ctx, scope) : null;
  const old = fresh && document.getElementById(fresh.id);
  if (old) old.replaceWith(fresh);
  else {
    dropNotes();
    form.replaceChildren(...renderForm(ctx));
  }
  errors.apply();
  // The outline lists only the parts this kind of document has.
  for (const link of document.querySelectorAll('#outline a[href^="#sec-"]')) {
    link.parentElement.hidden = !document.getElementById(link.getAttribute("href").slice(1));
  }
  window.scrollTo(0, scroll);
  if (focus && focusFirst(focus)) return;
  if (activeId) {
    const again = document.getElementById(activeId);
    if (again) {
      again.focus({ preventScroll: true });
      if (selection && "setSelectionRange" in again) {
        try {
          again.setSelectionRange(...selection);
        } catch {
          // not a text control any more
        }
      }
    }
  }
}

/** Focus the first enabled element matching one of `selectors`. */
function focusFirst(selectors) {
  for (const selector of selectors) {
    const element = [...form.querySelectorAll(selector)].find((el) => !el.disabled && !el.closest("[hidden]"));
    if (element) {
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: "nearest" });
      return true;
    }
  }
  return false;
}

/** Open the collapsed blocks and <details> around an element. */
function revealElement(element) {
  for (let node = element.parentElement; node && node !== form; node = node.parentElement) {
    if (node.matches(".block-body[hidden]")) {
      const toggle = node.parentElement.querySelector(":scope > .item-head [data-action=toggle]");
      if (toggle) toggle.click();
      else node.hidden = false;
    }
    if (node.tagName === "DETAILS") node.open = true;
  }
}

const ctx = createEditing({ store, ui, errors, getKind: () => kind, render });
ctx.richTexts = new Set(); // the rich-text areas drawn with the form (appendix content and notes)
/** Every rich-text area: the body, then the appendices' content and notes. */
ctx.areas = () => [bodyCard?.area, ...ctx.richTexts].filter(Boolean);
/** The plan's task matrices as a workbook (the button of each task matrix). */
ctx.exportTasks = (button) => withBusy(button, async () => {
  try {
    const { blob, filename } = await exportTasks(currentPlan());
    saveBlob(blob, filename);
    notify(`Đã tạo tệp ${filename} (mỗi nhiệm vụ một dòng, kèm nhóm).`, { kind: "success" });
  } catch (error) {
    showApiError(error);
  }
}, "Đang tạo…");

// --- drafts ------------------------------------------------------------------------

/** The kind `document` is of (a document without `kind` is a plan). */
const kindOf = (document) => kinds[kindName(schema, document) ?? ""];

/** Put the `opened` document in the store, as the kind it is: a document of another
 * kind gets a body editor made for that kind (its block types, headings and
 * numbering); the previous one is dropped first, its last keystrokes
 * written into the previous document. */
function adopt(opened) {
  const next = kindOf(opened);
  if (next !== kind) {
    bodyCard?.destroy();
    bodyCard = null;
  }
  store.plan = opened;
  if (next === kind && (bodyCard || !kind.textKey)) return;
  kind = next;
  ctx.structure = createStructure(kind);
  bodyCard = kind.textKey ? createBodyCard(ctx, bodyCardOptions) : null;
  ctx.bodyCard = bodyCard;
  document.body.dataset.kind = kind.name ?? "";
  document.getElementById("btn-next-year").hidden = kind !== kindOf({});
  document.querySelector(".appbar-title h1").textContent = `Soạn ${kind.title}`;
  document.title = `Soạn ${kind.title} theo Nghị định 30/2020/NĐ-CP`;
}

/** Show `plan` in the form as its kind (it is already the current draft's). */
function showPlan(plan) {
  errors.clear();
  adopt(plan);
  store.load(plan);
  window.scrollTo(0, 0);
}

/** Opening an example or a file always makes a new draft: nothing is
 * replaced. `parent`: the draft it travels with (a plan's companions). */
async function openAsNewDraft(plan, message, { parent = null } = {}) {
  await autosave.flush();
  document.getElementById("import-report").hidden = true; // it told about the previous draft
  nextYear.hide();
  await drafts.create(plan, { parent });
  showPlan(plan);
  notify(`${message} Bản nháp trước vẫn còn trong “Các bản nháp”.`, { kind: "success" });
  panel.refresh();
}

// --- toolbar ------------------------------------------------------------------------

async function withBusy(button, work, busyLabel = "Đang tạo…") {
  if (button.getAttribute("aria-busy") === "true") return;
  button.setAttribute("aria-busy", "true");
  const label = button.textContent;
  button.textContent = busyLabel;
  try {
    await work();
  } finally {
    button.textContent = label;
    button.removeAttribute("aria-busy");
  }
}

function showApiError(error) {
  if (error instanceof ApiError && error.status === 422 && error.errors.length) {
    errors.set(error.errors);
    errors.focusSummary();
    return;
  }
  const wait = error.retryAfter ? ` Hãy thử lại sau khoảng ${error.retryAfter} giây.` : "";
  notify(`${error.message}${wait}`, { kind: "error" });
}

async function download(format, button) {
  await withBusy(button, async () => {
    try {
      const { blob, filename } = await renderPlan(currentPlan(), format);
      errors.clear();
      saveBlob(blob, filename);
      notify(`Đã tạo tệp ${filename}.`, { kind: "success" });
    } catch (error) {
      showApiError(error);
    }
  });
}

function wireToolbar() {
  const planInput = document.getElementById("file-input");
  document.getElementById("btn-upload").addEventListener("click", () => planInput.click());
  planInput.addEventListener("change", async () => {
    const file = planInput.files[0];
    if (!file) return;
    try {
      await openAsNewDraft(await readPlanFile(file), `Đã mở tệp “${file.name}” thành bản nháp mới.`);
    } catch (error) {
      notify(error.message, { kind: "error" });
    } finally {
      planInput.value = "";
    }
  });

  const wordInput = document.getElementById("word-input");
  const wordButton = document.getElementById("btn-word");
  wordButton.addEventListener("click", () => wordInput.click());
  wordInput.addEventListener("change", async () => {
    const file = wordInput.files[0];
    if (!file) return;
    await withBusy(wordButton, async () => {
      try {
        const result = await importWord(file);
        const read = kindOf(result.plan).title.toLowerCase();
        await openAsNewDraft(result.plan, `Đã mở tệp Word “${file.name}” (${read}) thành bản nháp mới.`);
        showImportReport(result, { fileName: file.name, focusPath, form });
      } catch (error) {
        notify(error instanceof ApiError ? error.message : `Không đọc được tệp “${file.name}”.`, { kind: "error" });
      } finally {
        wordInput.value = "";
      }
    }, "Đang đọc tệp…");
  });

  document.getElementById("btn-next-year").addEventListener("click", () => {
    const plan = currentPlan();
    nextYear.start(plan, plan.summary || "bản nháp đang mở");
  });

  document.getElementById("btn-json").addEventListener("click", () => {
    downloadJson(currentPlan());
    notify("Đã lưu tệp kế hoạch. Có thể mở lại bằng “Mở tệp kế hoạch…”.", { kind: "success" });
  });
  const docx = document.getElementById("btn-docx");
  docx.addEventListener("click", () => download("docx", docx));
  const pdf = document.getElementById("btn-pdf");
  pdf.addEventListener("click", () => download("pdf", pdf));

  // On a phone the toolbar is a menu: it closes on a tap outside it and on Esc.
  const menu = document.getElementById("btn-menu");
  const toolbar = document.getElementById("toolbar");
  const showMenu = (open) => {
    menu.setAttribute("aria-expanded", String(open));
    toolbar.classList.toggle("toolbar-open", open);
  };
  menu.addEventListener("click", () => showMenu(menu.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("click", (event) => {
    if (menu.getAttribute("aria-expanded") !== "true" || menu.contains(event.target)) return;
    if (!toolbar.contains(event.target)) showMenu(false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.getAttribute("aria-expanded") === "true") showMenu(false);
  });
  // The body's own toolbar sticks under this one, whatever height it wraps to.
  new ResizeObserver(() => document.documentElement.style.setProperty("--toolbar-h", `${toolbar.offsetHeight}px`))
    .observe(toolbar);
}

/** Focus the field showing a plan path (the body's paragraphs included). */
function focusPath(path) {
  if (bodyCard && path.startsWith(`${kind.textKey}.`) && bodyCard.editor.focusPath(path)) return true;
  for (let parts = path.split("."); parts.length; parts.pop()) {
    const element = form.querySelector(`[data-path="${CSS.escape(parts.join("."))}"]`);
    if (element) {
      errors.focusField(element.matches("input, select, textarea") ? element : element.querySelector("input, select, textarea, button") || element);
      return true;
    }
  }
  return false;
}

function savedText(date, restored = false) {
  const time = date.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const day = date.toLocaleDateString("vi-VN");
  return restored
    ? `Đã mở bản nháp lưu lúc ${time} ngày ${day}`
    : `Đã tự động lưu bản nháp lúc ${time}`;
}

let panel = null;
let nextYear = null;

// --- start -----------------------------------------------------------------------------

// The body card's settings (the card is made again for each kind).
const outline = createOutline(document.getElementById("outline-body"), () => bodyCard?.editor);
const bodyCardOptions = {
  footnoteText: (current) => askText({
    heading: current ? "Sửa chú thích cuối trang" : "Chèn chú thích cuối trang",
    label: "Nội dung chú thích", value: current || "",
  }),
  onHeadings: () => outline.schedule(),
};

async function boot() {
  try {
    const [schemaJson, conventions] = await Promise.all([fetchSchema(), fetchConventions()]);
    schema = new DocumentSchema(schemaJson);
    kinds = documentKinds(schema, conventions);
  } catch (error) {
    form.replaceChildren(h("p", { class: "field-error" },
      `Không tải được định dạng văn bản từ máy chủ: ${error.message}. Hãy tải lại trang.`));
    statusLine.textContent = "Chưa sẵn sàng";
    return;
  }
  try {
    drafts = await Drafts.open();
  } catch {
    statusLine.textContent = "Trình duyệt không cho lưu bản nháp: hãy “Lưu tệp kế hoạch…” thường xuyên";
    form.replaceChildren(h("p", { class: "field-error" }, "Không mở được nơi lưu bản nháp của trình duyệt."));
    return;
  }
  const tabs = createTabBanner({ drafts, getPlan: currentPlan, show: showPlan, save: () => autosave.save(), form, statusLine });
  ctx.deletions = createDeletions({ ctx, drafts, onChange: () => autosave.schedule() });
  const record = await drafts.initial();
  const plan = record ? record.plan : kindOf({}).emptyDocument();
  if (record) await drafts.use(record);
  else await drafts.create(plan);
  adopt(plan);

  errors.areas = () => ctx.areas().map((area) => ({
    root: area.path.join("."),
    title: area.title,
    show: (list) => area.editor.showErrors(list),
    focus: (path) => area.editor.focusPath(path),
  }));
  store.addEventListener("load", () => {
    bodyCard?.load(store.plan[kind.textKey]);
    render();
  });
  store.addEventListener("structure", (event) => render(event.detail));
  render();
  outline.schedule();
  statusLine.textContent = record
    ? savedText(new Date(record.updatedAt || Date.now()), true)
    : "Bản nháp được tự động lưu trong trình duyệt này";
  if (drafts.readOnly) tabs.explain({ readOnly: true });
  autosave = startAutosave(store, drafts, {
    getPlan: currentPlan,
    onSaved: (date) => { statusLine.textContent = savedText(date); panel.refresh(); },
    onSkipped: () => { statusLine.textContent = "Chưa lưu: bản nháp này đang mở ở thẻ khác"; },
    onFailed: () => {
      statusLine.textContent = "Không lưu được bản nháp trong trình duyệt (bộ nhớ đầy?) – hãy “Lưu tệp kế hoạch…”";
    },
  });
  nextYear = createNextYear({ openAsNewDraft, focusPath });
  const kindTitle = (name) => kinds[name ?? ""]?.title ?? kindOf({}).title;
  panel = createDraftsPanel({
    drafts,
    beforeSwitch: () => autosave.flush(),
    show: showPlan,
    nextYear: (plan, name) => nextYear.start(plan, name),
    notify,
    kindTitle,
    hasNextYear: (name) => kindOf({ kind: name }) === kindOf({}),
  });
  createFindReplace({ getPlan: currentPlan, apply: (plan) => store.load(plan), notify });
  startValidation(store, {
    getPlan: currentPlan,
    errors,
    isUntouched: (plan) => JSON.stringify(plan) === JSON.stringify(kind.emptyDocument()),
  });
  form.addEventListener("submit", (event) => event.preventDefault()); // Enter in a field never reloads
  setupMarkup(form);
  createPreview({ getPlan: currentPlan, onInvalid: showApiError, documentName: () => kind.title });
  wireToolbar();
  const starter = createNewDocument({
    start: async (name) => {
      const fresh = kinds[name];
      await openAsNewDraft(fresh.emptyDocument(), `Đã bắt đầu ${fresh.title.toLowerCase()} mới.`);
      document.getElementById("f-issuer-name").focus();
    },
    openExample: (example, title) => openAsNewDraft(example, `Đã mở ${title.charAt(0).toLowerCase()}${title.slice(1)} thành bản nháp mới.`),
    onError: showApiError,
  });
  createCompanions({
    kinds: starter.kinds,
    getPlan: currentPlan,
    isPlan: () => kind === kindOf({}),
    open: async (drafted, entry) => {
      const plan = drafts.current;
      await openAsNewDraft(drafted, `Đã soạn ${entry.label.toLowerCase()} từ kế hoạch “${plan.name}”, mở thành bản nháp mới gắn với kế hoạch.`,
        { parent: plan.id });
    },
    showPlanErrors: showApiError,
    notify,
  });
  document.body.dataset.ready = "true";
  performance.mark("form-ready"); // read by bench/browser.py (first load)
}

boot();
