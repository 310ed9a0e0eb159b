// 审计日志: a paged table of who changed what, newest first, times in Beijing time, the before/after
// JSON folded away in a <details> so the table stays readable.
import { api } from '../api.js';
import { h, replace, formatTime, labelOr } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { dataTable, pager, hashFor, pageParam } from './table.js';

const PAGE_SIZE = 20;

/** Draws page params.page of the audit log into container. */
export function renderAudit(container, ctx, params) {
  const page = pageParam(params.page, 1);
  const results = h('div', { class: 'results', id: 'audit-results', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('h1', { i18n: 'nav.audit' }),
    h('p', { class: 'muted intro', i18n: 'audit.intro' }),
    results);
  load();

  function load() {
    results.setAttribute('aria-busy', 'true');
    replace(results, loadingView());
    api.listAudit({ page: page, pageSize: PAGE_SIZE }).then(function (data) {
      results.removeAttribute('aria-busy');
      draw(results, data);
    }, function (err) {
      results.removeAttribute('aria-busy');
      replace(results, errorView(err, load));
    });
  }
}

function draw(box, data) {
  const items = data.items || [];
  if (!items.length) {
    replace(box, h('div', { class: 'card empty-state' }, h('p', { class: 'empty-title', i18n: 'audit.empty' })));
    return;
  }
  const columns = [
    { label: 'audit.colTime', class: 'nowrap', cell: function (e) { return h('time', { datetime: e.at, text: formatTime(e.at) }); } },
    { label: 'audit.colActor', cell: function (e) { return h('span', { class: 'mono', text: actorName(e.actor) }); } },
    { label: 'audit.colAction', cell: function (e) {
      return [labelOr('action.' + e.action, e.action), ' ', h('code', { class: 'code-hint', text: e.action })];
    } },
    { label: 'audit.colObject', cell: function (e) {
      return [labelOr('object.' + e.objectType, e.objectType || ''), e.objectId !== null && e.objectId !== undefined ? ' #' + e.objectId : ''];
    } },
    { label: 'audit.colChanges', class: 'changes', cell: changes },
  ];
  replace(box,
    dataTable(columns, items, { id: 'audit-table', caption: 'nav.audit' }),
    pager(data.page || 1, data.pageSize || PAGE_SIZE, data.total || 0, function (p) { return hashFor('audit', { page: p }); }));
}

// The actor may come as a name or as an object ({id, username}); show whatever names it best.
function actorName(actor) {
  if (actor === null || actor === undefined) return '—';
  if (typeof actor === 'object') return actor.username || actor.displayName || String(actor.id);
  return String(actor);
}

function changes(e) {
  const hasBefore = e.before !== null && e.before !== undefined;
  const hasAfter = e.after !== null && e.after !== undefined;
  if (!hasBefore && !hasAfter) return h('span', { class: 'muted', i18n: 'audit.noChanges' });
  return [
    hasBefore && hasAfter ? diffList(e.before, e.after) : null,
    h('details', { class: 'json-details' },
      h('summary', { i18n: 'audit.show' }),
      hasBefore ? h('div', null, h('p', { class: 'json-label', i18n: 'audit.before' }), h('pre', { class: 'json', text: pretty(e.before) })) : null,
      hasAfter ? h('div', null, h('p', { class: 'json-label', i18n: 'audit.after' }), h('pre', { class: 'json', text: pretty(e.after) })) : null),
  ];
}

// For an update, the fields that changed are the point of the entry: show them without unfolding.
function diffList(before, after) {
  if (typeof before !== 'object' || typeof after !== 'object') return null;
  const keys = [];
  Object.keys(before).concat(Object.keys(after)).forEach(function (k) {
    if (keys.indexOf(k) < 0 && pretty1(before[k]) !== pretty1(after[k])) keys.push(k);
  });
  if (!keys.length) return null;
  return h('ul', { class: 'diff' }, keys.map(function (k) {
    return h('li', null, h('span', { class: 'diff-key', text: k }), ' ',
      h('del', { text: short(before[k]) }), ' → ', h('ins', { text: short(after[k]) }));
  }));
}

function pretty1(value) {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function short(value) {
  const text = value === undefined ? '—' : JSON.stringify(value);
  return text.length > 60 ? text.slice(0, 57) + '…' : text;
}

function pretty(value) {
  try {
    return JSON.stringify(value, null, 2);
  } catch (err) {
    return String(value);
  }
}
