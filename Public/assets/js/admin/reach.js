// 成效 (reach and effect). One hash per view:
//   #/reach?from=2026-10-24&to=2026-11-22&campaign=3…   the dashboard for a range and filters (default: last 30 days)
//   #/reach?view=yearly&year=2026                         the yearly report, printable
// Tiles carry a "?" that shows the measure's definition; every chart has its numbers in a table as well.
import { h, replace, formatTime } from '../dom.js';
import { qualityBlock } from './reach-quality.js';
import { t } from '../i18n.js';
import { errorView, loadingView } from '../feedback.js';
import { dataTable } from './table.js';
import { loadRefs, pathOf } from './refs.js';
import { loadChartJs } from './exams-charts.js';
import { GROUPS } from './audience-data.js';
import { CHANNELS, filterOf, qs, reachApi, formatMeasure, percent, count, inLanguage } from './reach-data.js';
import { drawFunnel, drawSeries, drawBreakdown } from './reach-charts.js';
import { renderYearly } from './reach-yearly.js';
import { renderEffect } from './campaigns-effect.js';

const BREAKDOWNS = ['region', 'unit', 'audience', 'channel'];

export function renderReach(container, ctx, params) {
  if (params.view === 'yearly') { renderYearly(container, params); return; }
  const f = filterOf(params);
  const body = h('div', { id: 'reach-body', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('div', { class: 'section-head' },
      h('h1', { i18n: 'nav.reach' }),
      h('div', { class: 'head-actions' },
        h('a', { class: 'btn', id: 'reach-yearly-link', href: '#/reach?view=yearly', i18n: 'reach.yearly' }))),
    h('p', { class: 'intro muted', i18n: 'reach.intro' }),
    filterForm(ctx, f),
    body);
  Promise.all([reachApi.summary(f), reachApi.funnel(f), reachApi.series(f), reachApi.top(f)].concat(
    BREAKDOWNS.map(function (by) { return reachApi.breakdown(f, by); }))).then(function (all) {
    body.removeAttribute('aria-busy');
    const canvases = {};
    // Rows with nothing to show are left out (a group nobody in it was reached is not news).
    const shown = {};
    BREAKDOWNS.forEach(function (by, i) {
      shown[by] = all[4 + i].rows.filter(function (r) { return r.reached + r.personTimes > 0; });
    });
    function chart(key, label) {
      canvases[key] = h('canvas', { id: 'reach-chart-' + key, role: 'img', 'aria-label': t(label) });
      return h('div', { class: 'chart-box reach-chart' }, canvases[key]);
    }
    replace(body,
      tiles(all[0]),
      (all[0].notes || []).map(function (n) { return h('p', { class: 'muted reach-note', text: inLanguage(n) }); }),
      exportLinks(f),
      qualityBlock(f),
      h('section', { class: 'reach-block', 'aria-labelledby': 'reach-funnel-title' },
        h('h2', { id: 'reach-funnel-title', i18n: 'reach.funnel' }),
        h('div', { class: 'chart-and-table' }, chart('funnel', 'reach.funnel'),
          // Beside the chart on a wide screen; folded on a phone, where the cards would be longer than the chart.
          h('details', { class: 'reach-numbers', id: 'reach-numbers-funnel', open: window.innerWidth >= 760 ? '' : null },
            h('summary', { i18n: 'reach.numbers' }), funnelTable(all[1].steps)))),
      h('section', { class: 'reach-block', 'aria-labelledby': 'reach-series-title' },
        h('h2', { id: 'reach-series-title', i18n: all[2].hourly ? 'reach.seriesHourly' : 'reach.series' }),
        chart('series', 'reach.series')),
      h('div', { class: 'reach-breakdowns' }, BREAKDOWNS.map(function (by, i) {
        const rows = shown[by];
        // The chart first; its numbers in a table one click away (a long table would bury the page on a phone).
        return h('section', { class: 'reach-block', 'aria-labelledby': 'reach-by-' + by + '-title' },
          h('h2', { id: 'reach-by-' + by + '-title', i18n: 'reach.by.' + by }),
          h('p', { class: 'muted', text: inLanguage(all[4 + i].note) }),
          rows.length ? [chart('by-' + by, 'reach.by.' + by),
            h('details', { class: 'reach-numbers', id: 'reach-numbers-' + by }, h('summary', { i18n: 'reach.numbers' }), breakdownTable(by, rows))]
            : h('p', { class: 'muted', i18n: 'reach.none' }));
      })),
      h('section', { class: 'reach-block', 'aria-labelledby': 'reach-top-title' },
        h('h2', { id: 'reach-top-title', i18n: 'reach.top' }), topTable(all[3].items || [])),
      effectBlock(f),
      missedBlock('campaign', f.campaign), missedBlock('task', null));
    loadChartJs().then(function (Chart) {
      drawFunnel(Chart, canvases.funnel, all[1].steps);
      drawSeries(Chart, canvases.series, all[2]);
      BREAKDOWNS.forEach(function (by, i) {
        const rows = shown[by].filter(function (r) { return (r.depth || 0) <= 1; });
        if (canvases['by-' + by]) drawBreakdown(Chart, canvases['by-' + by], by, rows);
      });
    }, function () { /* the tables carry the numbers */ });
  }, function (err) {
    body.removeAttribute('aria-busy');
    replace(body, errorView(err, function () { renderReach(container, ctx, params); }));
  });
}

/** The measured knowledge gain of the chosen campaign, or of the chosen piece over the range; a hint otherwise. */
function effectBlock(f) {
  const box = h('div', { id: 'reach-effect' });
  if (f.campaign) renderEffect(box, f.campaign);
  else if (f.content) renderEffect(box, { content: f.content, from: f.from, to: f.to });
  else box.appendChild(h('section', { class: 'card eff' }, h('h2', { i18n: 'effect.title' }), h('p', { class: 'muted', i18n: 'reach.effectHint' })));
  return box;
}

function filterForm(ctx, f) {
  function field(name, label, control) {
    control.id = 'reach-f-' + name;
    control.name = name;
    return h('div', { class: 'field' }, h('label', { for: control.id, i18n: label }), control);
  }
  function select(name, options) {
    const s = h('select', null, h('option', { value: '', i18n: 'reach.any' }), options);
    s.value = f[name] || '';
    return s;
  }
  const region = select('region', []), unit = select('unit', []), campaign = select('campaign', []);
  loadRefs().then(function (refs) {
    refs.regions.forEach(function (r) { region.appendChild(h('option', { value: String(r.id), text: pathOf(refs.regions, r.id) })); });
    refs.units.forEach(function (u) { unit.appendChild(h('option', { value: String(u.id), text: pathOf(refs.units, u.id) })); });
    region.value = f.region || ''; unit.value = f.unit || '';
  }, function () {});
  reachApi.campaigns().then(function (data) {
    (data.items || []).forEach(function (c) { campaign.appendChild(h('option', { value: String(c.id), text: c.name })); });
    campaign.value = f.campaign || '';
  }, function () {});
  const form = h('form', { class: 'toolbar reach-filters', id: 'reach-filters' },
    field('from', 'reach.from', h('input', { type: 'date', value: f.from, required: true })),
    field('to', 'reach.to', h('input', { type: 'date', value: f.to, required: true })),
    field('campaign', 'reach.campaign', campaign),
    field('region', 'reach.region', region),
    field('unit', 'reach.unit', unit),
    field('group', 'reach.group', select('group', GROUPS.map(function (g) { return h('option', { value: g, i18n: 'audience.' + g }); }))),
    field('channel', 'reach.channel', select('channel', CHANNELS.filter(Boolean).map(function (c) {
      return h('option', { value: c, i18n: 'reach.ch.' + c });
    }))),
    field('content', 'reach.content', h('input', { type: 'text', value: f.content || '', placeholder: 'fanzha-sanbu', autocomplete: 'off' })),
    h('div', { class: 'field field-button' }, h('button', { type: 'submit', class: 'btn btn-primary', id: 'reach-apply', i18n: 'reach.apply' })));
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    const next = {};
    Array.prototype.forEach.call(form.elements, function (el) { if (el.name && el.value) next[el.name] = el.value; });
    ctx.go('#/reach' + qs(next));
  });
  return form;
}

function tiles(summary) {
  return h('div', { class: 'reach-tiles', id: 'reach-tiles' }, summary.measures.map(function (m) {
    const defId = 'reach-def-' + m.id;
    const def = h('p', { class: 'reach-def', id: defId, hidden: true, text: inLanguage(m.definition) });
    const help = h('button', { type: 'button', class: 'reach-help', id: 'reach-help-' + m.id, 'aria-expanded': 'false', 'aria-controls': defId,
      'aria-label': t('reach.definitionOf', { name: t('reach.m.' + m.id) }), text: '?' });
    help.addEventListener('click', function () {
      def.hidden = !def.hidden;
      help.setAttribute('aria-expanded', def.hidden ? 'false' : 'true');
    });
    return h('div', { class: 'reach-tile', 'data-measure': m.id },
      h('div', { class: 'reach-tile-head' }, h('span', { class: 'reach-tile-name', i18n: 'reach.m.' + m.id }), help),
      h('div', { class: 'reach-tile-value', id: 'reach-value-' + m.id, text: formatMeasure(m.id, m.value) }),
      def);
  }));
}

function exportLinks(f) {
  return h('div', { class: 'reach-exports' },
    h('a', { class: 'btn', id: 'reach-export-csv', href: '/api/v1/reach/export.csv' + qs(f), download: '', i18n: 'reach.exportCsv' }),
    h('a', { class: 'btn', id: 'reach-export-xlsx', href: '/api/v1/reach/export.xlsx' + qs(f), download: '', i18n: 'reach.exportXlsx' }));
}

function funnelTable(steps) {
  return dataTable([
    { label: 'reach.colStep', cell: function (s) { return t('reach.step.' + s.id); } },
    { label: 'reach.persons', cell: function (s) { return count(s.count); } },
    { label: 'reach.colOfPrevious', cell: function (s) { return percent(s.ofPrevious); } },
  ], steps, { id: 'reach-funnel-table', caption: 'reach.funnel' });
}

function breakdownTable(by, rows) {
  const cols = [{ label: 'reach.colName', cell: function (r) { return '\u3000'.repeat(r.depth || 0) + r.name; } }];
  if (by !== 'channel') cols.push({ label: 'reach.colReached', cell: function (r) { return count(r.reached); } });
  cols.push({ label: 'reach.colPersonTimes', cell: function (r) { return count(r.personTimes); } });
  if (by !== 'channel') {
    cols.push({ label: 'reach.colReadRate', cell: function (r) { return percent(r.readRate); } });
    cols.push({ label: 'reach.colFinishRate', cell: function (r) { return percent(r.finishRate); } });
  }
  return dataTable(cols, rows, { id: 'reach-table-' + by, caption: 'reach.by.' + by });
}

function topTable(items) {
  if (!items.length) return h('p', { class: 'muted', i18n: 'reach.none' });
  return dataTable([
    { label: 'reach.colTitle', cell: function (r) { return h('a', { href: '/read#/' + encodeURIComponent(r.slug), text: r.title || r.slug }); } },
    { label: 'reach.colPersonTimes', cell: function (r) { return count(r.personTimes); } },
    { label: 'reach.colReached', cell: function (r) { return count(r.reached); } },
    { label: 'reach.colReadRate', cell: function (r) { return percent(r.readRate); } },
    { label: 'reach.colFinishRate', cell: function (r) { return percent(r.finishRate); } },
  ], items, { id: 'reach-top-table', caption: 'reach.top' });
}

// Who was not reached by a campaign, or has not finished a study task: one picker, a masked and paged list.
const MISSED = {
  campaign: { id: 'missed', list: function () { return reachApi.campaigns(); }, name: function (c) { return c.name; },
    load: function (id, page) { return reachApi.notReached(id, page); }, title: 'reach.notReached', hint: 'reach.notReachedHint',
    choose: 'reach.chooseCampaign', label: 'reach.campaign', total: 'reach.notReachedTotal', when: 'reach.colSentAt' },
  task: { id: 'unfinished', list: function () { return reachApi.tasks(); }, name: function (t) { return t.title; },
    load: function (id, page) { return reachApi.notFinished(id, page); }, title: 'reach.notFinished', hint: 'reach.notFinishedHint',
    choose: 'reach.chooseTask', label: 'reach.task', total: 'reach.notFinishedTotal', when: 'reach.colAssignedAt' },
};

function missedBlock(kind, preset) {
  const m = MISSED[kind];
  const list = h('div', { id: 'reach-' + m.id, 'aria-live': 'polite' });
  const pick = h('select', { id: 'reach-' + m.id + '-pick' }, h('option', { value: '', i18n: m.choose }));
  m.list().then(function (data) {
    (data.items || []).forEach(function (x) { pick.appendChild(h('option', { value: String(x.id), text: m.name(x) })); });
    if (preset) { pick.value = preset; show(1); }
  }, function () {});
  function show(page) {
    if (!pick.value) { replace(list); return; }
    replace(list, loadingView());
    m.load(pick.value, page).then(function (d) {
      replace(list,
        h('p', { i18n: m.total, args: { n: d.total } }),
        d.items.length ? dataTable([
          { label: 'reach.colName', cell: function (r) { return r.name; } },
          { label: 'reach.colPhone', cell: function (r) { return r.phone || '—'; } },
          { label: m.when, cell: function (r) { return r.sentAt ? formatTime(r.sentAt) : '—'; } },
        ], d.items, { id: 'reach-' + m.id + '-table', caption: m.title }) : null,
        d.total > d.page * d.pageSize ? h('button', { type: 'button', class: 'btn', id: 'reach-' + m.id + '-more', i18n: 'reach.nextPage',
          onclick: function () { show(d.page + 1); } }) : null);
    }, function (err) { replace(list, errorView(err, function () { show(page); })); });
  }
  pick.addEventListener('change', function () { show(1); });
  return h('section', { class: 'reach-block', 'aria-labelledby': 'reach-' + m.id + '-title' },
    h('h2', { id: 'reach-' + m.id + '-title', i18n: m.title }),
    h('p', { class: 'muted', i18n: m.hint }),
    h('div', { class: 'field' }, h('label', { for: 'reach-' + m.id + '-pick', i18n: m.label }), pick),
    list);
}
