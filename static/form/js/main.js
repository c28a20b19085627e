// Starts the form: loads the schema and the saved draft, renders the plan,
// and wires the toolbar (new, examples, JSON upload/download, DOCX/PDF,
// preview). Editing operations shared by all editors live in `ctx`.

import { ApiError, fetchExample, fetchExamples, fetchSchema, renderPlan } from "./api.js";
import { clearDraft, loadDraft, startAutosave } from "./autosave.js";
import { confirmAction } from "./dialog.js";
import { h } from "./dom.js";
import { createEditing } from "./editing.js";
import { ErrorView } from "./errors.js";
import { downloadJson, readPlanFile, saveBlob } from "./files.js";
import { setupMarkup } from "./markup.js";
import { hideNotice, notify } from "./notice.js";
import { createPreview } from "./preview.js";
import { PlanSchema } from "./schema.js";
import { renderForm } from "./sections.js";
import { Store } from "./store.js";
import { ViewState } from "./viewstate.js";

const form = document.getElementById("plan-form");
const statusLine = document.getElementById("save-status");
const store = new Store(null);
const ui = new ViewState();
let schema = null;

const errors = new ErrorView({
  summary: document.getElementById("error-summary"),
  form,
  reveal: revealElement,
});

// --- a new, empty plan ----------------------------------------------------------

function emptyPlan() {
  const version = schema.field("Plan", "schema_version");
  return {
    schema_version: version.maximum ?? version.minimum ?? 1,
    issuer: { name: "", abbreviation: "" },
    document_type: schema.field("Plan", "document_type").default,
    place: "",
    date: { year: new Date().getFullYear() },
    summary: "",
    legal_bases: [],
    body: [],
    recipients: [],
    archive: ["VT"],
    signatory: { title: "", name: "" },
    appendices: [],
  };
}

const isBlank = (plan) => JSON.stringify(plan) === JSON.stringify(emptyPlan());

// --- rendering ---------------------------------------------------------------------

function render({ focus = null } = {}) {
  const active = document.activeElement;
  const activeId = active && form.contains(active) ? active.id : null;
  const selection = active && "selectionStart" in active ? [active.selectionStart, active.selectionEnd] : null;
  const scroll = window.scrollY;
  form.replaceChildren(...renderForm(ctx));
  errors.apply();
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

const ctx = createEditing({ store, ui, errors, getSchema: () => schema, render });

// --- loading whole plans -------------------------------------------------------------

function replacePlan(plan, message) {
  const previous = store.plan;
  const hadContent = previous && !isBlank(previous);
  errors.clear();
  store.load(plan);
  window.scrollTo(0, 0);
  if (hadContent) {
    ctx.offerUndo(previous, message, {
      label: "Quay lại bản nháp trước", done: "Đã quay lại bản nháp trước.", kind: "success", timeout: 15000,
    });
  } else {
    notify(message, { kind: "success" });
  }
}

store.addEventListener("load", () => render());
store.addEventListener("structure", (event) => render({ focus: event.detail.focus }));

// --- toolbar ------------------------------------------------------------------------

async function withBusy(button, work) {
  if (button.getAttribute("aria-busy") === "true") return;
  button.setAttribute("aria-busy", "true");
  const label = button.textContent;
  button.textContent = "Đang tạo…";
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
      const { blob, filename } = await renderPlan(store.plan, format);
      errors.clear();
      saveBlob(blob, filename);
      notify(`Đã tạo tệp ${filename}.`, { kind: "success" });
    } catch (error) {
      showApiError(error);
    }
  });
}

async function loadExamples() {
  const select = document.getElementById("example-select");
  const open = document.getElementById("btn-example");
  try {
    const examples = await fetchExamples();
    select.replaceChildren(h("option", { value: "" }, "— Chọn một kế hoạch mẫu —"),
      ...examples.map((example) => h("option", { value: example.url, dataset: { name: example.name } },
        example.summary ? `${example.summary}` : example.name)));
    select.disabled = false;
    open.disabled = false;
  } catch {
    select.replaceChildren(h("option", { value: "" }, "Không tải được danh sách mẫu"));
  }
  open.addEventListener("click", async () => {
    if (!select.value) {
      notify("Hãy chọn một kế hoạch mẫu trong danh sách trước.", { kind: "info" });
      select.focus();
      return;
    }
    try {
      const plan = await fetchExample(select.value);
      replacePlan(plan, `Đã mở kế hoạch mẫu “${select.selectedOptions[0].dataset.name}”.`);
    } catch (error) {
      showApiError(error);
    }
  });
}

function wireToolbar() {
  document.getElementById("btn-new").addEventListener("click", async () => {
    const ok = await confirmAction({
      heading: "Bắt đầu kế hoạch mới?",
      message: "Toàn bộ nội dung đang soạn sẽ bị xoá khỏi biểu mẫu và khỏi bản nháp lưu trong trình duyệt. Nếu cần giữ lại, hãy “Tải về JSON” trước.",
      confirmLabel: "Xoá và bắt đầu mới",
    });
    if (!ok) return;
    clearDraft();
    errors.clear();
    hideNotice();
    store.load(emptyPlan());
    window.scrollTo(0, 0);
    notify("Đã bắt đầu kế hoạch mới.", { kind: "success" });
    document.getElementById("f-issuer-name").focus();
  });

  const fileInput = document.getElementById("file-input");
  document.getElementById("btn-upload").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (!file) return;
    try {
      replacePlan(await readPlanFile(file), `Đã mở tệp “${file.name}”.`);
    } catch (error) {
      notify(error.message, { kind: "error" });
    } finally {
      fileInput.value = "";
    }
  });

  document.getElementById("btn-json").addEventListener("click", () => {
    downloadJson(store.plan);
    notify("Đã tải về tệp JSON của kế hoạch.", { kind: "success" });
  });
  const docx = document.getElementById("btn-docx");
  docx.addEventListener("click", () => download("docx", docx));
  const pdf = document.getElementById("btn-pdf");
  pdf.addEventListener("click", () => download("pdf", pdf));
}

function savedText(date, restored = false) {
  const time = date.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const day = date.toLocaleDateString("vi-VN");
  return restored
    ? `Đã khôi phục bản nháp lưu lúc ${time} ngày ${day}`
    : `Đã tự động lưu bản nháp lúc ${time}`;
}

// --- start -----------------------------------------------------------------------------

async function boot() {
  try {
    schema = new PlanSchema(await fetchSchema());
  } catch (error) {
    form.replaceChildren(h("p", { class: "field-error" },
      `Không tải được định dạng kế hoạch từ máy chủ: ${error.message}. Hãy tải lại trang.`));
    statusLine.textContent = "Chưa sẵn sàng";
    return;
  }
  const draft = loadDraft();
  store.plan = draft ? draft.plan : emptyPlan();
  render();
  statusLine.textContent = draft
    ? savedText(new Date(draft.savedAt || Date.now()), true)
    : "Bản nháp được tự động lưu trong trình duyệt này";
  startAutosave(store, {
    onSaved: (date) => { statusLine.textContent = savedText(date); },
    onFailed: () => {
      statusLine.textContent = "Không lưu được bản nháp trong trình duyệt (bộ nhớ đầy?) – hãy “Tải về JSON”";
    },
  });
  form.addEventListener("submit", (event) => event.preventDefault()); // Enter in a field never reloads
  setupMarkup(form);
  createPreview({ getPlan: () => store.plan, onInvalid: showApiError });
  wireToolbar();
  loadExamples();
  document.body.dataset.ready = "true";
}

boot();
