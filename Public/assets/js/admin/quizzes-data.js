// 竞答 data: the staff API of public prize quizzes (permission quizzes.manage; a winner's whole phone needs
// personal.reveal), the public draw and its three files, addresses of the section's pages, the round's state
// in time (not yet open, open, closed) and small text helpers the views share.
import { request } from '../api.js';

function path(id) {
  return encodeURIComponent(id);
}

/** The server keeps answers open this long after the close; the list can be frozen only after it. */
export const GRACE_MS = 5000;

export const quizAdminApi = {
  list: function () { return request('GET', '/api/v1/quiz-rounds'); },
  get: function (id) { return request('GET', '/api/v1/quiz-rounds/' + path(id)); },
  create: function (input) { return request('POST', '/api/v1/quiz-rounds', input); },
  /** Only while the round is a draft; 409 round_published afterwards. */
  update: function (id, input) { return request('PUT', '/api/v1/quiz-rounds/' + path(id), input); },
  /** Fixes the draw rules and returns the round with their commitment (SHA-256), public from then on. */
  publish: function (id) { return request('POST', '/api/v1/quiz-rounds/' + path(id) + '/publish'); },
  entries: function (id) { return request('GET', '/api/v1/quiz-rounds/' + path(id) + '/entries'); },
  /** review: 'cleared' | 'excluded'; refused (422) once the eligible list is frozen. */
  review: function (id, entryId, review) {
    return request('PUT', '/api/v1/quiz-rounds/' + path(id) + '/entries/' + path(entryId) + '/review', { review: review });
  },
  /** Entries by day and place, score bands, hardest questions, readers of the related material. */
  stats: function (id) { return request('GET', '/api/v1/quiz-rounds/' + path(id) + '/stats'); },
  leaderboard: function (id) { return request('GET', '/api/v1/quiz/leaderboard?roundId=' + path(id)); },
  /** The public draw page's data: rules, commitment, frozen list digest, public value, winners (no codes). */
  draw: function (id) { return request('GET', '/api/v1/quiz/rounds/' + path(id) + '/draw'); },
  freeze: function (id) { return request('POST', '/api/v1/quiz-rounds/' + path(id) + '/draw/freeze'); },
  /** The draw with each winner's redemption code — the only time the codes are given out. */
  run: function (id, publicValue) { return request('POST', '/api/v1/quiz-rounds/' + path(id) + '/draw', { publicValue: publicValue }); },
  redeem: function (id, code) { return request('POST', '/api/v1/quiz-rounds/' + path(id) + '/redeem', { code: code }); },
  /** {entryId, phone}; written to the audit log. */
  revealPhone: function (id, entryId) {
    return request('POST', '/api/v1/quiz-rounds/' + path(id) + '/winners/' + path(entryId) + '/phone');
  },
};

/** The address of one of a round's published files: 'rules.json', 'eligible.txt' or 'result.json'. */
export function drawFileUrl(id, file) {
  return '/api/v1/quiz/rounds/' + path(id) + '/draw/' + file;
}

/** The address of one round's page: view is 'edit', 'entries' or 'draw'. */
export function quizHash(view, id) {
  return '#/quizzes?view=' + view + '&id=' + encodeURIComponent(id);
}

/** 'draft' | 'upcoming' | 'open' | 'closed', from the status and the window (the server's `open` when given). */
export function phaseOf(round, now) {
  if (round.status !== 'published') return 'draft';
  const at = now === undefined ? Date.now() : now;
  if (round.open) return 'open';
  if (at < Date.parse(round.opensAt)) return 'upcoming';
  if (at < Date.parse(round.closesAt)) return 'open';
  return 'closed';
}

/**
 * Milliseconds until the eligible list may be frozen (close + grace); 0 or less when it may. The API gives times
 * to the whole second (milliseconds dropped), so a second more keeps the button from opening before the server would.
 */
export function untilFreeze(closesAt, now) {
  return Date.parse(closesAt) + 1000 + GRACE_MS - (now === undefined ? Date.now() : now);
}

/** "普法读本 × 10、帆布袋 × 20"; '' without prizes. */
export function prizesText(prizes, sep) {
  return (prizes || []).map(function (p) { return p.name + ' × ' + p.count; }).join(sep || '、');
}

/** The number of winners the prizes call for. */
export function winnerCount(prizes) {
  return (prizes || []).reduce(function (s, p) { return s + (Number(p.count) || 0); }, 0);
}

/**
 * What the staff member typed as the lottery's numbers → the public value the server reads: digits and separators
 * become "numbers:…" (so the stored value says what it is); "numbers:"/"text:" values pass unchanged.
 */
export function publicValueOf(typed) {
  const text = (typed || '').trim();
  if (!text) return '';
  if (/^(numbers|text)\s*[:：]/i.test(text)) return text;
  if (/^[0-9０-９\s,，、]+$/.test(text)) return 'numbers:' + text.split(/[\s,，、]+/).filter(Boolean).join(' ');
  return text;
}

/** The exact command that checks the three files offline. */
export function verifyCommand(publicValue) {
  return 'pufa draw verify --rules rules.json --eligible eligible.txt --result result.json --public "' +
    String(publicValue || '').replace(/(["\\$`])/g, '\\$1') + '"';
}

/** Copies text to the clipboard; resolves true when it worked (older in-app browsers fall back to a selection). */
export function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallbackCopy(text); });
  }
  return Promise.resolve(fallbackCopy(text));
}

function fallbackCopy(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch (e) {
    ok = false;
  }
  document.body.removeChild(area);
  return ok;
}
