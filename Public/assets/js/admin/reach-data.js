// 成效: the dashboard's filters as a hash, the API calls, and how figures are written (counts, rates, seconds, "—").
import { request, query } from '../api.js';
import { t, getLang } from '../i18n.js';

export const FILTERS = ['from', 'to', 'content', 'campaign', 'region', 'unit', 'group', 'channel'];
export const CHANNELS = ['', 'inbox', 'robot', 'share', 'feed', 'quiz'];

/** "2026-11-22": the Beijing day `daysBack` days before today. */
export function beijingDay(daysBack) {
  const d = new Date(Date.now() + 8 * 3600 * 1000 - (daysBack || 0) * 86400 * 1000);
  return d.toISOString().slice(0, 10);
}

/** The filter of a hash's params, the range defaulting to the last 30 Beijing days. */
export function filterOf(params) {
  const f = {};
  FILTERS.forEach(function (k) { if (params[k]) f[k] = params[k]; });
  if (!f.from) f.from = beijingDay(29);
  if (!f.to) f.to = beijingDay(0);
  return f;
}

export function qs(f, extra) {
  const all = Object.assign({}, f, extra || {});
  Object.keys(all).forEach(function (k) { if (all[k] === '' || all[k] === null || all[k] === undefined) delete all[k]; });
  return query(all);
}

export const reachApi = {
  summary: function (f) { return request('GET', '/api/v1/reach/summary' + qs(f)); },
  funnel: function (f) { return request('GET', '/api/v1/reach/funnel' + qs(f)); },
  series: function (f) { return request('GET', '/api/v1/reach/series' + qs(f)); },
  breakdown: function (f, by) { return request('GET', '/api/v1/reach/breakdown' + qs(f, { by: by })); },
  top: function (f) { return request('GET', '/api/v1/reach/top-content' + qs(f)); },
  notReached: function (campaign, page) {
    return request('GET', '/api/v1/reach/not-reached' + query({ campaign: campaign, page: page || 1, pageSize: 50 }));
  },
  yearly: function (year) { return request('GET', '/api/v1/reach/yearly' + query({ year: year })); },
  campaigns: function () { return request('GET', '/api/v1/campaigns'); },
  tasks: function () { return request('GET', '/api/v1/study-tasks'); },
  notFinished: function (task, page) {
    return request('GET', '/api/v1/reach/not-finished' + query({ task: task, page: page || 1, pageSize: 50 }));
  },
};

/** A measure's value as shown on its tile. */
export function formatMeasure(id, value) {
  if (value === null || value === undefined) return '—';
  if (/Rate$|Completion$|Conversion$/.test(id)) return percent(value);
  if (id === 'engagedTime') return t('reach.seconds', { n: Math.round(value) });
  return count(value);
}

export function percent(value) {
  return value === null || value === undefined ? '—' : (Math.round(value * 1000) / 10) + '%';
}

export function count(n) { return Number(n || 0).toLocaleString(getLang() === 'en' ? 'en' : 'zh-CN'); }

/** The half of a "中文 / English" text in the current language. */
export function inLanguage(text) {
  const cut = (text || '').indexOf('/ ');
  if (cut < 0) return text || '';
  return getLang() === 'en' ? text.slice(cut + 2).trim() : text.slice(0, cut).trim();
}
