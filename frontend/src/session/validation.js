// Validation as the clerk types: the plan goes to POST /validate shortly
// after the last change; its errors appear next to their fields and in the
// summary, and disappear once fixed.

import { validatePlan } from "../api/client.js";

const DELAY_MS = 800;

const signature = (list) => JSON.stringify(list.map(({ path, code, message }) => [String(path ?? ""), code, message]));

export function startValidation(store, { getPlan, errors }) {
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

  store.addEventListener("change", () => {
    clearTimeout(timer);
    timer = setTimeout(check, DELAY_MS);
  });
  store.addEventListener("load", () => check());
  return { check };
}
