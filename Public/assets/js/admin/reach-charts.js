// 成效's charts (Chart.js 3, the global Chart loaded once by exams-charts.js): the funnel as bars, the time series as
// lines, breakdowns as bars. Every chart has a table of the same numbers beside it for screen readers and printing.
import { t, onLangChange } from '../i18n.js';

const charts = {};

function draw(key, Chart, canvas, config) {
  if (charts[key]) charts[key].destroy();
  charts[key] = null;
  if (!document.body.contains(canvas)) return;
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
  charts[key] = new Chart(canvas, config);
}

/** steps: [{id, chinese, count}] → horizontal bars, widest first. */
export function drawFunnel(Chart, canvas, steps) {
  draw('funnel', Chart, canvas, {
    type: 'bar',
    data: { labels: steps.map(function (s) { return t('reach.step.' + s.id); }),
      datasets: [{ label: t('reach.persons'), data: steps.map(function (s) { return s.count; }), backgroundColor: '#b3261e', maxBarThickness: 28 }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

/** buckets: [{bucket, reached, personTimes, readPersonTimes}] → three lines (reached only for days). */
export function drawSeries(Chart, canvas, series) {
  const b = series.buckets || [];
  const sets = [
    { label: t('reach.seriesPersonTimes'), data: b.map(function (x) { return x.personTimes; }), borderColor: '#b3261e', backgroundColor: '#b3261e' },
    { label: t('reach.seriesRead'), data: b.map(function (x) { return x.readPersonTimes; }), borderColor: '#1565c0', backgroundColor: '#1565c0' },
  ];
  if (!series.hourly) {
    sets.unshift({ label: t('reach.seriesReached'), data: b.map(function (x) { return x.reached; }), borderColor: '#2e7d32', backgroundColor: '#2e7d32' });
  }
  draw('series', Chart, canvas, {
    type: 'line',
    data: { labels: b.map(function (x) { return series.hourly ? x.bucket.slice(5) + ':00' : x.bucket.slice(5); }), datasets: sets },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, elements: { point: { radius: 2 } } },
  });
}

/** rows: [{name, reached, personTimes}] → grouped bars (person-times alone for channels). */
export function drawBreakdown(Chart, canvas, by, rows) {
  const sets = [{ label: t('reach.colPersonTimes'), data: rows.map(function (r) { return r.personTimes; }), backgroundColor: '#b3261e', maxBarThickness: 40 }];
  if (by !== 'channel') {
    sets.unshift({ label: t('reach.colReached'), data: rows.map(function (r) { return r.reached; }), backgroundColor: '#2e7d32', maxBarThickness: 40 });
  }
  draw('by-' + by, Chart, canvas, {
    type: 'bar',
    data: { labels: rows.map(function (r) { return r.name; }), datasets: sets },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

onLangChange(function () {
  // Labels are redrawn with the page (the section re-renders on a language change).
  Object.keys(charts).forEach(function (k) { if (charts[k] && !document.body.contains(charts[k].canvas)) { charts[k].destroy(); charts[k] = null; } });
});
