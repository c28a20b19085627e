// Validation as the clerk types: the plan goes to POST /validate shortly
// after the last change; its errors appear next to their fields and in the
// summary, and disappear once fixed.

import { validatePlan } from "../api/client.js";

const DELAY_MS = 800;

const signature = (list) => JSON.stringify(list.map(({ path, code, message }) => [String(path ?? ""), code, message]));

/** getPlan(): the plan with pending edits; errors: ErrorView;
 * isUntouched(plan): a new document nobody has written in yet. */
export function startValidation(store, { getPlan, errors, isUntouched }) {
  let timer = null;
  let running = null;

  async function check() {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    try {
      const found = await validatePlan(getPlan(), controller.signal);
      // The same answer again changes nothing on screen: no redraw while typing.
      if (running === controller && signature(found) !== signature(errors.errors)) errors.set(found);
    } catch {
      // offline or busy: the next change tries again; downloads report errors too
    }
  }

  store.addEventListener("change", (event) => {
    if (event.detail.type === "load") return; // checked at once below
    clearTimeout(timer);
    timer = setTimeout(check, DELAY_MS);
  });
  store.addEventListener("load", () => {
    clearTimeout(timer);
    // A new, empty plan is not wrong yet: its errors wait for the first edit.
    if (isUntouched(getPlan())) errors.clear();
    else check();
  });
  return { check };
}
