// 年度普法成效报告: the bureau's yearly report (person-times by audience group, pieces, campaigns, quizzes, exams),
// laid out to print on A4 and downloadable as a workbook.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView } from '../feedback.js';
import { dataTable } from './table.js';
import { reachApi, percent, count, inLanguage } from './reach-data.js';

export function renderYearly(container, params) {
  const year = /^\d{4}$/.test(params.year || '') ? params.year : String(new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear());
  const body = h('div', { id: 'reach-yearly', 'aria-busy': 'true' }, loadingView());
  const pick = h('input', { type: 'number', id: 'reach-year', min: '2000', max: '2100', value: year });
  replace(container,
    h('div', { class: 'section-head no-print' },
      h('h1', { i18n: 'reach.yearlyTitle', args: { year: year } }),
      h('div', { class: 'head-actions' },
        h('a', { class: 'btn', href: '#/reach', i18n: 'reach.back' }),
        h('a', { class: 'btn', id: 'reach-yearly-xlsx', href: '/api/v1/reach/yearly.xlsx?year=' + year, download: '', i18n: 'reach.exportXlsx' }),
        h('button', { type: 'button', class: 'btn btn-primary', id: 'reach-print', i18n: 'reach.print', onclick: function () { window.print(); } }))),
    h('form', { class: 'toolbar no-print', onsubmit: function (e) { e.preventDefault(); location.hash = '#/reach?view=yearly&year=' + pick.value; } },
      h('div', { class: 'field' }, h('label', { for: 'reach-year', i18n: 'reach.year' }), pick),
      h('div', { class: 'field field-button' }, h('button', { type: 'submit', class: 'btn', i18n: 'reach.apply' }))),
    body);
  reachApi.yearly(year).then(function (r) {
    body.removeAttribute('aria-busy');
    const facts = [
      ['reach.y.personTimes', count(r.personTimes)], ['reach.y.persons', count(r.persons)], ['reach.y.pieces', count(r.pieces)],
      ['reach.y.campaigns', count(r.campaigns)], ['reach.y.targeted', count(r.targeted)], ['reach.y.quizzes', count(r.quizzes.length)],
      ['reach.y.quizParticipants', count(r.quizzes.reduce(function (s, q) { return s + q.participants; }, 0))],
      ['reach.y.exams', count(r.exams.length)],
    ];
    replace(body,
      h('h2', { class: 'print-only', i18n: 'reach.yearlyTitle', args: { year: r.year } }),
      h('dl', { class: 'reach-facts' }, facts.map(function (f) { return [h('dt', { i18n: f[0] }), h('dd', { text: f[1] })]; })),
      h('h2', { i18n: 'reach.y.byGroup' }),
      dataTable([
        { label: 'reach.group', cell: function (g) { return g.group === 'none' ? t('reach.noGroup') : t('audience.' + g.group); } },
        { label: 'reach.y.personTimes', cell: function (g) { return count(g.personTimes); } },
      ], r.byGroup, { id: 'reach-yearly-groups', caption: 'reach.y.byGroup' }),
      h('p', { class: 'muted', text: inLanguage(r.note) }),
      h('h2', { i18n: 'reach.y.quizzes' }),
      r.quizzes.length ? dataTable([
        { label: 'reach.colTitle', cell: function (q) { return q.title; } },
        { label: 'reach.y.entries', cell: function (q) { return count(q.entries); } },
        { label: 'reach.y.quizParticipants', cell: function (q) { return count(q.participants); } },
      ], r.quizzes, { id: 'reach-yearly-quizzes', caption: 'reach.y.quizzes' }) : h('p', { class: 'muted', i18n: 'reach.none' }),
      h('h2', { i18n: 'reach.y.exams' }),
      r.exams.length ? dataTable([
        { label: 'reach.colTitle', cell: function (x) { return x.title; } },
        { label: 'reach.y.roster', cell: function (x) { return count(x.roster); } },
        { label: 'reach.y.took', cell: function (x) { return count(x.took) + '（' + percent(x.participationRate) + '）'; } },
        { label: 'reach.y.passed', cell: function (x) { return count(x.passed) + '（' + percent(x.passRate) + '）'; } },
      ], r.exams, { id: 'reach-yearly-exams', caption: 'reach.y.exams' }) : h('p', { class: 'muted', i18n: 'reach.none' }));
  }, function (err) {
    body.removeAttribute('aria-busy');
    replace(body, errorView(err, function () { renderYearly(container, params); }));
  });
}
