// Drafts kept in the browser (IndexedDB): several plans, each with a name
// and its last change. A draft open in one tab is locked (Web Locks) so that
// a second tab is told and never overwrites it; tabs announce their saves on
// a BroadcastChannel. The single localStorage draft of earlier versions is
// moved in on first load.

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

/** The name a clerk recognizes a draft by: its summary, else the issuer. */
export function draftName(plan) {
  const summary = typeof plan?.summary === "string" ? plan.summary.trim() : "";
  const issuer = typeof plan?.issuer?.name === "string" ? plan.issuer.name.trim() : "";
  return summary || (issuer ? `Kế hoạch của ${issuer}` : "Kế hoạch chưa có trích yếu");
}

/** A copy for next year: the year moves on, the number and the day and
 * month are left for the records office (pure). */
export function forNextYear(plan) {
  const copy = structuredClone(plan);
  delete copy.number;
  const year = Number.isInteger(copy.date?.year) ? copy.date.year : new Date().getFullYear();
  copy.date = { year: year + 1 };
  if (typeof copy.summary === "string") copy.summary = copy.summary.replaceAll(String(year), String(year + 1));
  return copy;
}

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
    this.current = null; // {id, name, updatedAt}
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
      await this.put({ id: pending.id, name: draftName(pending.plan), updatedAt: pending.updatedAt, plan: pending.plan });
    }
    localStorage.removeItem(PENDING_KEY);
  }

  /** Keep `plan` synchronously for the next start (the page is going away). */
  stash(plan) {
    if (!this.current || this.readOnly) return;
    try {
      localStorage.setItem(PENDING_KEY, JSON.stringify({ id: this.current.id, updatedAt: new Date().toISOString(), plan }));
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

  remove(id) {
    return run(this.db, "readwrite", (store) => store.delete(id));
  }

  /** Every draft, the most recently changed first (without the plans). */
  async list() {
    const all = await run(this.db, "readonly", (store) => store.getAll());
    return all.map(({ id, name, updatedAt }) => ({ id, name, updatedAt }))
      .sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
  }

  /** Store `plan` as a new draft and make it the tab's current one. */
  async create(plan) {
    const record = { id: newId(), name: draftName(plan), updatedAt: new Date().toISOString(), plan };
    await this.put(record);
    await this.use(record);
    return record;
  }

  /** Make `record` the tab's draft; read-only when another tab has it. */
  async use(record) {
    this.releaseLock?.();
    this.releaseLock = null;
    this.current = { id: record.id, name: record.name, updatedAt: record.updatedAt };
    this.readOnly = !(await this.#lock(record.id));
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
      if (record) return record;
    }
    const [newest] = await this.list();
    return newest ? this.get(newest.id) : null;
  }

  async #lock(id) {
    if (!navigator.locks) return true;
    return new Promise((resolve) => {
      navigator.locks.request(`${CHANNEL}:${id}`, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        resolve(true);
        return new Promise((release) => { this.releaseLock = release; });
      });
    });
  }

  /** Save the current draft's plan (never when another tab owns it). */
  async save(plan) {
    if (!this.current || this.readOnly) return false;
    const record = { id: this.current.id, name: draftName(plan), updatedAt: new Date().toISOString(), plan };
    await this.put(record);
    this.current = { id: record.id, name: record.name, updatedAt: record.updatedAt };
    this.channel?.postMessage({ type: "saved", id: record.id, tab: this.tab });
    return true;
  }

  #heard(message) {
    if (!message || message.tab === this.tab) return;
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
