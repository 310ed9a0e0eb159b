// 推送 list: every campaign, newest first, with its status and how far its current sending is.
import { h, replace, formatTime } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { dataTable } from './table.js';
import { campaignApi, campaignHash, statusClass } from './campaigns-data.js';

export function renderCampaignList(container) {
  const results = h('div', { class: 'results', id: 'campaign-results', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('div', { class: 'section-head' },
      h('h1', { i18n: 'nav.campaigns' }),
      h('div', { class: 'head-actions' },
        h('a', { class: 'btn', href: '#/campaigns?view=robots', id: 'robots-link', i18n: 'campaigns.robots' }),
        h('a', { class: 'btn btn-primary', href: '#/campaigns?view=new', id: 'campaign-new', i18n: 'campaigns.new' }))),
    h('p', { class: 'intro muted', i18n: 'campaigns.intro' }),
    results);
  load();

  function load() {
    results.setAttribute('aria-busy', 'true');
    campaignApi.list().then(function (data) {
      results.removeAttribute('aria-busy');
      draw(data.items || []);
    }, function (err) {
      results.removeAttribute('aria-busy');
      replace(results, errorView(err, load));
    });
  }

  function draw(items) {
    if (!items.length) {
      replace(results, h('div', { class: 'card empty-state', id: 'campaign-empty' },
        h('p', { class: 'empty-title', i18n: 'campaigns.empty' }),
        h('p', { class: 'muted', i18n: 'campaigns.emptyHint' }),
        h('a', { class: 'btn btn-primary', href: '#/campaigns?view=new', i18n: 'campaigns.new' })));
      return;
    }
    replace(results, dataTable([
      { label: 'campaigns.colName', cell: function (c) {
        return [h('a', { class: 'q-stem-link', href: campaignHash(c.id), text: c.name }),
          h('span', { class: 'muted camp-piece', text: c.contentTitle })];
      } },
      { label: 'campaigns.colSegment', cell: function (c) { return c.segmentName; } },
      { label: 'campaigns.colStatus', class: 'nowrap', cell: function (c) {
        return h('span', { class: statusClass(c.status), i18n: 'campaigns.status.' + c.status });
      } },
      { label: 'campaigns.colProgress', class: 'camp-cell-progress', cell: function (c) {
        if (c.percent === null || c.percent === undefined) return h('span', { class: 'muted', i18n: 'campaigns.notStarted' });
        return h('span', { class: 'camp-progress' },
          h('progress', { max: 100, value: c.percent, i18nAttr: { 'aria-label': 'campaigns.progressLabel' }, args: { name: c.name } }),
          h('span', { class: 'stats-number', text: c.percent + '%' }));
      } },
      { label: 'campaigns.colCreated', class: 'nowrap c-cell-meta', cell: function (c) {
        return h('time', { datetime: c.createdAt, text: formatTime(c.createdAt).slice(0, 16) });
      } },
    ], items, { id: 'campaign-table', caption: 'nav.campaigns' }));
  }
}
