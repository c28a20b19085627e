// Drafts kept in the browser (IndexedDB): several plans, each with a name,
// its last change and the history of what was deleted in it (kept with the
// draft, so it survives a reload). A draft open in one tab is locked (Web
// Locks): a second tab is told, cannot edit it, and may take it over (the
// first tab saves, then becomes the one that only shows it). Tabs announce
// their saves on a BroadcastChannel. A deleted draft goes to the bin
// (`deletedAt`) and can be brought back. The single localStorage draft of
// earlier versions is moved in on first load.

import { DRAFT_KEY } from "./autosave.js";

const DB_NAME = "ke-hoach-nd30";
const STORE = "drafts";
const CHANNEL = "ke-hoach-nd30:drafts";
// The last edits of a tab being closed: IndexedDB may not finish writing
// while the page unloads, localStorage does (read back on the next start).
const PENDING_KEY = "ke-hoach-nd30:pending";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run(db, mode, work) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(result?.result ?? result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("aborted"));
  });
}

const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

/** The name a clerk recognizes a draft by: its summary, else the issuer
 * (its type is shown beside it: see `kind` of list()). */
export function draftName(plan) {
  const summary = typeof plan?.summary === "string" ? plan.summary.trim() : "";
  const issuer = typeof plan?.issuer?.name === "string" ? plan.issuer.name.trim() : "";
  return summary || (issuer ? `Văn bản của ${issuer}` : "Văn bản chưa có trích yếu");
}

/** The kind a stored document names; null for a plan saved without one
 * (every draft of the versions before kinds), which opens as a plan. */
const kindOf = (plan) => (typeof plan?.kind === "string" ? plan.kind : null);

export class Drafts extends EventTarget {
  /** Open the database and move an old localStorage draft in. */
  static async open() {
    const drafts = new Drafts(await open());
    await drafts.#migrate();
    await drafts.#recoverPending();
    return drafts;
  }

  constructor(db) {
    super();
    this.db = db;
    this.tab = newId();
    this.current = null; // {id, name, updatedAt, parent}
    this.deleted = []; // what was deleted in the current draft (view/deletions.js)
    this.readOnly = false;
    this.releaseLock = null;
    this.channel = "BroadcastChannel" in window ? new BroadcastChannel(CHANNEL) : null;
    this.channel?.addEventListener("message", (event) => this.#heard(event.data));
  }

  async #migrate() {
    let raw = null;
    try {
      raw = localStorage.getItem(DRAFT_KEY);
    } catch {
      return;
    }
    if (!raw) return;
    try {
      const old = JSON.parse(raw);
      if (old && typeof old.plan === "object" && old.plan) {
        await this.put({ id: newId(), name: draftName(old.plan), updatedAt: old.savedAt || new Date().toISOString(), plan: old.plan });
      }
      localStorage.removeItem(DRAFT_KEY); // only once it is safely in IndexedDB
    } catch {
      // unreadable old draft: leave it where it is
    }
  }

  async #recoverPending() {
    let pending = null;
    try {
      pending = JSON.parse(localStorage.getItem(PENDING_KEY) || "null");
    } catch {
      return;
    }
    if (!pending || !pending.id || typeof pending.plan !== "object") return;
    const stored = await this.get(pending.id);
    if (!stored || String(stored.updatedAt) <= String(pending.updatedAt)) {
      await this.put({
        ...stored, id: pending.id, name: draftName(pending.plan), updatedAt: pending.updatedAt, plan: pending.plan,
        deleted: pending.deleted ?? stored?.deleted ?? [],
      });
    }
    localStorage.removeItem(PENDING_KEY);
  }

  /** Keep `plan` synchronously for the next start (the page is going away). */
  stash(plan) {
    if (!this.current || this.readOnly) return;
    try {
      localStorage.setItem(PENDING_KEY, JSON.stringify({
        id: this.current.id, updatedAt: new Date().toISOString(), plan, deleted: this.deleted,
      }));
    } catch {
      // storage full: the IndexedDB save still runs
    }
  }

  put(record) {
    return run(this.db, "readwrite", (store) => store.put(record));
  }

  get(id) {
    return run(this.db, "readonly", (store) => store.get(id));
  }

  /** Every draft, the most recently changed first (without the plans);
   * `{bin: true}`: the deleted ones instead, the last deleted first. */
  async list({ bin = false } = {}) {
    const all = await run(this.db, "readonly", (store) => store.getAll());
    const key = bin ? "deletedAt" : "updatedAt";
    return all.filter((record) => Boolean(record.deletedAt) === bin)
      .map(({ id, name, updatedAt, deletedAt, plan, parent }) => ({ id, name, updatedAt, deletedAt, kind: kindOf(plan), parent: parent ?? null }))
      .sort((a, b) => String(b[key]).localeCompare(String(a[key])));
  }

  /** Put a draft in the bin (it stays in IndexedDB until restored). */
  async discard(id) {
    const record = await this.get(id);
    if (record) await this.put({ ...record, deletedAt: new Date().toISOString() });
    return record;
  }

  async restore(id) {
    const record = await this.get(id);
    if (!record) return null;
    delete record.deletedAt;
    await this.put(record);
    return record;
  }

  /** Store `plan` as a new draft and make it the tab's current one;
   * `parent`: the id of the draft it was made from and travels with (the
   * plan of a Tờ trình, a Quyết định, a Báo cáo drafted from it). */
  async create(plan, { parent = null } = {}) {
    const record = { id: newId(), name: draftName(plan), updatedAt: new Date().toISOString(), plan, deleted: [] };
    if (parent) record.parent = parent;
    await this.put(record);
    await this.use(record);
    return record;
  }

  /** Make `record` the tab's draft; read-only when another tab has it. */
  async use(record) {
    this.releaseLock?.();
    this.releaseLock = null;
    this.#adopt(record, !(await this.#lock(record.id)));
  }

  #adopt(record, readOnly) {
    this.current = { id: record.id, name: record.name, updatedAt: record.updatedAt, parent: record.parent ?? null };
    this.deleted = Array.isArray(record.deleted) ? record.deleted : [];
    this.readOnly = readOnly;
    try {
      sessionStorage.setItem(`${CHANNEL}:current`, record.id);
      localStorage.setItem(`${CHANNEL}:last`, record.id);
    } catch {
      // private mode: the tab simply opens the latest draft next time
    }
    this.dispatchEvent(new CustomEvent("current", { detail: { readOnly: this.readOnly } }));
  }

  /** The draft this tab had, else the last one used, else the newest. */
  async initial() {
    const wanted = [];
    try {
      wanted.push(sessionStorage.getItem(`${CHANNEL}:current`), localStorage.getItem(`${CHANNEL}:last`));
    } catch {
      // storage unavailable
    }
    for (const id of wanted.filter(Boolean)) {
      const record = await this.get(id);
      if (record && !record.deletedAt) return record;
    }
    const [newest] = await this.list();
    return newest ? this.get(newest.id) : null;
  }

  async #lock(id, { steal = false } = {}) {
    if (!navigator.locks) return true;
    return new Promise((resolve) => {
      navigator.locks.request(`${CHANNEL}:${id}`, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        resolve(true);
        return new Promise((release) => { this.releaseLock = release; });
      }).catch(() => {
        // the lock was taken over by another tab ("taken" on the channel says so)
      });
    });
  }

  /** Save the current draft's plan (never when another tab owns it). */
  async save(plan) {
    if (!this.current || this.readOnly) return false;
    const record = { id: this.current.id, name: draftName(plan), updatedAt: new Date().toISOString(), plan, deleted: this.deleted };
    if (this.current.parent) record.parent = this.current.parent;
    await this.put(record);
    this.current = { ...this.current, name: record.name, updatedAt: record.updatedAt };
    this.channel?.postMessage({ type: "saved", id: record.id, tab: this.tab });
    return true;
  }

  /** Take the current draft over from the tab that has it: that tab saves
   * its last edits and stops editing; this one then edits the latest. */
  async takeOver() {
    if (!this.current) return null;
    const id = this.current.id;
    const released = new Promise((resolve) => {
      const done = (event) => {
        if (event.data?.type === "released" && event.data.id === id) resolve();
      };
      this.channel?.addEventListener("message", done);
      setTimeout(resolve, 2000); // the other tab may be gone or frozen: its last save is what counts
    });
    await this.#lock(id, { steal: true });
    this.channel?.postMessage({ type: "taken", id, tab: this.tab });
    await released;
    const record = await this.get(id);
    this.#adopt(record, false); // with the lock just taken (released and asked again, it might not be free yet)
    return record;
  }

  /** Another tab took this draft over: after the page saved, tell it. */
  yieldDraft() {
    this.readOnly = true;
    this.releaseLock?.();
    this.releaseLock = null;
    this.channel?.postMessage({ type: "released", id: this.current?.id, tab: this.tab });
    this.dispatchEvent(new CustomEvent("current", { detail: { readOnly: true, takenElsewhere: true } }));
  }

  #heard(message) {
    if (!message || message.tab === this.tab) return;
    if (message.type === "taken" && this.current && message.id === this.current.id && !this.readOnly) {
      this.dispatchEvent(new CustomEvent("taken"));
      return;
    }
    if (message.type === "saved" && this.current && message.id === this.current.id) {
      // Another tab changed this draft: stop saving over it.
      this.readOnly = true;
      this.dispatchEvent(new CustomEvent("current", { detail: { readOnly: true, changedElsewhere: true } }));
    }
    this.dispatchEvent(new CustomEvent("listchanged"));
  }

  /** Ask the lock again (after the other tab closed or moved on). */
  async retake() {
    if (!this.current) return false;
    const record = await this.get(this.current.id);
    if (record) await this.use(record);
    return !this.readOnly;
  }
}
