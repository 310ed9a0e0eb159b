// 题库 list: full-text search (two characters or more), filters for bank, type, status, difficulty, law,
// audience and category, paging. The state lives in the hash, so Back and reload keep it.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView } from '../feedback.js';
import { dataTable, pager, hashFor, pageParam } from './table.js';
import { questionApi, loadQuestionRefs, TYPES, STATUSES, AUDIENCES, DIFFICULTIES, categoryChoices, lawsOf, charCount } from './questions-data.js';

const PAGE_SIZE = 20;
const FILTERS = ['bankId', 'type', 'status', 'difficulty', 'law', 'audience', 'category'];
const STEM_CHARS = 80;

let lastListHash = '#/questions';

/** The list as the user last left it (search, filters, page). */
export function listHash() {
  return lastListHash;
}

/** "← 返回题目列表", back to the list as the user last left it. */
export function backToList() {
  return h('a', { class: 'back-link', href: lastListHash, i18n: 'questions.backToList' });
}

/** Draws the question list for params {q, bankId, type, …, page} into container. */
export function renderQuestionList(container, ctx, params) {
  const filter = { q: params.q || '' };
  FILTERS.forEach(function (k) { filter[k] = params[k] || ''; });
  const page = pageParam(params.page, 1);
  lastListHash = hashFor('questions', Object.assign({}, filter, { page: page }));
  const results = h('div', { class: 'results', id: 'questions-results', 'aria-busy': 'true' }, loadingView());
  const formBox = h('div', { id: 'questions-search-box' });
  replace(container,
    h('div', { class: 'section-head' },
      h('h1', { i18n: 'nav.questions' }),
      h('div', { class: 'head-actions' },
        h('a', { class: 'btn', href: '#/questions?view=import', id: 'questions-import-link', i18n: 'questions.import' }),
        h('a', { class: 'btn', href: '#/questions?view=export', id: 'questions-export-link', i18n: 'questions.export' }),
        h('a', { class: 'btn btn-primary', href: hashFor('questions', { view: 'new', bankId: filter.bankId }), id: 'questions-new', i18n: 'questions.new' }))),
    formBox,
    results);
  const refsReady = loadQuestionRefs().catch(function () { return { banks: [], categories: [] }; });
  refsReady.then(function (refs) { replace(formBox, searchForm(ctx, filter, refs)); });
  load();

  function load() {
    results.setAttribute('aria-busy', 'true');
    replace(results, loadingView());
    const ask = { q: filter.q, page: page, pageSize: PAGE_SIZE };
    FILTERS.forEach(function (k) { ask[k] = filter[k]; });
    Promise.all([questionApi.list(ask), refsReady]).then(function (answers) {
      results.removeAttribute('aria-busy');
      drawList(results, answers[0], answers[1], filter);
    }, function (err) {
      results.removeAttribute('aria-busy');
      replace(results, errorView(err, load));
    });
  }
}

function choice(value, selected, key, text) {
  return h('option', { value: value, selected: String(value) === String(selected), i18n: key || null }, key ? null : text);
}

function select(name, labelKey, allKey, choices, selected) {
  const id = 'qf-' + name;
  return h('div', { class: 'field' },
    h('label', { for: id, i18n: labelKey }),
    h('select', { id: id, name: name }, choice('', selected, allKey), choices));
}

function searchForm(ctx, filter, refs) {
  const qError = h('p', { class: 'field-error', id: 'qf-q-error', role: 'alert', hidden: true, i18n: 'questions.searchTooShort' });
  const qInput = h('input', { type: 'search', id: 'qf-q', name: 'q', value: filter.q, autocomplete: 'off',
    'aria-describedby': 'qf-q-hint' });
  const active = FILTERS.filter(function (k) { return filter[k]; }).length;
  const form = h('form', { class: 'q-search', role: 'search', id: 'questions-search', novalidate: true },
    h('div', { class: 'toolbar' },
      h('div', { class: 'field field-grow' },
        h('label', { for: 'qf-q', i18n: 'questions.search' }),
        qInput,
        h('p', { class: 'hint', id: 'qf-q-hint', i18n: 'questions.searchHint' }),
        qError),
      h('div', { class: 'field field-button' },
        h('button', { type: 'submit', class: 'btn btn-primary', id: 'questions-search-button', i18n: 'questions.searchButton' }))),
    h('details', { class: 'q-filters', id: 'questions-filters', open: active > 0 || window.innerWidth >= 760 },
      h('summary', null, h('span', { i18n: 'questions.filters' }),
        active ? h('span', { class: 'badge badge-count', i18n: 'questions.filtersActive', args: { n: active } }) : null),
      h('div', { class: 'q-filter-grid' },
        select('bankId', 'questions.bank', 'questions.allBanks', refs.banks.map(function (b) {
          return choice(b.id, filter.bankId, null, b.name);
        }), filter.bankId),
        select('type', 'questions.type', 'questions.allTypes', TYPES.map(function (v) { return choice(v, filter.type, 'qtype.' + v); }), filter.type),
        select('status', 'questions.status', 'questions.allStatuses', STATUSES.map(function (v) { return choice(v, filter.status, 'qstatus.' + v); }), filter.status),
        select('difficulty', 'questions.difficulty', 'questions.allDifficulties', DIFFICULTIES.map(function (v) {
          return choice(v, filter.difficulty, 'difficulty.' + v);
        }), filter.difficulty),
        select('law', 'questions.law', 'questions.allLaws', lawsOf(refs.banks).map(function (law) {
          return choice(law, filter.law, null, law);
        }), filter.law),
        select('audience', 'questions.audience', 'questions.allAudiences', AUDIENCES.map(function (v) {
          return choice(v, filter.audience, 'audience.' + v);
        }), filter.audience),
        select('category', 'questions.category', 'questions.allCategories', categoryChoices(refs.categories).map(function (c) {
          return choice(c.value, filter.category, null, '\u3000'.repeat(c.depth) + c.name);
        }), filter.category)),
      active ? h('p', { class: 'q-clear' }, h('a', { href: hashFor('questions', { q: filter.q }), id: 'questions-clear', i18n: 'questions.clearFilters' })) : null));
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const q = form.elements.q.value.trim();
    if (q && charCount(q) < 2) {
      qError.hidden = false;
      qInput.setAttribute('aria-invalid', 'true');
      qInput.setAttribute('aria-describedby', 'qf-q-error qf-q-hint');
      qInput.focus();
      return;
    }
    const next = { q: q };
    FILTERS.forEach(function (k) { next[k] = form.elements[k].value; });
    ctx.go(hashFor('questions', next));
  });
  qInput.addEventListener('input', function () {
    if (qError.hidden) return;
    qError.hidden = true;
    qInput.removeAttribute('aria-invalid');
    qInput.setAttribute('aria-describedby', 'qf-q-hint');
  });
  return form;
}

function drawList(box, data, refs, filter) {
  const items = data.items || [];
  const filtered = filter.q || FILTERS.some(function (k) { return filter[k]; });
  if (!items.length) {
    replace(box, filtered ? noMatch() : emptyBank());
    return;
  }
  const banks = {};
  refs.banks.forEach(function (b) { banks[b.id] = b.name; });
  const columns = [
    { label: 'questions.colType', class: 'nowrap q-cell-meta', cell: function (q) { return h('span', { class: 'chip chip-type', i18n: 'qtype.' + q.type }); } },
    { label: 'questions.colStem', class: 'q-stem-cell', cell: function (q) {
      return [
        h('a', { href: editHash(q.id), class: 'q-stem-link', title: q.stem, text: truncate(q.stem) }),
        banks[q.bankId] ? h('span', { class: 'q-bank-name muted', text: banks[q.bankId] }) : null,
      ];
    } },
    { label: 'questions.colBasis', class: 'q-basis-cell', cell: function (q) { return q.basis || ''; } },
    { label: 'questions.colDifficulty', class: 'nowrap q-cell-meta q-cell-difficulty', cell: function (q) { return h('span', { i18n: 'difficulty.' + q.difficulty }); } },
    { label: 'questions.colStatus', class: 'nowrap q-cell-meta', cell: function (q) {
      return h('span', { class: 'badge qstatus-' + q.status, i18n: 'qstatus.' + q.status });
    } },
    { label: 'questions.colVersion', class: 'nowrap q-cell-meta', cell: function (q) { return h('span', { i18n: 'questions.versionN', args: { n: q.version } }); } },
    { label: 'questions.colActions', class: 'actions q-cell-actions', cell: function (q) {
      return h('a', { class: 'btn btn-small', href: editHash(q.id), 'data-action': 'edit', i18n: 'questions.edit',
        args: { id: q.id }, i18nAttr: { 'aria-label': 'questions.editLabel' } });
    } },
  ];
  const total = data.total || 0;
  replace(box,
    h('p', { class: 'q-count', id: 'questions-count', role: 'status', i18n: filtered ? 'questions.found' : 'questions.total', args: { n: total } }),
    dataTable(columns, items, { id: 'questions-table', caption: 'nav.questions' }),
    pager(data.page || 1, data.pageSize || PAGE_SIZE, total, function (p) {
      return hashFor('questions', Object.assign({}, filter, { page: p }));
    }));
}

function editHash(id) {
  return '#/questions?view=edit&id=' + encodeURIComponent(id);
}

function truncate(stem) {
  const chars = Array.from((stem || '').replace(/\s+/g, ' ').trim());
  return chars.length > STEM_CHARS ? chars.slice(0, STEM_CHARS - 1).join('') + '…' : chars.join('');
}

function noMatch() {
  return h('div', { class: 'card empty-state', id: 'questions-empty' },
    h('p', { class: 'empty-title', i18n: 'questions.noMatch' }),
    h('p', { class: 'muted', i18n: 'questions.noMatchHint' }),
    h('a', { class: 'btn', href: '#/questions', i18n: 'questions.clearAll' }));
}

function emptyBank() {
  return h('div', { class: 'card empty-state', id: 'questions-empty' },
    h('p', { class: 'empty-title', i18n: 'questions.emptyBank' }),
    h('p', { class: 'muted', i18n: 'questions.emptyBankHint' }),
    h('a', { class: 'btn btn-primary', href: '#/questions?view=import', i18n: 'questions.importFirst' }));
}
