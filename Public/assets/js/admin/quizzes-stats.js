// 数据: one round's figures — entries by day (Beijing dates, with a chart), by town and village, the hardest
// questions (facility = right answers ÷ answers), and how many residents went on to read the related material.
import { h, replace } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { errorView, loadingView } from '../feedback.js';
import { dataTable } from './table.js';
import { loadChartJs } from './exams-charts.js';
import { quizAdminApi } from './quizzes-data.js';
import { quizHeader } from './quizzes-head.js';

let chart = null;

/** Draws the stats page of round id into container. */
export function renderQuizStats(container, ctx, id) {
  const body = h('div', { id: 'qa-stats-page', 'aria-busy': 'true' }, loadingView());
  replace(container, body);
  function load() {
    Promise.all([quizAdminApi.get(id), quizAdminApi.stats(id)]).then(function (answers) {
      body.removeAttribute('aria-busy');
      replace(container, quizHeader(ctx, answers[0], 'stats', function () { load(); }), body);
      draw(body, answers[1]);
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
  load();
}

function percent(part, whole) {
  return whole ? (part * 100 / whole).toFixed(1) + '%' : '—';
}

function draw(box, s) {
  function stat(key, value, sid) { return h('div', { class: 'q-stat', id: sid }, h('dt', { i18n: key }), h('dd', { text: value })); }
  const canvas = h('canvas', { id: 'qa-days-chart', role: 'img', i18nAttr: { 'aria-label': 'qadmin.statsByDay' } });
  replace(box,
    h('dl', { class: 'q-stats report-stats', id: 'qa-stats-facts' },
      stat('qadmin.statEntries', String(s.entries), 'qa-stats-entries'),
      stat('qadmin.statFinished', String(s.finished), 'qa-stats-finished'),
      stat('qadmin.statsContact', String(s.withContact), 'qa-stats-contact'),
      stat('qadmin.statFlagged', String(s.flagged), 'qa-stats-flagged'),
      stat('qadmin.statsReadMore', s.readMore + ' (' + percent(s.readMore, s.finished) + ')', 'qa-stats-read')),
    h('p', { class: 'hint', i18n: 'qadmin.statsReadMoreHint' }),
    h('section', { class: 'card', 'aria-labelledby': 'qa-days-title' },
      h('h2', { id: 'qa-days-title', i18n: 'qadmin.statsByDay' }),
      s.byDay.length ? [h('div', { class: 'chart-box' }, canvas), dataTable([
        { label: 'qadmin.statsDay', cell: function (d) { return d.day; } },
        { label: 'qadmin.statEntries', cell: function (d) { return String(d.entries); } },
        { label: 'qadmin.statFinished', cell: function (d) { return String(d.finished); } },
      ], s.byDay.map(function (d) { return Object.assign({ id: d.day }, d); }), { id: 'qa-days-table', caption: 'qadmin.statsByDay' })]
        : h('p', { class: 'muted', i18n: 'qadmin.noEntries' })),
    h('section', { class: 'card', 'aria-labelledby': 'qa-places-title' },
      h('h2', { id: 'qa-places-title', i18n: 'qadmin.statsByRegion' }),
      s.byRegion.length ? dataTable([
        { label: 'qadmin.statsPlace', cell: function (p) { return p.name; } },
        { label: 'qadmin.statsLevel', cell: function (p) { return t('qadmin.level.' + p.level); } },
        { label: 'qadmin.statEntries', cell: function (p) { return String(p.entries); } },
      ], s.byRegion.map(function (p) { return Object.assign({ id: p.regionId }, p); }), { id: 'qa-places-table', caption: 'qadmin.statsByRegion' })
        : h('p', { class: 'muted', i18n: 'qadmin.statsNoPlaces' })),
    h('section', { class: 'card', 'aria-labelledby': 'qa-hard-title' },
      h('h2', { id: 'qa-hard-title', i18n: 'qadmin.statsHardest' }),
      h('p', { class: 'hint', i18n: 'qadmin.statsHardestHint' }),
      s.questions.length ? dataTable([
        { label: 'qadmin.statsQuestion', cell: function (q) { return h('span', null, h('span', { class: 'mono', text: '#' + q.questionId + ' ' }), q.stem); } },
        { label: 'qadmin.statsAnswered', cell: function (q) { return String(q.answered); } },
        { label: 'qadmin.statsFacility', cell: function (q) { return percent(q.correct, q.answered); } },
      ], s.questions.map(function (q) { return Object.assign({ id: q.questionId }, q); }), { id: 'qa-hard-table', caption: 'qadmin.statsHardest' })
        : h('p', { class: 'muted', i18n: 'qadmin.noEntries' })));
  if (s.byDay.length) {
    loadChartJs().then(function (Chart) { drawDays(Chart, canvas, s.byDay); }, function () { canvas.parentNode.hidden = true; });
  }
}

function drawDays(Chart, canvas, days) {
  if (chart) chart.destroy();
  chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: days.map(function (d) { return d.day.slice(5); }),
      datasets: [{ label: t('qadmin.statEntries'), data: days.map(function (d) { return d.entries; }), backgroundColor: '#1f4e9c' },
        { label: t('qadmin.statFinished'), data: days.map(function (d) { return d.finished; }), backgroundColor: '#7fa2d9' }],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

onLangChange(function () {
  if (!chart || !document.body.contains(chart.canvas)) return;
  chart.data.datasets[0].label = t('qadmin.statEntries');
  chart.data.datasets[1].label = t('qadmin.statFinished');
  chart.update();
});
