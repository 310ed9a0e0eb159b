// 考试 list: every exam the organizer may see (their unit subtree; all for an admin), newest first, with
// its window, roster size and how many have handed in, and the way to each of its pages.
import { h, replace, formatTime } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { dataTable } from './table.js';
import { examAdminApi, examHash } from './exams-data.js';

/** Draws the exam list into container. */
export function renderExamList(container, ctx) {
  const results = h('div', { class: 'results', id: 'exams-results', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('div', { class: 'section-head' },
      h('h1', { i18n: 'nav.exams' }),
      h('a', { class: 'btn btn-primary', href: '#/exams?view=new', id: 'exams-new', i18n: 'exams.new' })),
    h('p', { class: 'muted intro', i18n: 'exams.intro' }),
    // Organizers manage the exams of their unit subtree; without a unit there is nothing they may manage.
    (ctx.user.roles || []).indexOf('admin') < 0 && (ctx.user.unitId === null || ctx.user.unitId === undefined)
      ? h('p', { class: 'notice', id: 'exams-no-unit', i18n: 'exams.noUnit' }) : null,
    results);
  load();

  function load() {
    results.setAttribute('aria-busy', 'true');
    replace(results, loadingView());
    examAdminApi.list().then(function (data) {
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
    replace(box, h('div', { class: 'card empty-state', id: 'exams-empty' },
      h('p', { class: 'empty-title', i18n: 'exams.empty' }),
      h('p', { class: 'muted', i18n: 'exams.emptyHint' }),
      h('a', { class: 'btn btn-primary', href: '#/exams?view=new', i18n: 'exams.new' })));
    return;
  }
  const columns = [
    { label: 'exams.colTitle', class: 'exam-title-cell', cell: function (e) {
      return h('a', { href: examHash('edit', e.id), class: 'exam-title-link', text: e.title });
    } },
    { label: 'exams.colYear', class: 'nowrap', cell: function (e) { return String(e.year || ''); } },
    { label: 'exams.colStatus', class: 'nowrap', cell: function (e) {
      return h('span', { class: 'badge exam-status-' + e.status, i18n: 'exams.status.' + e.status });
    } },
    { label: 'exams.colWindow', cell: function (e) {
      return h('span', { class: 'exam-window' }, h('span', { class: 'nowrap', text: formatTime(e.opensAt) }), ' — ',
        h('span', { class: 'nowrap', text: formatTime(e.closesAt) }));
    } },
    { label: 'exams.colDuration', class: 'nowrap', cell: function (e) { return h('span', { i18n: 'exams.minutes', args: { n: e.durationMinutes } }); } },
    { label: 'exams.colRoster', class: 'num', cell: function (e) { return String(e.rosterCount || 0); } },
    { label: 'exams.colSubmitted', class: 'num', cell: function (e) { return String(e.submittedCount || 0); } },
    { label: 'exams.colActions', class: 'actions', cell: function (e) {
      const args = { title: e.title };
      return h('div', { class: 'row-actions' },
        h('a', { class: 'btn btn-small', href: examHash('edit', e.id), 'data-action': 'edit', i18n: e.status === 'draft' ? 'exams.edit' : 'exams.view',
          args: args, i18nAttr: { 'aria-label': e.status === 'draft' ? 'exams.editLabel' : 'exams.viewLabel' } }),
        h('a', { class: 'btn btn-small', href: examHash('roster', e.id), 'data-action': 'roster', i18n: 'exams.tabRoster',
          args: args, i18nAttr: { 'aria-label': 'exams.rosterLabel' } }),
        h('a', { class: 'btn btn-small', href: examHash('report', e.id), 'data-action': 'report', i18n: 'exams.tabReport',
          args: args, i18nAttr: { 'aria-label': 'exams.reportLabel' } }));
    } },
  ];
  replace(box, dataTable(columns, items, { id: 'exams-table', caption: 'nav.exams' }));
}
