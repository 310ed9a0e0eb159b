// 内容 list: every piece (drafts and retired ones too), newest change first, filtered in the page by status,
// audience and words. The filters live in the address (replaced as one types, so Back leaves the section rather
// than undoing each keystroke), so reload and shared links keep them.
import { h, replace, formatTime } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { dataTable, hashFor } from './table.js';
import { contentApi, STATUSES, AUDIENCES, visibility, beijingToday, readerHref, editHash } from './content-data.js';

const FILTERS = ['q', 'status', 'audience'];
let lastListHash = '#/content';

/** "← 返回内容列表", back to the list as the user last left it. */
export function backToList() {
  return h('a', { class: 'back-link', href: lastListHash, i18n: 'contentAdmin.backToList' });
}

/** The list as the user last left it. */
export function listHash() {
  return lastListHash;
}

/** Draws the list for params {q, status, audience} into container. */
export function renderContentList(container, ctx, params) {
  const filter = {};
  FILTERS.forEach(function (k) { filter[k] = params[k] || ''; });
  lastListHash = hashFor('content', filter);
  const results = h('div', { class: 'results', id: 'content-results', 'aria-busy': 'true' }, loadingView());
  const form = filterForm(filter, function () { draw(); });
  replace(container,
    h('div', { class: 'section-head' },
      h('h1', { i18n: 'nav.content' }),
      h('div', { class: 'head-actions' },
        h('a', { class: 'btn', href: '#/content?view=import', id: 'content-import-link', i18n: 'contentAdmin.import' }),
        h('a', { class: 'btn btn-primary', href: '#/content?view=new', id: 'content-new', i18n: 'contentAdmin.new' }))),
    h('p', { class: 'intro muted', i18n: 'contentAdmin.listIntro' }),
    form,
    results);
  let items = null;
  load();

  function load() {
    results.setAttribute('aria-busy', 'true');
    replace(results, loadingView());
    contentApi.list().then(function (data) {
      results.removeAttribute('aria-busy');
      items = (data.items || []).slice().sort(function (a, b) {
        return a.updatedAt === b.updatedAt ? (a.slug < b.slug ? -1 : 1) : (a.updatedAt < b.updatedAt ? 1 : -1);
      });
      draw();
    }, function (err) {
      results.removeAttribute('aria-busy');
      replace(results, errorView(err, load));
    });
  }

  function draw() {
    FILTERS.forEach(function (k) { filter[k] = form.elements[k].value.trim(); });
    lastListHash = hashFor('content', filter);
    if (location.hash !== lastListHash && history.replaceState) history.replaceState(null, '', lastListHash);
    if (items) drawList(results, items, filter);
  }
}

function filterForm(filter, onChange) {
  function select(name, labelKey, allKey, values, keyPrefix) {
    const id = 'cf-' + name;
    return h('div', { class: 'field' }, h('label', { for: id, i18n: labelKey }),
      h('select', { id: id, name: name },
        h('option', { value: '', i18n: allKey }),
        values.map(function (v) { return h('option', { value: v, selected: v === filter[name], i18n: keyPrefix + v }); })));
  }
  const form = h('form', { class: 'content-filters', id: 'content-filters', role: 'search', novalidate: true },
    h('div', { class: 'toolbar' },
      h('div', { class: 'field field-grow' }, h('label', { for: 'cf-q', i18n: 'contentAdmin.filterText' }),
        h('input', { type: 'search', id: 'cf-q', name: 'q', value: filter.q, autocomplete: 'off', 'aria-describedby': 'cf-q-hint',
          'aria-controls': 'content-results' }),
        h('p', { class: 'hint', id: 'cf-q-hint', i18n: 'contentAdmin.filterTextHint' })),
      select('status', 'contentAdmin.status', 'contentAdmin.allStatuses', STATUSES, 'contentAdmin.statusName.'),
      select('audience', 'contentAdmin.audience', 'contentAdmin.allAudiences', AUDIENCES, 'audience.')));
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);
  // Filtering follows every keystroke; Enter has nothing more to do.
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  return form;
}

/** Whether piece matches the words: every word in its title, summary, topics, basis or address. */
function matches(piece, filter) {
  if (filter.status && piece.status !== filter.status) return false;
  if (filter.audience && (piece.audiences || []).indexOf(filter.audience) < 0) return false;
  const hay = [piece.title, piece.summary, piece.slug].concat(piece.topics || [], piece.basis || []).join(' ').toLowerCase();
  return filter.q.toLowerCase().split(/\s+/).filter(Boolean).every(function (w) { return hay.indexOf(w) >= 0; });
}

function drawList(box, all, filter) {
  const items = all.filter(function (p) { return matches(p, filter); });
  const filtered = FILTERS.some(function (k) { return filter[k]; });
  const count = h('p', { class: 'q-count', id: 'content-count', role: 'status',
    i18n: filtered ? 'contentAdmin.found' : 'contentAdmin.total', args: { n: items.length, all: all.length } });
  if (!items.length) {
    replace(box, count, all.length ? noMatch() : empty());
    return;
  }
  const today = beijingToday();
  replace(box, count, dataTable([
    { label: 'contentAdmin.colTitle', class: 'c-title-cell', cell: function (p) {
      return [h('a', { class: 'q-stem-link', href: editHash(p.slug), text: p.title }),
        h('span', { class: 'c-slug mono muted', text: p.slug })];
    } },
    { label: 'contentAdmin.colStatus', class: 'c-cell-status', cell: function (p) { return statusCell(p, today); } },
    { label: 'contentAdmin.colAudiences', class: 'c-cell-audiences', cell: function (p) {
      return h('span', { class: 'chips' }, (p.audiences || []).map(function (a) { return h('span', { class: 'chip', i18n: 'audience.' + a }); }));
    } },
    { label: 'contentAdmin.colDates', class: 'nowrap c-cell-dates', cell: function (p) { return dates(p); } },
    { label: 'contentAdmin.colVersion', class: 'nowrap c-cell-meta', cell: function (p) {
      return h('span', { i18n: 'contentAdmin.versionN', args: { n: p.version } });
    } },
    { label: 'contentAdmin.colUpdated', class: 'nowrap c-cell-meta c-cell-updated', cell: function (p) {
      return h('time', { datetime: p.updatedAt, text: formatTime(p.updatedAt).slice(0, 16) });
    } },
    { label: 'contentAdmin.colActions', class: 'actions c-cell-actions', cell: function (p) {
      return h('div', { class: 'row-actions' },
        h('a', { class: 'btn btn-small', href: editHash(p.slug), 'data-action': 'edit', i18n: 'contentAdmin.edit',
          args: { title: p.title }, i18nAttr: { 'aria-label': 'contentAdmin.editLabel' } }),
        visibility(p, today) === 'live' ? h('a', { class: 'btn btn-small', href: readerHref(p.slug), target: '_blank', rel: 'noopener',
          'data-action': 'read', i18n: 'contentAdmin.read', args: { title: p.title }, i18nAttr: { 'aria-label': 'contentAdmin.readLabel' } }) : null);
    } },
  ], items.map(function (p) { return Object.assign({ id: p.slug }, p); }), { id: 'content-table', caption: 'nav.content' }));
}

/** The status badge and, for a published piece, whether readers see it today. */
export function statusCell(p, today) {
  const seen = visibility(p, today);
  return [h('span', { class: 'badge cstatus-' + p.status, i18n: 'contentAdmin.statusName.' + p.status }),
    seen === 'hidden' ? null : h('span', { class: 'c-visibility c-visibility-' + seen, i18n: 'contentAdmin.visibility.' + seen })];
}

function dates(p) {
  return h('span', { class: 'c-dates' },
    p.publish ? h('span', { i18n: 'contentAdmin.publishOn', args: { date: p.publish } }) : h('span', { i18n: 'contentAdmin.publishAtOnce' }),
    p.expire ? h('span', { i18n: 'contentAdmin.expireOn', args: { date: p.expire } }) : null);
}

function noMatch() {
  return h('div', { class: 'card empty-state', id: 'content-empty' },
    h('p', { class: 'empty-title', i18n: 'contentAdmin.noMatch' }),
    h('a', { class: 'btn', href: '#/content', i18n: 'contentAdmin.clearFilters' }));
}

function empty() {
  return h('div', { class: 'card empty-state', id: 'content-empty' },
    h('p', { class: 'empty-title', i18n: 'contentAdmin.empty' }),
    h('p', { class: 'muted', i18n: 'contentAdmin.emptyHint' }),
    h('a', { class: 'btn btn-primary', href: '#/content?view=new', i18n: 'contentAdmin.new' }));
}
