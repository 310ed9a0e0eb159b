// This browser's quiz entries in localStorage, so a reload, a closed WeChat window or a dropped connection
// resumes where the resident was. The server has no "resume" endpoint: the token, the questions and every
// feedback live here. An answer is written here as pending before it is sent, and re-sent after a reload (the
// same answer again is answered as a replay, so nothing counts twice).
//
// Record: {entryId, token, roundId, roundTitle, startedAt, createdAt, secondsPerQuestion, questions,
//          feedback: {slot: QuizFeedback}, pending: {slot: response}, clockFrom: ms, result: QuizResult|null}

const KEY = 'pufa.quiz.entries';
const KEEP = 30;
let memory = {};

function readAll() {
  try {
    const raw = window.localStorage.getItem(KEY);
    const data = raw ? JSON.parse(raw) : null;
    return data && typeof data === 'object' ? data : {};
  } catch (e) {
    return memory;
  }
}

function writeAll(all) {
  memory = all;
  try {
    window.localStorage.setItem(KEY, JSON.stringify(all));
  } catch (e) {
    // Full or forbidden: the page still works until it is closed.
  }
}

/** Stores (or replaces) a record; the oldest records beyond the last 30 are forgotten. */
export function saveEntry(record) {
  const all = readAll();
  all[record.entryId] = record;
  const ids = Object.keys(all);
  if (ids.length > KEEP) {
    ids.sort(function (a, b) { return (all[a].createdAt || 0) - (all[b].createdAt || 0); });
    ids.slice(0, ids.length - KEEP).forEach(function (id) { delete all[id]; });
  }
  writeAll(all);
  return record;
}

export function loadEntry(entryId) {
  const record = readAll()[entryId];
  return record && record.token && Array.isArray(record.questions) ? record : null;
}

export function dropEntry(entryId) {
  const all = readAll();
  delete all[entryId];
  writeAll(all);
}

/** A record from the server's answer to "start", with the round's title for the lists. */
export function newRecord(started, roundTitle) {
  const now = Date.now();
  return {
    entryId: started.entryId,
    token: started.token,
    roundId: started.roundId,
    roundTitle: roundTitle || '',
    startedAt: started.startedAt,
    createdAt: now,
    secondsPerQuestion: started.secondsPerQuestion || null,
    questions: started.questions || [],
    feedback: {},
    pending: {},
    // The server times question n from the previous answer (or the start); this mirrors it on this device.
    clockFrom: now,
    result: null,
  };
}

/** This browser's records for a round, newest first. */
export function entriesOfRound(roundId) {
  const all = readAll();
  return Object.keys(all).map(function (id) { return all[id]; })
    .filter(function (r) { return r && String(r.roundId) === String(roundId); })
    .sort(function (a, b) { return (b.createdAt || 0) - (a.createdAt || 0); });
}

/** The unfinished entry of a round this browser is playing, if any. */
export function activeEntry(roundId) {
  const list = entriesOfRound(roundId).filter(function (r) { return !r.result && r.token; });
  return list.length ? list[0] : null;
}

/** The first question (in order) without feedback, or -1 when all are answered. */
export function nextIndex(record) {
  for (let i = 0; i < record.questions.length; i++) {
    if (!record.feedback[record.questions[i].slot]) return i;
  }
  return -1;
}

/** Correct answers so far. */
export function correctCount(record) {
  let n = 0;
  record.questions.forEach(function (q) {
    const f = record.feedback[q.slot];
    if (f && f.correct) n++;
  });
  return n;
}
