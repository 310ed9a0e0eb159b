// The header every page of one exam shares: back link, title with status, the steps as tabs (settings and
// paper → roster → report, then marking, item analysis, extra time and regrading) and, while the exam is a draft, 发布 with a confirmation of what will happen.
import { h, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { announce } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { examAdminApi, examHash, paperCount, paperTotal } from './exams-data.js';

const TABS = [
  { view: 'edit', key: 'exams.tabSettings' },
  { view: 'roster', key: 'exams.tabRoster' },
  { view: 'report', key: 'exams.tabReport' },
  { view: 'marking', key: 'exams.tabMarking' },
  { view: 'statistics', key: 'exams.tabStatistics' },
  { view: 'overrides', key: 'exams.tabOverrides' },
  { view: 'regrade', key: 'exams.tabRegrade' },
];

/**
 * The header of an exam's pages: back link, title with status, the tabs (active: 'edit'|'roster'|'report'|'marking'|'statistics'|'overrides'|'regrade'),
 * and for a draft the 发布 button. onChanged(exam) runs after publishing.
 */
export function examHeader(ctx, exam, active, onChanged) {
  const draft = exam.status === 'draft';
  const publish = draft ? h('button', { type: 'button', class: 'btn btn-primary', id: 'exam-publish', i18n: 'exams.publish',
    onclick: function () { confirmPublish(ctx, exam, onChanged); } }) : null;
  return h('div', { class: 'exam-admin-head' },
    h('a', { class: 'back-link', href: '#/exams', i18n: 'exams.backToList' }),
    h('div', { class: 'section-head' },
      h('h1', { id: 'exam-admin-title' }, h('span', { text: exam.title }),
        h('span', { class: 'badge exam-status-' + exam.status, id: 'exam-status', i18n: 'exams.status.' + exam.status })),
      publish),
    draft ? h('p', { class: 'hint exam-draft-note', i18n: 'exams.draftNote' }) : h('p', { class: 'hint', i18n: 'exams.publishedNote',
      args: { opens: formatTime(exam.opensAt), closes: formatTime(exam.closesAt) } }),
    h('nav', { class: 'exam-tabs', i18nAttr: { 'aria-label': 'exams.tabsLabel' } }, h('ul', null, TABS.map(function (tab, i) {
      return h('li', null, h('a', { href: examHash(tab.view, exam.id), id: 'exam-tab-' + tab.view,
        'aria-current': tab.view === active ? 'page' : null },
        h('span', { class: 'exam-tab-step', 'aria-hidden': 'true', text: String(i + 1) }), h('span', { i18n: tab.key })));
    }))));
}

function confirmPublish(ctx, exam, onChanged) {
  function fact(key, value) { return [h('dt', { i18n: key }), h('dd', null, value)]; }
  openDialog({
    title: 'exams.publishTitle',
    args: { title: exam.title },
    submit: 'exams.publishConfirm',
    body: [
      h('dl', { class: 'facts exam-publish-facts' },
        fact('exams.window', formatTime(exam.opensAt) + ' — ' + formatTime(exam.closesAt)),
        fact('exams.duration', t('exams.minutes', { n: exam.durationMinutes })),
        fact('exams.paperSummary', t('exams.paperCountTotal', { n: paperCount(exam.paper), total: paperTotal(exam.paper) })),
        fact('exams.rosterCount', h('span', { id: 'publish-roster-count', text: String(exam.rosterCount || 0) }))),
      exam.rosterCount ? null : h('p', { class: 'form-error', id: 'publish-empty-roster', i18n: 'exams.publishNoRoster' }),
      h('p', { class: 'notice', i18n: 'exams.publishWarning' }),
    ],
    onSubmit: function () {
      return examAdminApi.publish(exam.id).then(function (saved) {
        announce(t('exams.published', { title: saved.title || exam.title }));
        onChanged(saved);
      });
    },
  });
}
