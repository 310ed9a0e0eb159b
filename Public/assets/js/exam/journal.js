// The per-attempt journal in localStorage: the next seq and every answer the server has not yet
// acknowledged. It survives a reload, a crash of the tab and a dead network; the saver replays it.
//
// Shape: {owner: "clientId:page load", nextSeq: n, entries: {slot: {seq: n|null, response, at}}}. An entry whose seq is
// null is still being typed (held back a moment before sending) and gets its seq when it is released, so
// entries become sendable in seq order and the server's lastSeq is always below every unsent seq.

const PREFIX = 'pufa.exam.journal.';
// This page load. A duplicated tab inherits the clientId with sessionStorage, but not this: the journal's owner
// is both, so the older of two tabs sharing a clientId still learns that the newer one took over.
const INSTANCE = Math.random().toString(36).slice(2, 10);

function storage() {
  try {
    const s = window.localStorage;
    s.setItem(PREFIX + 'probe', '1');
    s.removeItem(PREFIX + 'probe');
    return s;
  } catch (e) {
    return null;
  }
}

/**
 * Opens the journal of attempt id for this tab (clientId) and merges it with what the server holds
 * (lastSeq): entries with a seq at or below lastSeq were stored, or were overtaken by saves made
 * elsewhere, and are dropped. Returns the journal object; persist() after every change.
 */
export function openJournal(id, clientId, lastSeq) {
  const owner = clientId + ':' + INSTANCE;
  const store = storage();
  const key = PREFIX + id;
  let data = null;
  if (store) {
    try {
      data = JSON.parse(store.getItem(key) || 'null');
    } catch (e) {
      data = null;
    }
  }
  if (!data || typeof data !== 'object' || !data.entries) data = { nextSeq: 1, entries: {} };
  const server = Number(lastSeq) || 0;
  Object.keys(data.entries).forEach(function (slot) {
    const e = data.entries[slot];
    if (!e || (e.seq !== null && e.seq !== undefined && e.seq <= server)) delete data.entries[slot];
  });
  data.nextSeq = Math.max(Number(data.nextSeq) || 1, server + 1);
  data.owner = owner;

  const journal = {
    available: Boolean(store),
    entries: data.entries,
    /** Takes the next seq and remembers that it is used. */
    takeSeq: function () {
      const seq = data.nextSeq;
      data.nextSeq = seq + 1;
      return seq;
    },
    /** Raises the counter past a seq the server reported (never lowers it). */
    seen: function (seq) {
      if (seq >= data.nextSeq) data.nextSeq = seq + 1;
    },
    count: function () { return Object.keys(data.entries).length; },
    /**
     * Writes the journal back, unless another tab of this browser has taken it over meanwhile (it wrote
     * its own clientId): then this tab no longer owns the attempt and must not write.
     */
    persist: function (claim) {
      if (!store) return true;
      try {
        const current = JSON.parse(store.getItem(key) || 'null');
        if (!claim && current && current.owner && current.owner !== owner) return false;
        store.setItem(key, JSON.stringify(data));
      } catch (e) {
        // Full or forbidden: the answers still go to the server; only the crash safety net is missing.
      }
      return true;
    },
    /** Deletes the journal (after submitting, or when this tab lost the attempt), if this tab still owns it. */
    clear: function () {
      data.entries = {};
      journal.entries = data.entries;
      if (!store) return;
      try {
        const current = JSON.parse(store.getItem(key) || 'null');
        if (!current || !current.owner || current.owner === owner) store.removeItem(key);
      } catch (e) {
        // Nothing more to do.
      }
    },
  };
  // Opening is resuming: this tab now owns the journal.
  journal.persist(true);
  return journal;
}

/** Removes the journal of a finished attempt, whoever wrote it. */
export function dropJournal(id) {
  const store = storage();
  if (store) {
    try {
      store.removeItem(PREFIX + id);
    } catch (e) {
      // Ignored.
    }
  }
}
