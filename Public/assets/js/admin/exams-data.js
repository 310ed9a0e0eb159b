// 考试 data: the organizer's exam API (permission exams.manage), the choices the forms offer, Beijing-time
// conversion for the datetime-local inputs, percentages, CSV text and its download (UTF-8 with BOM, so Excel
// and WPS open it as Chinese), and small helpers the section's views share (translated text that follows a
// language switch, options, the score bands, integrity activity as words).
import { request } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export const REVIEW = ['none', 'score', 'answersAfterClose', 'answersImmediately'];
export const COUNTING = ['highest', 'last'];
export const SCORING = ['allOrNothing', 'partial'];
export const TYPES = ['single', 'multiple', 'judge', 'blank', 'case'];
export const DIFFICULTIES = [1, 2, 3, 4, 5];

function path(id) {
  return encodeURIComponent(id);
}

export const examAdminApi = {
  list: function () { return request('GET', '/api/v1/exams'); },
  get: function (id) { return request('GET', '/api/v1/exams/' + path(id)); },
  create: function (input) { return request('POST', '/api/v1/exams', input); },
  /** Only while the exam is a draft; 409 exam_published afterwards. */
  update: function (id, input) { return request('PUT', '/api/v1/exams/' + path(id), input); },
  roster: function (id) { return request('GET', '/api/v1/exams/' + path(id) + '/roster'); },
  /** Replaces the roster: every official in unitIds (and their sub-units) plus the listed usernames. */
  setRoster: function (id, unitIds, usernames) {
    return request('PUT', '/api/v1/exams/' + path(id) + '/roster', { unitIds: unitIds, usernames: usernames });
  },
  publish: function (id) { return request('POST', '/api/v1/exams/' + path(id) + '/publish'); },
  report: function (id) { return request('GET', '/api/v1/exams/' + path(id) + '/report'); },
  /** Case-analysis answers still waiting for a hand mark: {items}. */
  marking: function (id) { return request('GET', '/api/v1/exams/' + path(id) + '/marking'); },
  /** One hand mark (0…points; 422 outside) → {attemptId, score, maxScore, passed}. */
  mark: function (attemptId, slot, mark, comment) {
    return request('PUT', '/api/v1/attempts/' + path(attemptId) + '/marks/' + path(slot), { mark: mark, comment: comment });
  },
  /** Item analysis: {test, questions}. */
  statistics: function (id) { return request('GET', '/api/v1/exams/' + path(id) + '/statistics'); },
  overrides: function (id) { return request('GET', '/api/v1/exams/' + path(id) + '/overrides'); },
  /** Extra minutes and a later close for the listed people (and units) → the whole list. */
  setOverrides: function (id, input) { return request('PUT', '/api/v1/exams/' + path(id) + '/overrides', input); },
};

/** The address of one exam's page: view is 'edit', 'roster', 'report', 'marking', 'statistics' or 'overrides'. */
export function examHash(view, id) {
  return '#/exams?view=' + view + '&id=' + encodeURIComponent(id);
}

const OFFSET_MS = 8 * 3600 * 1000;

function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

/**
 * ISO UTC → "2025-06-01T09:00" for a datetime-local input, in Beijing time. China keeps UTC+8 all year,
 * so a fixed offset is exact and needs no time-zone data (which some in-app browsers lack).
 */
export function toLocalInput(iso) {
  const ms = Date.parse(iso || '');
  if (isNaN(ms)) return '';
  const d = new Date(ms + OFFSET_MS);
  return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + 'T' +
    pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
}

/** "2025-06-01T09:00" (Beijing time) → "2025-06-01T01:00:00.000Z"; '' or malformed → null. */
export function fromLocalInput(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value || '');
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] || 0)) - OFFSET_MS;
  return new Date(ms).toISOString();
}

/** The current year in Beijing. */
export function beijingYear() {
  return new Date(Date.now() + OFFSET_MS).getUTCFullYear();
}

/** A percentage as the report gives it (0–100) → "87.5%"; null → "—". */
export function percentText(percent) {
  if (percent === null || percent === undefined || isNaN(percent)) return '—';
  return (Math.round(Number(percent) * 10) / 10).toFixed(1) + '%';
}

/** A number with at most one decimal; null → "—". */
export function numberText(n) {
  if (n === null || n === undefined || isNaN(n)) return '—';
  return String(Math.round(Number(n) * 10) / 10);
}

// A cell starting with = + - @ would run as a formula in Excel; a leading apostrophe keeps it text.
function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** rows (arrays) → CSV text with a BOM and CRLF line ends. */
export function toCsv(rows) {
  return '\ufeff' + rows.map(function (r) { return r.map(csvCell).join(','); }).join('\r\n') + '\r\n';
}

/** Saves text as a file the browser downloads. */
export function download(filename, text, type) {
  const blob = new Blob([text], { type: type || 'text/csv;charset=utf-8' });
  if (window.navigator && window.navigator.msSaveOrOpenBlob) {
    window.navigator.msSaveOrOpenBlob(blob, filename);
    return;
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  setTimeout(function () {
    document.body.removeChild(a);
    URL.revokeObjectURL(url);
  }, 1000);
}

/** "1.5" → 1.5; '' or not a number → NaN. */
export function num(value) {
  const text = String(value === undefined || value === null ? '' : value).trim();
  return text === '' ? NaN : Number(text);
}

/** The paper's total: fixed items' points, or each rule's count × points. */
export function paperTotal(paper) {
  if (!paper) return 0;
  if (paper.fixed) return paper.fixed.reduce(function (s, i) { return s + (Number(i.points) || 0); }, 0);
  if (paper.blueprint) return paper.blueprint.reduce(function (s, r) { return s + (Number(r.count) || 0) * (Number(r.points) || 0); }, 0);
  return 0;
}

/** The number of questions a paper holds. */
export function paperCount(paper) {
  if (!paper) return 0;
  if (paper.fixed) return paper.fixed.length;
  if (paper.blueprint) return paper.blueprint.reduce(function (s, r) { return s + (Number(r.count) || 0); }, 0);
  return 0;
}

/** Sets an element's text from a key, keeping key and arguments on it so a language switch rewrites it. */
export function say(el, key, args) {
  el.setAttribute('data-i18n', key);
  if (args) el.setAttribute('data-i18n-args', JSON.stringify(args));
  else el.removeAttribute('data-i18n-args');
  el.textContent = t(key, args);
}

/** An <option>: translated (key) or literal (text). */
export function option(value, selected, key, text) {
  return h('option', { value: value, selected: String(value) === String(selected), i18n: key || null }, key ? null : text);
}

/** The ten score bands of the report's distribution, in %. */
export const BANDS = ['0–10', '10–20', '20–30', '30–40', '40–50', '50–60', '60–70', '70–80', '80–90', '90–100'];

const EVENT_KINDS = ['visibility_hidden', 'copy', 'paste', 'offline', 'reconnect'];

/** {visibility_hidden: 2, paste: 1} → "离开页面 2 次，粘贴 1 次" (kinds the page does not know are shown raw). */
export function eventsText(events) {
  if (!events) return '';
  const parts = [];
  EVENT_KINDS.forEach(function (k) { if (events[k]) parts.push(t('exams.event.' + k, { n: events[k] })); });
  Object.keys(events).forEach(function (k) {
    if (EVENT_KINDS.indexOf(k) < 0 && k !== 'visibility_visible' && events[k]) parts.push(k + ' ' + events[k]);
  });
  return parts.join(t('exams.listSep'));
}
