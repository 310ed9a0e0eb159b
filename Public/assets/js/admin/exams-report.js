// 统计报告: participation and pass rates per unit (each unit rolls up its sub-units, indented as a tree),
// a bar chart of both rates by unit and a histogram of scores (Chart.js, with the tables as their accessible
// form), every candidate with state and score, printing, CSV files built here from the same JSON, and the Excel
// workbook the server writes (units, candidates, distribution).
// While the window is open the numbers change: 刷新 reloads them, and they reload every minute by themselves.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy } from '../feedback.js';
import { examAdminApi, examHash, percentText, numberText, eventsText, BANDS } from './exams-data.js';
import { examHeader } from './exams-head.js';
import { loadChartJs, drawCharts } from './exams-charts.js';
import { unitsCsv, candidatesCsv } from './exams-csv.js';

const LIVE_REFRESH_MS = 60000;
const STATES = ['not_started', 'in_progress', 'submitted'];

/** Draws the report page of exam id into container. */
export function renderExamReport(container, ctx, id) {
  const body = h('div', { id: 'exam-report', 'aria-busy': 'true' }, loadingView());
  replace(container, body);
  let exam = null;
  let timer = null;
  load(true);

  function load(first, button) {
    const asks = [examAdminApi.report(id)];
    if (first) asks.push(examAdminApi.get(id));
    const work = Promise.all(asks);
    (button ? withBusy(button, function () { return work; }) : work).then(function (answers) {
      if (first) {
        exam = answers[1];
        replace(container, examHeader(ctx, exam, 'report', function () { ctx.go(examHash('report', exam.id)); }), body);
      }
      body.removeAttribute('aria-busy');
      draw(body, exam, answers[0], function (btn) { load(false, btn); });
      if (button) announce(t('exams.reportRefreshed'));
      schedule(answers[0]);
    }, function (err) {
      body.removeAttribute('aria-busy');
      if (first) replace(body, errorView(err, function () { load(true); }));
      else announce(describeError(err), 'error');
    });
  }

  // Live during the window: a quiet reload every minute while this page is on screen.
  function schedule(report) {
    clearTimeout(timer);
    if (report.closed) return;
    timer = setTimeout(function () {
      if (!document.body.contains(body)) return;
      if (document.visibilityState === 'hidden') schedule(report);
      else load(false);
    }, LIVE_REFRESH_MS);
  }
}

function draw(box, exam, report, reload) {
  const refresh = h('button', { type: 'button', class: 'btn', id: 'report-refresh', i18n: 'exams.refresh', onclick: function () { reload(refresh); } });
  const total = report.total || {};
  function stat(key, value, id) {
    return h('div', { class: 'q-stat', id: id }, h('dt', { i18n: key }), h('dd', { text: value }));
  }
  const unitCanvas = h('canvas', { id: 'report-unit-chart', role: 'img', i18nAttr: { 'aria-label': 'exams.chartUnits' } });
  const scoreCanvas = h('canvas', { id: 'report-score-chart', role: 'img', i18nAttr: { 'aria-label': 'exams.chartScores' } });
  const unitRows = report.units || [];
  const chartUnits = unitRows.length > 20 ? unitRows.filter(function (u) { return u.depth <= 1; }) : unitRows;
  replace(box,
    h('div', { class: 'report-toolbar no-print' },
      refresh,
      h('button', { type: 'button', class: 'btn', id: 'report-print', i18n: 'exams.print', onclick: function () { window.print(); } }),
      h('a', { class: 'btn', id: 'report-xlsx', href: '/api/v1/exams/' + encodeURIComponent(exam.id) + '/report/export?format=xlsx',
        download: '', i18n: 'exams.xlsxReport' }),
      h('button', { type: 'button', class: 'btn', id: 'report-csv-units', i18n: 'exams.csvUnits', onclick: function () { unitsCsv(exam, report); } }),
      h('button', { type: 'button', class: 'btn', id: 'report-csv-candidates', i18n: 'exams.csvCandidates', onclick: function () { candidatesCsv(exam, report); } })),
    h('p', { class: 'report-meta', id: 'report-meta' },
      h('span', { i18n: 'exams.generatedAt', args: { time: formatTime(report.generatedAt) } }),
      report.closed ? h('span', { class: 'badge badge-off', i18n: 'exams.reportFinal' }) : h('span', { class: 'badge badge-on', i18n: 'exams.reportLive' })),
    h('dl', { class: 'q-stats report-stats', id: 'report-stats' },
      stat('exams.onRoster', String(total.onRoster || 0), 'report-stat-roster'),
      stat('exams.took', String(total.took || 0), 'report-stat-took'),
      stat('exams.participationRate', percentText(total.participationRate), 'report-stat-participation'),
      stat('exams.passedCount', String(total.passed || 0), 'report-stat-passed'),
      stat('exams.passRate', percentText(total.passRate), 'report-stat-pass-rate'),
      stat('exams.mean', percentText(total.mean), 'report-stat-mean')),
    h('p', { class: 'hint', i18n: 'exams.ratesNote', args: { pass: (report.exam && report.exam.passPercent !== undefined) ? report.exam.passPercent : exam.passPercent } }),
    h('section', { class: 'card', 'aria-labelledby': 'report-units-title' },
      h('h2', { id: 'report-units-title', i18n: 'exams.byUnit' }),
      unitRows.length ? unitTable(unitRows, total) : h('p', { class: 'muted', id: 'report-no-units', i18n: 'exams.noUnits' }),
      unitRows.length ? h('figure', { class: 'report-figure' },
        h('div', { class: 'chart-box report-chart-units', style: 'height:' + Math.max(160, 60 + chartUnits.length * 44) + 'px' }, unitCanvas),
        h('figcaption', { class: 'hint', i18n: unitRows.length > chartUnits.length ? 'exams.chartUnitsTop' : 'exams.chartUnitsCaption' })) : null),
    h('section', { class: 'card', 'aria-labelledby': 'report-scores-title' },
      h('h2', { id: 'report-scores-title', i18n: 'exams.scoreDistribution' }),
      h('figure', { class: 'report-figure' },
        h('div', { class: 'chart-box' }, scoreCanvas),
        h('figcaption', { class: 'hint', i18n: 'exams.chartScoresCaption' })),
      distributionTable(total.distribution || [])),
    candidatesSection(report.candidates || []));
  loadChartJs().then(function (Chart) {
    drawCharts(Chart, unitCanvas, scoreCanvas, chartUnits, total.distribution || []);
  }, function () {
    // Without Chart.js every number is still in the tables.
    unitCanvas.parentNode.hidden = true;
    scoreCanvas.parentNode.hidden = true;
  });
}

function unitTable(rows, total) {
  function cells(r, name) {
    return [
      h('th', { scope: 'row', class: 'report-unit-name', style: 'padding-left:' + (12 + 18 * (r.depth || 0)) + 'px', i18nAttr: { 'data-label': 'exams.colUnit' } },
        h('div', { class: 'cell' }, name)),
      td('exams.onRoster', String(r.onRoster || 0)),
      td('exams.took', String(r.took || 0)),
      td('exams.participationRate', percentText(r.participationRate)),
      td('exams.passedCount', String(r.passed || 0)),
      td('exams.passRate', percentText(r.passRate)),
      td('exams.mean', percentText(r.mean)),
      td('exams.median', percentText(r.median)),
    ];
  }
  function td(key, text) {
    return h('td', { class: 'num', i18nAttr: { 'data-label': key } }, h('div', { class: 'cell', text: text }));
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table report-table', id: 'report-units' },
    h('caption', { class: 'visually-hidden', i18n: 'exams.byUnit' }),
    h('thead', null, h('tr', null,
      ['exams.colUnit', 'exams.onRoster', 'exams.took', 'exams.participationRate', 'exams.passedCount', 'exams.passRate', 'exams.mean', 'exams.median']
        .map(function (key, i) { return h('th', { scope: 'col', class: i ? 'num' : null, i18n: key }); }))),
    h('tbody', null, rows.map(function (r) {
      return h('tr', { 'data-unit-id': r.unitId, 'data-depth': r.depth || 0, class: 'depth-' + Math.min(r.depth || 0, 4) },
        cells(r, r.depth ? [h('span', { class: 'report-branch', 'aria-hidden': 'true', text: '└ ' }), r.unitName] : r.unitName));
    })),
    h('tfoot', null, h('tr', { class: 'report-total-row' }, cells(Object.assign({ depth: 0 }, total), h('span', { i18n: 'exams.total' }))))));
}

function distributionTable(dist) {
  return h('details', { class: 'json-details report-dist' }, h('summary', { i18n: 'exams.distributionTable' }),
    h('table', { class: 'count-table', id: 'report-distribution' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', i18n: 'exams.band' }), h('th', { scope: 'col', class: 'num', i18n: 'exams.people' }))),
      h('tbody', null, BANDS.map(function (band, i) {
        return h('tr', null, h('th', { scope: 'row', text: band + '%' }), h('td', { class: 'num', text: String(dist[i] || 0) }));
      }))));
}

function candidatesSection(list) {
  const filter = h('select', { id: 'report-state-filter' }, h('option', { value: '', i18n: 'exams.allStates' }),
    STATES.map(function (s) { return h('option', { value: s, i18n: 'exams.state.' + s }); }));
  const tableBox = h('div');
  const count = h('p', { class: 'q-count', id: 'report-candidates-count', role: 'status' });
  function show() {
    const rows = list.filter(function (c) { return !filter.value || c.state === filter.value; });
    count.setAttribute('data-i18n', 'exams.candidatesCount');
    count.setAttribute('data-i18n-args', JSON.stringify({ n: rows.length }));
    count.textContent = t('exams.candidatesCount', { n: rows.length });
    replace(tableBox, rows.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', id: 'report-candidates' },
      h('caption', { class: 'visually-hidden', i18n: 'exams.candidates' }),
      h('thead', null, h('tr', null, ['exams.colUsername', 'exams.colName', 'exams.colUnit', 'exams.colState', 'exams.colScore', 'exams.colResult', 'exams.colSubmittedAt', 'exams.colEvents']
        .map(function (key) { return h('th', { scope: 'col', i18n: key }); }))),
      h('tbody', null, rows.map(function (c) {
        function td(key, content, cls) {
          return h('td', { class: cls || null, i18nAttr: { 'data-label': key } }, h('div', { class: 'cell' }, content));
        }
        return h('tr', { 'data-user-id': c.userId, 'data-state': c.state },
          td('exams.colUsername', h('span', { class: 'mono', text: c.username || '' })),
          td('exams.colName', c.displayName || ''),
          td('exams.colUnit', c.unitName || ''),
          td('exams.colState', h('span', { class: 'badge exam-cand-' + c.state, i18n: 'exams.state.' + c.state })),
          td('exams.colScore', c.score !== null && c.score !== undefined
            ? h('span', { i18n: 'exams.scoreWithPercent', args: { n: numberText(c.score), total: numberText(c.maxScore), p: numberText(c.percent) } })
            : '—', 'nowrap'),
          td('exams.colResult', c.passed === true || c.passed === false ? h('span', { class: 'badge ' + (c.passed ? 'badge-on' : 'badge-off'), i18n: c.passed ? 'exams.passed' : 'exams.failed' }) : '—'),
          td('exams.colSubmittedAt', c.submittedAt ? h('span', null, formatTime(c.submittedAt),
            c.submittedBy === 'deadline' ? h('span', { class: 'muted', i18n: 'exams.byDeadline' }) : null) : '—', 'nowrap'),
          td('exams.colEvents', eventsText(c.events) || '—', 'report-events'));
      })))) : h('p', { class: 'muted', i18n: 'exams.noCandidates' }));
  }
  filter.addEventListener('change', show);
  show();
  return h('section', { class: 'card', 'aria-labelledby': 'report-candidates-title' },
    h('h2', { id: 'report-candidates-title', i18n: 'exams.candidates' }),
    h('div', { class: 'field field-short no-print' }, h('label', { for: 'report-state-filter', i18n: 'exams.stateFilter' }), filter),
    count, tableBox,
    h('p', { class: 'hint', i18n: 'exams.eventsHint' }));
}
