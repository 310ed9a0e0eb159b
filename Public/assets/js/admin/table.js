// Data tables that become stacked cards on a phone (each cell shows its column name via data-label),
// and the pager under them.
import { h } from '../dom.js';

/**
 * columns: [{label: key, cell(row) → node|string, class}]; rows: the items. caption: key or null.
 * Returns a scrollable wrapper holding the table.
 */
export function dataTable(columns, rows, options) {
  const opts = options || {};
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data-table', id: opts.id || null },
      opts.caption ? h('caption', { class: 'visually-hidden', i18n: opts.caption }) : null,
      h('thead', null, h('tr', null, columns.map(function (c) {
        return h('th', { scope: 'col', class: c.class || null, i18n: c.label });
      }))),
      h('tbody', null, rows.map(function (row) {
        return h('tr', { 'data-id': row.id },
          columns.map(function (c) {
            // One wrapper per cell: on a phone the cell is a two-column grid (label, content).
            return h('td', { class: c.class || null, i18nAttr: { 'data-label': c.label } }, h('div', { class: 'cell' }, c.cell(row)));
          }));
      }))));
}

/**
 * Previous/next links with "page x of y, n in total". hrefFor(page) gives the hash of a page.
 * Links rather than buttons: each page has its own address, so Back works.
 */
export function pager(page, pageSize, total, hrefFor) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  function link(target, key, rel) {
    if (target < 1 || target > pages) {
      return h('span', { class: 'btn btn-small is-disabled', 'aria-disabled': 'true', i18n: key });
    }
    return h('a', { class: 'btn btn-small', href: hrefFor(target), rel: rel, i18n: key });
  }
  return h('nav', { class: 'pager', i18nAttr: { 'aria-label': 'paging.label' } },
    link(page - 1, 'paging.prev', 'prev'),
    h('span', { class: 'pager-summary', i18n: 'paging.summary', args: { page: page, pages: pages, total: total } }),
    link(page + 1, 'paging.next', 'next'));
}

/** Builds "#/section?key=value&…", leaving out empty values. */
export function hashFor(section, params) {
  const parts = [];
  Object.keys(params).forEach(function (k) {
    const v = params[k];
    if (v === undefined || v === null || v === '' || (k === 'page' && Number(v) === 1)) return;
    parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
  });
  return '#/' + section + (parts.length ? '?' + parts.join('&') : '');
}

/** A positive integer from a hash parameter, or fallback. */
export function pageParam(value, fallback) {
  const n = parseInt(value, 10);
  return n > 0 ? n : fallback;
}
