// HTTP client for the service's JSON API. URLs come from the page (data-*
// attributes on <body>, filled by Flask's url_for).

const urls = {
  schema: document.body.dataset.schemaUrl,
  conventions: document.body.dataset.conventionsUrl,
  kinds: document.body.dataset.kindsUrl,
  companions: document.body.dataset.companionsUrl,
  render: document.body.dataset.renderUrl,
  validate: document.body.dataset.validateUrl,
  import: document.body.dataset.importUrl,
  clipboard: document.body.dataset.clipboardUrl,
  importTable: document.body.dataset.importTableUrl,
  exportTasks: document.body.dataset.exportTasksUrl,
};

const NETWORK_MESSAGE = "Không kết nối được máy chủ. Bản nháp vẫn được lưu trong trình duyệt; hãy thử lại sau.";

/** An API failure in the service's error shape. */
export class ApiError extends Error {
  constructor({ status = 0, code = "network", message = NETWORK_MESSAGE, errors = [], retryAfter = null }) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = Array.isArray(errors) ? errors : [];
    this.retryAfter = retryAfter;
  }
}

async function request(url, options = {}) {
  let response;
  try {
    response = await fetch(url, options);
  } catch {
    throw new ApiError({});
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

async function errorFrom(response) {
  const retry = Number.parseInt(response.headers.get("Retry-After") || "", 10);
  let body = {};
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's error page): fall back to a generic message
  }
  return new ApiError({
    status: response.status,
    code: body.code || "http_error",
    message: body.message || `Máy chủ trả lỗi ${response.status}; hãy thử lại.`,
    errors: body.errors,
    retryAfter: Number.isFinite(retry) ? retry : null,
  });
}

export async function fetchSchema() {
  return (await request(urls.schema)).json();
}

/** The Decree 30 conventions the documents are written with (GET /conventions). */
export async function fetchConventions() {
  return (await request(urls.conventions)).json();
}

/** The kinds of document with their examples (GET /kinds):
 * [{name, label, type_name, model, companion, examples: [{name, summary, url}]}] */
export async function fetchKinds() {
  return (await request(urls.kinds)).json();
}

/** POST /companions/<kind>: the document of that kind drafted from `plan`
 * ({plan, proposer}); throws ApiError (422 with the plan's errors). */
export async function draftCompanion(kind, { plan, proposer = null }) {
  const response = await request(`${urls.companions}/${encodeURIComponent(kind)}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(proposer ? { plan, proposer } : { plan }),
  });
  return response.json();
}

export async function fetchExample(url) {
  return (await request(url)).json();
}

const MIME = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The attachment of a response: {blob, filename}. */
async function attachment(response, format, fallback) {
  const blob = await response.blob();
  const typed = blob.type ? blob : new Blob([blob], { type: MIME[format] });
  return { blob: typed, filename: filenameFrom(response.headers.get("Content-Disposition")) || fallback };
}

/** POST the plan to /render; {blob, filename} or throws ApiError. */
export async function renderPlan(plan, format) {
  const response = await request(`${urls.render}?format=${encodeURIComponent(format)}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: `${MIME[format]}, application/json` },
    body: JSON.stringify(plan),
  });
  return attachment(response, format, `ke-hoach.${format}`);
}

/** POST /export/tasks: the plan's task matrices as a workbook, {blob, filename}. */
export async function exportTasks(plan) {
  const response = await request(urls.exportTasks, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: `${MIME.xlsx}, application/json` },
    body: JSON.stringify(plan),
  });
  return attachment(response, "xlsx", "phan-cong.xlsx");
}

/** The file name of an attachment (RFC 6266, with RFC 5987 filename*). */
export function filenameFrom(disposition) {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
}

/** POST /validate: [] when the plan is valid, else the server's errors. */
export async function validatePlan(plan, signal) {
  try {
    await request(urls.validate, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(plan), signal,
    });
    return [];
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) return error.errors;
    throw error;
  }
}

/** POST /import with a Word file: {plan, warnings, fixes}. */
export async function importWord(file) {
  const data = new FormData();
  data.append("file", file, file.name);
  return (await request(urls.import, { method: "POST", body: data })).json();
}

/** POST /import/clipboard: the blocks the recognizer reads in pasted Word content. */
export async function importClipboard({ html, text }) {
  const response = await request(urls.clipboard, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ html, text }),
  });
  const result = await response.json();
  return { blocks: Array.isArray(result.blocks) ? result.blocks : [], warnings: Array.isArray(result.warnings) ? result.warnings : [] };
}

/** POST /import/table: a sheet (.xlsx, .csv file) or a pasted range ({html, text})
 * made into a table or a task matrix: {block, warnings}. */
export async function importTable(source) {
  let options;
  if (source instanceof Blob) {
    const data = new FormData();
    data.append("file", source, source.name);
    options = { method: "POST", body: data };
  } else {
    options = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ html: source.html || null, text: source.text || null }) };
  }
  const result = await (await request(urls.importTable, options)).json();
  return { block: result.block, warnings: Array.isArray(result.warnings) ? result.warnings : [] };
}
