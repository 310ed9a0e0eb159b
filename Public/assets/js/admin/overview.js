// 概览: who is signed in (name, roles, unit, region, permissions) and, for those who may list users,
// how many users hold each role, as a table and a Chart.js bar chart drawn from the same numbers.
import { api } from '../api.js';
import { h, replace, roleChips, labelOr, formatTime, ROLES } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { errorView, loadingView } from '../feedback.js';
import { loadRefs, pathOf } from './refs.js';

let chart = null;
let chartLoader = null;

/** Draws the overview into container; ctx comes from admin.js. */
export function renderOverview(container, ctx) {
  const account = h('div', { class: 'card-body' }, loadingView());
  replace(container,
    h('h1', { i18n: 'nav.overview' }),
    h('section', { class: 'card', 'aria-labelledby': 'account-title' },
      h('h2', { id: 'account-title', i18n: 'overview.account' }), account));
  loadRefs().then(function (refs) { drawAccount(account, ctx, refs); }, function () { drawAccount(account, ctx, null); });
  if (ctx.can('users.manage')) container.appendChild(roleCounts());
}

function drawAccount(box, ctx, refs) {
  const u = ctx.user;
  const unit = refs ? pathOf(refs.units, u.unitId) : '';
  const region = refs ? pathOf(refs.regions, u.regionId) : '';
  function row(key, value) {
    return [h('dt', { i18n: key }), h('dd', null, value)];
  }
  replace(box, h('dl', { class: 'facts', id: 'account-facts' },
    row('overview.displayName', u.displayName || ''),
    row('overview.username', h('span', { class: 'mono', text: u.username })),
    row('overview.roles', roleChips(u.roles)),
    row('overview.unit', unit || h('span', { class: 'muted', i18n: 'none' })),
    row('overview.region', region || h('span', { class: 'muted', i18n: 'none' })),
    // The sign-in before this one: a time the person does not recognise is worth telling an administrator about.
    row('overview.lastLogin', u.previousLoginAt ? formatTime(u.previousLoginAt)
      : h('span', { class: 'muted', i18n: 'overview.firstLogin' })),
    row('overview.permissions', h('ul', { class: 'plain-list' }, ctx.permissions.map(function (p) {
      return h('li', null, labelOr('perm.' + p, p));
    })))));
}

function roleCounts() {
  const body = h('div', { class: 'card-body', 'aria-busy': 'true' }, loadingView());
  const section = h('section', { class: 'card', 'aria-labelledby': 'roles-title' },
    h('h2', { id: 'roles-title', i18n: 'overview.byRole' }), body);
  function load() {
    replace(body, loadingView());
    body.setAttribute('aria-busy', 'true');
    // One page-size-1 request per role: the totals are the real counts the server reports.
    const asks = [api.listUsers({ page: 1, pageSize: 1 })].concat(ROLES.map(function (role) {
      return api.listUsers({ role: role, page: 1, pageSize: 1 });
    }));
    Promise.all(asks).then(function (answers) {
      body.removeAttribute('aria-busy');
      drawCounts(body, answers[0].total, answers.slice(1).map(function (a) { return a.total; }));
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
  load();
  return section;
}

function drawCounts(body, total, counts) {
  const canvas = h('canvas', { id: 'roles-chart', role: 'img', i18nAttr: { 'aria-label': 'overview.byRole' } });
  replace(body,
    h('p', { class: 'total', i18n: 'overview.total', args: { n: total } }),
    h('div', { class: 'chart-and-table' },
      h('div', { class: 'chart-box' }, canvas),
      h('table', { class: 'count-table', id: 'role-counts' },
        h('thead', null, h('tr', null, h('th', { scope: 'col', i18n: 'overview.role' }), h('th', { scope: 'col', class: 'num', i18n: 'overview.count' }))),
        h('tbody', null, ROLES.map(function (role, i) {
          return h('tr', null, h('th', { scope: 'row', i18n: 'role.' + role }), h('td', { class: 'num', text: String(counts[i]) }));
        })))),
    h('p', { class: 'hint', i18n: 'overview.byRoleNote' }));
  loadChartJs().then(function (Chart) { drawChart(Chart, canvas, counts); }, function () {
    // Without Chart.js the table above still carries every number.
    canvas.parentNode.hidden = true;
  });
}

function loadChartJs() {
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

function drawChart(Chart, canvas, counts) {
  if (chart) chart.destroy();
  chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: ROLES.map(function (r) { return t('role.' + r); }),
      datasets: [{ label: t('overview.count'), data: counts, backgroundColor: '#1e4fa3', borderRadius: 4, maxBarThickness: 48 }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
}

onLangChange(function () {
  if (!chart || !document.body.contains(chart.canvas)) return;
  chart.data.labels = ROLES.map(function (r) { return t('role.' + r); });
  chart.data.datasets[0].label = t('overview.count');
  chart.update();
});
