// 分群: saved segments with their member count and "as of" time; #/segments?id=new opens the builder for a new one,
// #/segments?id=N the builder of a saved one with its status (recompute) and its members.
import { h, replace, formatTime } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { dataTable, hashFor } from './table.js';
import { segmentsApi } from './audience-data.js';
import { renderBuilder } from './segments-builder.js';

/** Draws the list, or a segment's page when params.id is given. */
export function renderSegments(container, ctx, params) {
  if (params.id) { renderBuilder(container, ctx, params.id === 'new' ? null : Number(params.id)); return; }
  const results = h('div', { class: 'results', id: 'segments-results', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('div', { class: 'section-head' }, h('h1', { i18n: 'nav.segments' }),
      h('a', { class: 'btn btn-primary', id: 'segment-new', href: hashFor('segments', { id: 'new' }), i18n: 'segments.new' })),
    h('p', { class: 'intro', i18n: 'segments.intro' }), results);
  load();

  function load() {
    segmentsApi.list().then(function (data) {
      results.removeAttribute('aria-busy');
      drawList(results, data.items || []);
    }, function (err) {
      results.removeAttribute('aria-busy');
      replace(results, errorView(err, load));
    });
  }
}

/** "截至 2026-11-22 12:00:00" or "尚未计算". */
export function asOf(segment) {
  return segment.computedAt ? h('span', { class: 'seg-asof', i18n: 'segments.asOf', args: { time: formatTime(segment.computedAt) } })
    : h('span', { class: 'seg-asof muted', i18n: 'segments.notComputed' });
}

function drawList(box, items) {
  if (!items.length) {
    replace(box, h('div', { class: 'card empty-state' }, h('p', { class: 'empty-title', i18n: 'segments.empty' })));
    return;
  }
  replace(box, dataTable([
    { label: 'segments.colName', cell: function (s) {
      return [h('a', { href: hashFor('segments', { id: s.id }), class: 'link-title', text: s.name }),
        s.description ? h('div', { class: 'muted', text: s.description }) : null];
    } },
    { label: 'segments.colMembers', class: 'num', cell: function (s) { return String(s.memberCount); } },
    { label: 'segments.colHoldout', class: 'num', cell: function (s) {
      return s.holdoutPercent ? s.holdoutCount + '（' + s.holdoutPercent + '%）' : '—';
    } },
    { label: 'segments.colAsOf', class: 'nowrap', cell: asOf },
  ], items, { id: 'segments-table', caption: 'nav.segments' }));
}
