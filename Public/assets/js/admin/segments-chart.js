// The live count's chart: profiles per top-level region (and "no region") as horizontal bars (Chart.js, loaded on
// first use). The list beside it carries the same numbers for screen readers and when Chart.js is missing.
import { t, onLangChange } from '../i18n.js';
import { loadChartJs } from './exams-charts.js';

let chart = null;
let last = [];

/** Draws (or redraws) rows [{regionId, name, count}] into canvas; an empty list clears it. */
export function drawRegionChart(canvas, rows) {
  last = rows;
  loadChartJs().then(function (Chart) {
    if (chart) chart.destroy();
    chart = null;
    if (!document.body.contains(canvas) || !rows.length) return;
    // A bar per region at a readable thickness: the box grows with the number of regions.
    if (canvas.parentNode) canvas.parentNode.style.height = (48 + rows.length * 36) + 'px';
    chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map(label),
        datasets: [{ label: t('seg.people'), data: rows.map(function (r) { return r.count; }), backgroundColor: '#b3261e', maxBarThickness: 28 }],
      },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }, function () { /* the list beside the chart still shows the numbers */ });
}

function label(r) { return r.regionId === null ? t('seg.noRegion') : r.name; }

onLangChange(function () {
  if (!chart || !document.body.contains(chart.canvas)) return;
  chart.data.labels = last.map(label);
  chart.data.datasets[0].label = t('seg.people');
  chart.update();
});
