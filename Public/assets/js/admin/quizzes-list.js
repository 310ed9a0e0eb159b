// 竞答 list: every round, drafts included, newest first, with its status, its window (Beijing time), whether it is
// open, its prizes, and the way to each of its pages.
import { h, replace, formatTime } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { dataTable } from './table.js';
import { quizAdminApi, quizHash, phaseOf, prizesText } from './quizzes-data.js';

/** Draws the round list into container. */
export function renderQuizList(container, ctx) {
  const results = h('div', { class: 'results', id: 'quizzes-results', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('div', { class: 'section-head' },
      h('h1', { i18n: 'nav.quizzes' }),
      h('a', { class: 'btn btn-primary', href: '#/quizzes?view=new', id: 'quizzes-new', i18n: 'qadmin.new' })),
    h('p', { class: 'muted intro', i18n: 'qadmin.intro' }),
    results);
  load();

  function load() {
    results.setAttribute('aria-busy', 'true');
    replace(results, loadingView());
    quizAdminApi.list().then(function (data) {
      results.removeAttribute('aria-busy');
      draw(results, (data && data.items) || []);
    }, function (err) {
      results.removeAttribute('aria-busy');
      replace(results, errorView(err, load));
    });
  }
}

function draw(box, items) {
  if (!items.length) {
    replace(box, h('div', { class: 'card empty-state', id: 'quizzes-empty' },
      h('p', { class: 'empty-title', i18n: 'qadmin.empty' }),
      h('p', { class: 'muted', i18n: 'qadmin.emptyHint' }),
      h('a', { class: 'btn btn-primary', href: '#/quizzes?view=new', i18n: 'qadmin.new' })));
    return;
  }
  const rows = items.slice().sort(function (a, b) { return Date.parse(b.opensAt) - Date.parse(a.opensAt) || b.id - a.id; });
  const now = Date.now();
  const columns = [
    { label: 'qadmin.colTitle', class: 'exam-title-cell', cell: function (r) {
      return h('span', null, h('a', { href: quizHash('edit', r.id), class: 'exam-title-link', text: r.title }),
        r.topic ? h('span', { class: 'muted qa-topic', text: r.topic }) : null);
    } },
    { label: 'qadmin.colStatus', class: 'nowrap', cell: function (r) {
      const phase = phaseOf(r, now);
      return h('span', { class: 'chips' },
        h('span', { class: 'badge exam-status-' + r.status, i18n: 'qadmin.status.' + r.status }),
        phase === 'draft' ? null : h('span', { class: 'badge qa-phase-' + phase, i18n: 'qadmin.phase.' + phase }));
    } },
    { label: 'qadmin.colWindow', cell: function (r) {
      return h('span', { class: 'exam-window' }, h('span', { class: 'nowrap', text: formatTime(r.opensAt) }), ' — ',
        h('span', { class: 'nowrap', text: formatTime(r.closesAt) }));
    } },
    { label: 'qadmin.colPrizes', cell: function (r) {
      return (r.prizes || []).length ? prizesText(r.prizes) : h('span', { class: 'muted', i18n: 'qadmin.noPrizes' });
    } },
    { label: 'qadmin.colActions', class: 'actions', cell: function (r) {
      const args = { title: r.title };
      return h('div', { class: 'row-actions' },
        h('a', { class: 'btn btn-small', href: quizHash('edit', r.id), 'data-action': 'edit', i18n: r.status === 'draft' ? 'qadmin.edit' : 'qadmin.view',
          args: args, i18nAttr: { 'aria-label': r.status === 'draft' ? 'qadmin.editLabel' : 'qadmin.viewLabel' } }),
        h('a', { class: 'btn btn-small', href: quizHash('entries', r.id), 'data-action': 'entries', i18n: 'qadmin.tabEntries',
          args: args, i18nAttr: { 'aria-label': 'qadmin.entriesLabel' } }),
        (r.prizes || []).length ? h('a', { class: 'btn btn-small', href: quizHash('draw', r.id), 'data-action': 'draw', i18n: 'qadmin.tabDraw',
          args: args, i18nAttr: { 'aria-label': 'qadmin.drawLabel' } }) : null);
    } },
  ];
  replace(box, dataTable(columns, rows, { id: 'quizzes-table', caption: 'nav.quizzes' }));
}
