// Autosave: the plan goes to its draft (drafts.js, IndexedDB) shortly after
// every edit, and at once when the tab is hidden or closed, so a closed tab
// or a crash loses nothing.

/** Where versions before IndexedDB kept their single draft (migrated by drafts.js). */
export const DRAFT_KEY = "ke-hoach-nd30:draft";
const DELAY_MS = 400;

/**
 * Save `getPlan()` into `drafts` after each change of `store`.
 * `onSaved(date)`, `onSkipped()` (another tab owns the draft) and
 * `onFailed()` report to the page.
 */
export function startAutosave(store, drafts, { getPlan, onSaved, onSkipped, onFailed }) {
  let timer = null;

  const save = async () => {
    clearTimeout(timer);
    timer = null;
    try {
      if (await drafts.save(getPlan())) onSaved(new Date());
      else onSkipped();
    } catch {
      onFailed();
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  };
  store.addEventListener("change", schedule);
  /** Save pending edits now; the promise settles once they are stored
   * (before another draft opens in their place). */
  const flush = () => {
    const plan = getPlan(); // also writes the body editor's pending keystrokes into the plan
    if (timer === null) return Promise.resolve();
    drafts.stash(plan);
    return save();
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  return { flush, save, schedule };
}
