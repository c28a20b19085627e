// "Soạn văn bản kèm theo…": from the plan being edited, the documents that
// travel with it (the kinds GET /kinds marks `companion`: its Tờ trình, the
// Quyết định that issues it, the Báo cáo on its results), drafted by POST
// /companions/<kind>; each opens as a new draft linked to the plan's.
// The body that proposes the plan (it signs the Tờ trình; a decision says
// "Theo đề nghị của …") is asked here, required where the server says so.

import { ApiError, draftCompanion } from "../api/client.js";
import { h } from "./dom.js";

const PROPOSER_FIELDS = {
  "issuer.name": "proposer-name",
  "issuer.abbreviation": "proposer-abbreviation",
  "signatory.title": "proposer-title",
  "signatory.name": "proposer-signer",
};

/** kinds(): GET /kinds; getPlan(): the plan being edited; isPlan(): whether
 * the open draft is a plan; open(document, kind): open it as a new draft
 * linked to the plan's; showPlanErrors(error): the plan's own errors shown
 * in the form. */
export function createCompanions({ kinds, getPlan, isPlan, open, showPlanErrors, notify }) {
  const dialog = document.getElementById("companion-dialog");
  const form = document.getElementById("companion-form");
  const choices = document.getElementById("companion-kinds");
  const proposer = document.getElementById("companion-proposer");
  const hint = document.getElementById("companion-proposer-hint");
  const message = document.getElementById("companion-message");
  const input = (id) => document.getElementById(id);

  const chosen = () => form.querySelector("input[name=companion-kind]:checked")?.value;
  const needsProposer = () => Boolean(kinds().find((entry) => entry.name === chosen())?.proposer_required);

  function explain() {
    hint.textContent = needsProposer()
      ? "Bắt buộc: cơ quan trình ký tờ trình."
      : "Không bắt buộc: nếu điền, quyết định in “Theo đề nghị của …”; để trống nếu không cần.";
  }

  function proposerValue() {
    const values = Object.fromEntries(Object.entries(PROPOSER_FIELDS).map(([path, id]) => [path, input(id).value.trim()]));
    if (!needsProposer() && Object.values(values).every((value) => !value)) return null;
    return {
      issuer: { name: values["issuer.name"], abbreviation: values["issuer.abbreviation"] },
      signatory: { title: values["signatory.title"], name: values["signatory.name"] },
    };
  }

  /** Messages about the proposer go under its fields; the plan's to the form. */
  function showErrors(error) {
    const own = error.errors.filter((entry) => String(entry.path).startsWith("proposer"));
    for (const id of Object.values(PROPOSER_FIELDS)) input(id).removeAttribute("aria-invalid");
    if (own.length && own.length === error.errors.length) {
      message.replaceChildren(h("p", {}, "Cần điền đủ thông tin cơ quan trình:"),
        h("ul", {}, own.map((entry) => h("li", {}, entry.message))));
      for (const entry of own) {
        const id = PROPOSER_FIELDS[String(entry.path).replace(/^proposer\.?/, "")];
        if (id) input(id).setAttribute("aria-invalid", "true");
      }
      (own.map((entry) => PROPOSER_FIELDS[String(entry.path).replace(/^proposer\.?/, "")]).filter(Boolean).map(input)[0] || input("proposer-name")).focus();
      return;
    }
    dialog.close();
    showPlanErrors(error);
    notify("Kế hoạch còn lỗi nên chưa soạn được văn bản kèm theo: hãy sửa các lỗi được liệt kê rồi thử lại.", { kind: "error" });
  }

  form.addEventListener("change", explain);
  input("companion-cancel").addEventListener("click", () => dialog.close());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const kind = chosen();
    const go = input("companion-go");
    if (!kind || go.getAttribute("aria-busy") === "true") return;
    go.setAttribute("aria-busy", "true");
    message.replaceChildren();
    try {
      const drafted = await draftCompanion(kind, { plan: getPlan(), proposer: proposerValue() });
      dialog.close();
      await open(drafted, kinds().find((entry) => entry.name === kind));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.errors.length) showErrors(error);
      else message.replaceChildren(error.message);
    } finally {
      go.removeAttribute("aria-busy");
    }
  });

  document.getElementById("btn-companion").addEventListener("click", () => {
    if (!isPlan()) {
      notify("Văn bản kèm theo được soạn từ một kế hoạch: hãy mở bản nháp kế hoạch trước.", { kind: "info" });
      return;
    }
    const companions = kinds().filter((entry) => entry.companion);
    choices.replaceChildren(...companions.map((entry, index) => h("div", { class: "field-check" },
      h("input", { type: "radio", name: "companion-kind", id: `companion-${entry.name}`, value: entry.name, checked: index === 0 }),
      h("label", { for: `companion-${entry.name}` }, entry.companion_label || entry.label))));
    message.replaceChildren();
    explain();
    proposer.hidden = false;
    dialog.showModal();
    choices.querySelector("input")?.focus();
  });
}
