// One study task: completion per unit rolled up the unit tree (a bar chart, and the same numbers as a table),
// every person with effective reading time, completion, reminders and escalation (phones masked), the CSV and
// Excel exports, and 结束任务.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { request } from '../api.js';
import { errorView, loadingView, announce, withBusy } from '../feedback.js';
import { dataTable } from './table.js';
import { loadChartJs } from './exams-charts.js';
import { rateCell } from './study-tasks.js';

let chart = null;

export function renderStudyTask(container, ctx, id) {
  replace(container, loadingView());
  request('GET', '/api/v1/study-tasks/' + encodeURIComponent(id)).then(function (d) { draw(container, ctx, d); },
    function (err) { replace(container, errorView(err, function () { renderStudyTask(container, ctx, id); })); });
}

function draw(container, ctx, d) {
  const task = d.task;
  const canvas = h('canvas', { id: 'st-unit-chart', role: 'img', 'aria-label': t('studyAdmin.chartLabel') });
  const close = task.status === 'active' ? h('button', { type: 'button', class: 'btn', id: 'st-close', i18n: 'studyAdmin.close',
    onclick: function () {
      if (!window.confirm(t('studyAdmin.closeConfirm'))) return;
      withBusy(close, function () {
        return request('POST', '/api/v1/study-tasks/' + task.id + '/close').then(function () {
          announce(t('studyAdmin.closed'), 'success');
          renderStudyTask(container, ctx, task.id);
        }, function (err) { announce(err.serverMessage || err.message, 'error'); });
      });
    } }) : null;
  replace(container,
    h('p', null, h('a', { class: 'back-link', href: '#/study-tasks', i18n: 'studyAdmin.backToList' })),
    h('h1', { id: 'st-task-title', text: task.title }),
    h('p', { class: 'muted' },
      h('a', { href: '/read#/' + encodeURIComponent(task.slug), target: '_blank', rel: 'noopener', text: task.contentTitle }), ' · ',
      h('span', { i18n: 'studyAdmin.facts', args: { when: formatTime(task.deadline), min: Math.round(task.minSeconds / 6) / 10,
        days: task.remindDays.join('、') || t('none') } }), ' · ',
      h('span', { i18n: 'studyAdmin.status.' + task.status })),
    h('p', { class: 'st-total', id: 'st-total' }, h('strong', { i18n: 'studyAdmin.total' }), ' ', rateCell(d.total.completed, d.total.assigned)),
    h('div', { class: 'st-actions' },
      h('a', { class: 'btn', id: 'st-export-csv', href: '/api/v1/study-tasks/' + task.id + '/export.csv', download: '', i18n: 'studyAdmin.exportCSV' }),
      h('a', { class: 'btn', id: 'st-export-xlsx', href: '/api/v1/study-tasks/' + task.id + '/export.xlsx', download: '', i18n: 'studyAdmin.exportXLSX' }),
      close),
    h('h2', { i18n: 'studyAdmin.byUnit' }),
    d.units.length ? h('div', { class: 'st-chart' }, canvas) : null,
    dataTable([
      { label: 'studyAdmin.colUnit', cell: function (u) { return '\u3000'.repeat(u.depth) + u.unitName; } },
      { label: 'studyAdmin.colCompletion', cell: function (u) { return rateCell(u.completed, u.assigned); } },
    ], d.units, { id: 'st-units', caption: 'studyAdmin.byUnit' }),
    h('h2', { i18n: 'studyAdmin.byPerson' }),
    dataTable([
      { label: 'studyAdmin.colPerson', cell: function (p) { return p.displayName + (p.username ? '（' + p.username + '）' : ''); } },
      { label: 'studyAdmin.colUnit', cell: function (p) { return p.unitName || t('none'); } },
      { label: 'studyAdmin.colPhone', cell: function (p) { return p.phone || ''; } },
      { label: 'studyAdmin.colRead', cell: function (p) { return t('studyAdmin.readMinutes', { n: Math.round(p.seconds / 6) / 10 }); } },
      { label: 'studyAdmin.colStatus', cell: function (p) {
        return p.completedAt ? h('span', { class: 'badge badge-on', i18n: 'studyAdmin.done', args: { when: formatTime(p.completedAt) } })
          : h('span', { class: 'badge', i18n: 'studyAdmin.notDone' });
      } },
      { label: 'studyAdmin.colReminders', cell: function (p) { return String(p.reminders); } },
      { label: 'studyAdmin.colEscalation', cell: function (p) { return t('studyAdmin.escalation.' + p.escalation); } },
    ], d.people, { id: 'st-people', caption: 'studyAdmin.byPerson' }));
  if (d.units.length) {
    loadChartJs().then(function (Chart) { drawChart(Chart, canvas, d.units); }, function () {
      // The table carries the same numbers.
    });
  }
}

function drawChart(Chart, canvas, units) {
  if (chart) chart.destroy();
  chart = null;
  if (!document.body.contains(canvas)) return;
  chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: units.map(function (u) { return u.unitName; }),
      datasets: [{ label: t('studyAdmin.completionRate'), data: units.map(function (u) { return Math.round((u.rate || 0) * 10) / 10; }),
        backgroundColor: '#16603a', maxBarThickness: 18 }],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, indexAxis: 'y',
      scales: { x: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } },
      plugins: { legend: { display: false } } },
  });
}
