// The candidate's exam API (permission exams.take), the browser tab's clientId, and the small rules the
// exam pages share about responses (what counts as answered).
import { request } from '../api.js';

function path(id) {
  return encodeURIComponent(id);
}

export const examApi = {
  /** {items: [{id, title, state: upcoming|open|closed, attempts, canStart, …}]}. */
  mine: function () { return request('GET', '/api/v1/my/exams'); },
  /** Starts the next attempt or resumes the one in progress; this tab becomes its owner. → AttemptView. */
  start: function (examId, clientId) {
    return request('POST', '/api/v1/exams/' + path(examId) + '/attempts', { clientId: clientId });
  },
  /** The attempt; with clientId the tab takes the attempt over (resuming after a reload or on another device). */
  attempt: function (id, clientId) {
    return request('GET', '/api/v1/attempts/' + path(id) + (clientId ? '?clientId=' + encodeURIComponent(clientId) : ''));
  },
  /** One answer: {seq, clientId, response} → {slot, seq, stored, savedAt, deadline, serverTime}. */
  save: function (id, slot, body) {
    return request('PUT', '/api/v1/attempts/' + path(id) + '/responses/' + path(slot), body);
  },
  /** Hands the attempt in; idempotent. → Receipt. */
  submit: function (id, clientId) {
    return request('POST', '/api/v1/attempts/' + path(id) + '/submit', { clientId: clientId });
  },
  /** Integrity evidence (tab hidden, copy, paste, offline …); never blocks anything. */
  event: function (id, kind, at) {
    return request('POST', '/api/v1/attempts/' + path(id) + '/events', { kind: kind, at: at });
  },
};

const CLIENT_KEY = 'pufa.exam.clientId';
let memoryClientId = null;

/**
 * This tab's id, kept in sessionStorage so a reload stays the same "device" while a second tab or
 * another browser is a different one (the server then hands the attempt to whoever resumed last).
 */
export function clientId() {
  try {
    let id = window.sessionStorage.getItem(CLIENT_KEY);
    if (!id) {
      id = randomId();
      window.sessionStorage.setItem(CLIENT_KEY, id);
    }
    return id;
  } catch (e) {
    // Storage forbidden (some in-app browsers in private mode): one id for the page's life.
    if (!memoryClientId) memoryClientId = randomId();
    return memoryClientId;
  }
}

function randomId() {
  const bytes = new Uint8Array(12);
  if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return out;
}

/** Whether a response holds an answer (an emptied checkbox list or blank boxes do not). */
export function isAnswered(response) {
  if (!response) return false;
  if (Array.isArray(response.choice)) return response.choice.length > 0;
  if (response.judge === true || response.judge === false) return true;
  if (Array.isArray(response.blanks)) return response.blanks.some(function (b) { return String(b || '').trim() !== ''; });
  if (typeof response.text === 'string') return response.text.trim() !== '';
  return false;
}

/** Milliseconds since the epoch from an ISO string (NaN if missing or malformed). */
export function ms(iso) {
  return iso ? Date.parse(iso) : NaN;
}

/** 2 → "2", 1.5 → "1.5". */
export function formatPoints(n) {
  return String(Math.round(Number(n) * 100) / 100);
}
