// Autosave: the plan goes to localStorage shortly after every edit, and at
// once when the tab is hidden or closed, so a closed tab or a crash loses
// nothing. One draft per browser profile and origin.

export const DRAFT_KEY = "ke-hoach-nd30:draft";
const DELAY_MS = 400;

/** The saved draft {plan, savedAt} or null. */
export function loadDraft() {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw);
    return draft && typeof draft.plan === "object" && draft.plan !== null ? draft : null;
  } catch {
    return null;
  }
}

export function clearDraft() {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // storage unavailable: nothing to clear
  }
}

/**
 * Save `store.plan` after each change. `onSaved(date)` and `onFailed()`
 * report to the page (the status line).
 */
export function startAutosave(store, { onSaved, onFailed }) {
  let timer = null;

  const save = () => {
    clearTimeout(timer);
    timer = null;
    try {
      const savedAt = new Date();
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ savedAt: savedAt.toISOString(), plan: store.plan }));
      onSaved(savedAt);
    } catch {
      onFailed();
    }
  };

  store.addEventListener("change", () => {
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
  const flush = () => {
    if (timer !== null) save();
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  return { flush, save };
}
