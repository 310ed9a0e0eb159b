// The report's two charts (Chart.js 3, the global Chart from /vendor/chart.min.js, loaded on first use):
// participation and pass rate by unit as horizontal bars, and the histogram of scores in 10% bands. The
// tables on the page carry the same numbers for screen readers and for printing without charts.
import { t, onLangChange } from '../i18n.js';
import { BANDS } from './exams-data.js';

const charts = [];
let chartLoader = null;

/** Resolves the global Chart, loading /vendor/chart.min.js once. */
export function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!chartLoader) {
    chartLoader = new Promise(function (resolve, reject) {
      const script = document.createElement('script');
      script.src = '/vendor/chart.min.js';
      script.onload = function () { if (window.Chart) resolve(window.Chart); else reject(new Error('no Chart')); };
      script.onerror = function () { chartLoader = null; reject(new Error('Chart.js failed to load')); };
      document.head.appendChild(script);
    });
  }
  return chartLoader;
}

export function drawCharts(Chart, unitCanvas, scoreCanvas, units, dist) {
  charts.splice(0, charts.length).forEach(function (c) { c.destroy(); });
  const common = { responsive: true, maintainAspectRatio: false, animation: false };
  if (document.body.contains(unitCanvas)) {
    const unitChart = new Chart(unitCanvas, {
      type: 'bar',
      data: {
        labels: units.map(function (u) { return u.unitName; }),
        datasets: [
          { label: t('exams.participationRate'), data: units.map(function (u) { return pct(u.participationRate); }), backgroundColor: '#1e4fa3', maxBarThickness: 18 },
          { label: t('exams.passRate'), data: units.map(function (u) { return pct(u.passRate); }), backgroundColor: '#16603a', maxBarThickness: 18 },
        ],
      },
      options: Object.assign({}, common, {
        indexAxis: 'y',
        scales: { x: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } },
        plugins: { legend: { position: 'top' }, tooltip: { callbacks: { label: function (c) { return c.dataset.label + '：' + c.formattedValue + '%'; } } } },
      }),
    });
    unitChart.$pufa = 'units';
    charts.push(unitChart);
  }
  if (document.body.contains(scoreCanvas)) {
    const scoreChart = new Chart(scoreCanvas, {
      type: 'bar',
      data: {
        labels: BANDS.map(function (b) { return b + '%'; }),
        datasets: [{ label: t('exams.people'), data: BANDS.map(function (b, i) { return dist[i] || 0; }), backgroundColor: '#b3261e', categoryPercentage: 1, barPercentage: 0.95 }],
      },
      options: Object.assign({}, common, {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('exams.people') } },
          x: { title: { display: true, text: t('exams.scorePercent') } } },
      }),
    });
    scoreChart.$pufa = 'scores';
    charts.push(scoreChart);
  }
}

// Rates come as percentages (0–100).
function pct(percent) {
  return percent === null || percent === undefined ? 0 : Math.round(Number(percent) * 10) / 10;
}

onLangChange(function () {
  charts.forEach(function (c) {
    if (!document.body.contains(c.canvas)) return;
    if (c.$pufa === 'units') {
      c.data.datasets[0].label = t('exams.participationRate');
      c.data.datasets[1].label = t('exams.passRate');
    } else {
      c.data.datasets[0].label = t('exams.people');
      c.options.scales.y.title.text = t('exams.people');
      c.options.scales.x.title.text = t('exams.scorePercent');
    }
    c.update();
  });
});
