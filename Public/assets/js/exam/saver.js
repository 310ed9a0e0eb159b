// Per-answer autosave. Every change gets the next per-attempt seq, goes into the localStorage journal at
// once and is sent as PUT …/responses/{slot}, one request at a time in seq order. A network failure keeps
// the journal and retries with backoff (and at once when the browser says it is online again); 409
// taken_over stops everything, because another tab or device owns the attempt now.
import { examApi } from './exam-api.js';
import { openJournal } from './journal.js';

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];
/** Typing in a blank or a case answer is sent once the candidate pauses this long (or leaves the box). */
const TYPING_HOLD_MS = 700;

function transient(err) {
  const status = err && err.status;
  return !status || status >= 500 || status === 408 || status === 429;
}

/**
 * opts: attemptId, clientId, lastSeq, items (the AttemptView's), and callbacks
 *   onStatus(slot, 'none'|'saving'|'saved'|'unsaved'|'error'), onConnection(online, pendingCount),
 *   onSync(deadlineIso, serverTimeIso), onTakenOver(), onEnded(code), onError(err, slot), onSessionEnded().
 * Returns the saver; saver.responses holds the answers to show (the server's, overlaid by the journal's).
 */
export function createSaver(opts) {
  const journal = openJournal(opts.attemptId, opts.clientId, opts.lastSeq);
  const acked = {};
  const failed = {};
  const holds = {};
  const waiters = [];
  let inFlight = null;
  let retryTimer = null;
  let failures = 0;
  let offline = false;
  let stopped = false;
  const responses = {};

  (opts.items || []).forEach(function (it) {
    if (it.seq !== null && it.seq !== undefined) acked[it.slot] = it.seq;
    if (it.response) responses[it.slot] = it.response;
  });
  // What this device typed before a reload or crash and never got acknowledged wins over the server's copy;
  // anything still being typed then gets its seq now.
  Object.keys(journal.entries).forEach(function (slot) {
    const e = journal.entries[slot];
    if (e.seq === null || e.seq === undefined) e.seq = journal.takeSeq();
    responses[slot] = e.response;
  });
  journal.persist();

  function statusOf(slot) {
    if (failed[slot]) return 'error';
    const e = journal.entries[slot];
    if (!e) return acked[slot] !== undefined ? 'saved' : 'none';
    if ((inFlight && inFlight.slot === Number(slot)) || holds[slot]) return 'saving';
    return offline || stopped ? 'unsaved' : 'saving';
  }

  function emit(slot) {
    if (opts.onStatus) opts.onStatus(Number(slot), statusOf(slot));
  }

  function emitPending() {
    Object.keys(journal.entries).forEach(emit);
  }

  function settleWaiters(result) {
    const all = waiters.splice(0, waiters.length);
    all.forEach(function (w) { w(result); });
  }

  function record(slot, response, typing) {
    if (stopped) return;
    slot = Number(slot);
    responses[slot] = response;
    delete failed[slot];
    journal.entries[slot] = { seq: typing ? null : journal.takeSeq(), response: response, at: Date.now() };
    clearTimeout(holds[slot]);
    delete holds[slot];
    if (typing) holds[slot] = setTimeout(function () { release(slot); }, TYPING_HOLD_MS);
    if (!journal.persist()) {
      // Another tab of this browser resumed the attempt and owns the journal now.
      takenOver();
      return;
    }
    emit(slot);
    pump();
  }

  function release(slot) {
    clearTimeout(holds[slot]);
    delete holds[slot];
    const e = journal.entries[slot];
    if (e && (e.seq === null || e.seq === undefined)) {
      e.seq = journal.takeSeq();
      journal.persist();
    }
    emit(slot);
  }

  function flush() {
    Object.keys(holds).forEach(release);
    pump();
  }

  function next() {
    let best = null;
    Object.keys(journal.entries).forEach(function (slot) {
      const e = journal.entries[slot];
      if (e.seq === null || e.seq === undefined || holds[slot]) return;
      if (!best || e.seq < best.seq) best = { slot: Number(slot), seq: e.seq, response: e.response };
    });
    return best;
  }

  function pump() {
    if (stopped || inFlight || retryTimer) return;
    const item = next();
    if (!item) {
      if (!journal.count()) settleWaiters(true);
      return;
    }
    inFlight = item;
    emit(item.slot);
    examApi.save(opts.attemptId, item.slot, { seq: item.seq, clientId: opts.clientId, response: item.response })
      .then(function (reply) { saved(item, reply || {}); }, function (err) { failedSave(item, err); });
  }

  function saved(item, reply) {
    inFlight = null;
    if (stopped) return;
    failures = 0;
    const seq = typeof reply.seq === 'number' ? reply.seq : item.seq;
    acked[item.slot] = Math.max(acked[item.slot] || 0, seq);
    journal.seen(seq);
    const current = journal.entries[item.slot];
    if (current && current.seq !== null && current.seq <= item.seq) delete journal.entries[item.slot];
    journal.persist();
    if (reply.deadline && reply.serverTime && opts.onSync) opts.onSync(reply.deadline, reply.serverTime);
    if (offline) {
      offline = false;
      emitPending();
      if (opts.onConnection) opts.onConnection(true, journal.count());
    }
    emit(item.slot);
    pump();
  }

  function failedSave(item, err) {
    inFlight = null;
    if (stopped) return;
    const code = err && err.code;
    if (code === 'taken_over') {
      takenOver();
    } else if (code === 'deadline_passed' || code === 'not_in_progress') {
      stop();
      emitPending();
      if (opts.onEnded) opts.onEnded(code);
    } else if (err && err.status === 401) {
      // The session ended; the page shows the sign-in form. The journal stays for the next visit.
      stop();
      if (opts.onSessionEnded) opts.onSessionEnded();
    } else if (transient(err)) {
      offline = true;
      emitPending();
      if (opts.onConnection) opts.onConnection(false, journal.count());
      settleWaiters(false);
      const wait = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)];
      failures++;
      retryTimer = setTimeout(function () { retryTimer = null; pump(); }, wait + Math.floor(Math.random() * 400));
    } else {
      // The server will never take this answer (it says why); keep the rest of the exam going.
      delete journal.entries[item.slot];
      journal.persist();
      failed[item.slot] = true;
      emit(item.slot);
      if (opts.onError) opts.onError(err, item.slot);
      pump();
    }
  }

  function takenOver() {
    stop();
    // The unsent answers of this tab must not be replayed later over newer answers made elsewhere.
    journal.clear();
    settleWaiters(false);
    if (opts.onTakenOver) opts.onTakenOver();
  }

  function stop() {
    stopped = true;
    clearTimeout(retryTimer);
    retryTimer = null;
    Object.keys(holds).forEach(function (slot) { clearTimeout(holds[slot]); delete holds[slot]; });
    settleWaiters(false);
  }

  return {
    responses: responses,
    record: record,
    /** Sends whatever is being typed now (leaving a box, changing question, submitting). */
    flush: flush,
    /** Tries again at once (the browser is back online, or the candidate pressed 重试). */
    retryNow: function () {
      if (stopped) return;
      clearTimeout(retryTimer);
      retryTimer = null;
      failures = 0;
      flush();
    },
    /** Resolves true once every answer is acknowledged, false on a failure or after timeoutMs. */
    drain: function (timeoutMs) {
      if (stopped) return Promise.resolve(journal.count() === 0);
      const result = new Promise(function (resolve) {
        waiters.push(resolve);
        setTimeout(function () {
          const i = waiters.indexOf(resolve);
          if (i >= 0) waiters.splice(i, 1);
          resolve(journal.count() === 0);
        }, timeoutMs || 10000);
      });
      clearTimeout(retryTimer);
      retryTimer = null;
      flush();
      return result;
    },
    status: statusOf,
    pending: function () { return journal.count(); },
    isOffline: function () { return offline; },
    stop: stop,
    /** Forgets the journal (the attempt is submitted). */
    clear: function () { journal.clear(); },
  };
}
