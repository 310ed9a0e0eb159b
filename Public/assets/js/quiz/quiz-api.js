// The residents' quiz API (no account: a device id per browser, an entry token per entry) and the
// wording of its refusals. request() adds the CSRF header, fetching the session cookie first when needed.
import { request, query, ApiError } from '../api.js';
import { t, has } from '../i18n.js';
import { describeError } from '../feedback.js';
import { pickLanguage } from './format.js';

function seg(value) {
  return encodeURIComponent(value);
}

export const quizApi = {
  /** {items: [round]}: open first, then recently closed, then upcoming. */
  rounds: function () { return request('GET', '/api/v1/quiz/rounds'); },
  round: function (id) { return request('GET', '/api/v1/quiz/rounds/' + seg(id)); },
  /** → {entryId, token, roundId, startedAt, secondsPerQuestion, questions}. */
  start: function (roundId, deviceId) {
    // Came from a reading page's 学完测一测 (?from=<slug>): said with the resident's profile token, so the reach
    // dashboard can count readers who went on to a quiz. Anonymous starts carry neither.
    const from = new URLSearchParams(location.search).get('from');
    let token = null;
    try { token = localStorage.getItem('pufa.profileToken'); } catch (e) { token = null; }
    const body = { deviceId: deviceId };
    if (from) { body.from = from; if (token) body.token = token; }
    return request('POST', '/api/v1/quiz/rounds/' + seg(roundId) + '/entries', body);
  },
  /** → {slot, correct, late, key, explanation, basis, quote, replayed, answered, total, readMore}. */
  answer: function (entryId, slot, token, response) {
    return request('PUT', '/api/v1/quiz/entries/' + seg(entryId) + '/answers/' + seg(slot), { token: token, response: response });
  },
  /** body: {token, nickname?, phone?, regionId?} → the result with inDraw and drawNote for the owner. */
  finish: function (entryId, body) {
    return request('POST', '/api/v1/quiz/entries/' + seg(entryId) + '/finish', body);
  },
  /** Counts that the resident opened the related reading (once per entry; failures do not matter to them). */
  read: function (entryId, token) {
    return request('POST', '/api/v1/quiz/entries/' + seg(entryId) + '/read', { token: token }).catch(function () { return null; });
  },
  /** The public result card (no phone). */
  card: function (entryId) { return request('GET', '/api/v1/quiz/entries/' + seg(entryId)); },
  leaderboard: function (roundId) { return request('GET', '/api/v1/quiz/leaderboard' + query({ roundId: roundId })); },
  regions: function () { return request('GET', '/api/v1/regions'); },
};

/**
 * A refusal in plain words. 429s say when to come back; validation messages ("中文 / English; …") are cut to
 * the page's language; everything else falls back to the shared wording.
 */
export function quizError(err) {
  if (!(err instanceof ApiError)) return describeError(err);
  if (err.code === 'rate_limited') {
    return err.retryAfter ? t('quiz.error.rateLimited', { seconds: err.retryAfter }) : t('quiz.error.rateLimitedSoon');
  }
  if (err.code === 'entry_limit') return pickLanguage(err.serverMessage) + t('quiz.error.entryLimitTail');
  if (err.code === 'validation_failed') return problems(err).join(t('quiz.listSep'));
  if (has('quiz.error.' + err.code)) return t('quiz.error.' + err.code);
  return describeError(err);
}

/** The server's list of problems ("a / A; b / B"), each in the page's language. */
export function problems(err) {
  const text = err && err.serverMessage ? err.serverMessage : '';
  return text.split(/;\s*/).map(pickLanguage).filter(function (p) { return p; });
}

const DEVICE_KEY = 'pufa.device';
let memoryDevice = null;

/** This browser's device id: 32 hex characters, made once and kept (the server stores only a keyed digest). */
export function deviceId() {
  try {
    let id = window.localStorage.getItem(DEVICE_KEY);
    if (!/^[0-9a-f]{32}$/.test(id || '')) {
      id = randomHex(16);
      window.localStorage.setItem(DEVICE_KEY, id);
    }
    return id;
  } catch (e) {
    // Storage forbidden (private mode in some in-app browsers): one id for this page's life.
    if (!memoryDevice) memoryDevice = randomHex(16);
    return memoryDevice;
  }
}

function randomHex(bytes) {
  const buf = new Uint8Array(bytes);
  if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(buf);
  else for (let i = 0; i < buf.length; i++) buf[i] = Math.floor(Math.random() * 256);
  let out = '';
  for (let i = 0; i < buf.length; i++) out += (buf[i] < 16 ? '0' : '') + buf[i].toString(16);
  return out;
}
