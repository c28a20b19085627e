// Starting a document: "Văn bản mới…" asks which kind (the kinds of GET
// /kinds, in their order: the plan first and focused), and the examples of
// every kind are offered in one list grouped by kind.

import { fetchExample, fetchKinds } from "../api/client.js";
import { h } from "./dom.js";
import { notify } from "./notice.js";

/** start(kindName): open a new, empty document of that kind;
 * openExample(document, title): open an example as a new draft. */
export function createNewDocument({ start, openExample, onError }) {
  const dialog = document.getElementById("new-dialog");
  const list = document.getElementById("new-kinds");
  const select = document.getElementById("example-select");
  const openButton = document.getElementById("btn-example");
  let kinds = [];

  function drawKinds() {
    list.replaceChildren(...kinds.map((kind) => h("li", {},
      h("button", {
        type: "button", class: "btn kind-choice", dataset: { kind: kind.name },
        on: { click: () => { dialog.close(); start(kind.name); } },
      }, h("span", { class: "kind-choice-name" }, kind.label),
      h("span", { class: "kind-choice-model" }, kind.type_name ? ` ${kind.model}` : ` ${kind.model}, không có dòng tên loại`)))));
  }

  function drawExamples() {
    select.replaceChildren(h("option", { value: "" }, "— Chọn một văn bản mẫu —"),
      ...kinds.filter((kind) => kind.examples.length).map((kind) => h("optgroup", { label: kind.label },
        kind.examples.map((example) => h("option", { value: example.url, dataset: { title: example.summary || "", kind: kind.label } },
          example.summary || `${kind.label} mẫu`)))));
    select.disabled = false;
    openButton.disabled = false;
  }

  async function load() {
    try {
      kinds = await fetchKinds();
      drawKinds();
      drawExamples();
    } catch {
      select.replaceChildren(h("option", { value: "" }, "Không tải được danh sách mẫu"));
      list.replaceChildren(h("li", { class: "field-error" }, "Không tải được các loại văn bản. Hãy tải lại trang."));
    }
  }

  document.getElementById("btn-new").addEventListener("click", () => {
    dialog.showModal();
    list.querySelector("button")?.focus(); // the plan, the usual choice
  });
  openButton.addEventListener("click", async () => {
    if (!select.value) {
      notify("Hãy chọn một văn bản mẫu trong danh sách trước.", { kind: "info" });
      select.focus();
      return;
    }
    const option = select.selectedOptions[0];
    try {
      await openExample(await fetchExample(select.value), `${option.dataset.kind} mẫu “${option.dataset.title}”`);
    } catch (error) {
      onError(error);
    }
  });
  load();
  return {
    /** The kinds as GET /kinds lists them (empty until they are loaded). */
    kinds: () => kinds,
  };
}
