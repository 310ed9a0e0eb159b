// The entries page's chart: how finished entries scored, in 10% bands (Chart.js 3, the global Chart loaded once by
// exams-charts.js). The table under it carries the same numbers for screen readers and without charts.
import { t, onLangChange } from '../i18n.js';
import { BANDS } from './exams-data.js';

let chart = null;

/** Counts of percents (0–100) per band; 100% falls in the last band. */
export function bandCounts(percents) {
  const counts = BANDS.map(function () { return 0; });
  percents.forEach(function (p) {
    const i = Math.min(BANDS.length - 1, Math.max(0, Math.floor(Number(p) / 10)));
    counts[i]++;
  });
  return counts;
}

/** Draws (or redraws) the histogram into canvas. */
export function drawScoreChart(Chart, canvas, counts) {
  if (chart) chart.destroy();
  chart = null;
  if (!document.body.contains(canvas)) return;
  chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: BANDS.map(function (b) { return b + '%'; }),
      datasets: [{ label: t('qadmin.entriesCount'), data: counts, backgroundColor: '#b3261e', categoryPercentage: 1, barPercentage: 0.95 }],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('qadmin.entriesCount') } },
        x: { title: { display: true, text: t('qadmin.scorePercent') } } },
    },
  });
}

onLangChange(function () {
  if (!chart || !document.body.contains(chart.canvas)) return;
  chart.data.datasets[0].label = t('qadmin.entriesCount');
  chart.options.scales.y.title.text = t('qadmin.entriesCount');
  chart.options.scales.x.title.text = t('qadmin.scorePercent');
  chart.update();
});
