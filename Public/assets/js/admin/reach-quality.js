// 未计入的数据: what event ingestion did not count as reach over the dashboard's range — visits labelled as bots,
// link previews, tools or prefetches, and events refused with their reason (duplicates, unknown kinds, pieces that
// do not exist, too old, malformed or oversized batches). Loaded on its own so the dashboard never waits for it.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { request, query } from '../api.js';

const LABELS = ['bot', 'link_preview', 'tool', 'prefetch', 'no_agent'];
const REASONS = ['duplicate', 'unknown_kind', 'server_kind', 'unknown_content', 'too_old', 'bad_id', 'bad_value', 'malformed', 'batch_too_large'];

/** The block for filter f (its from, to and content). */
export function qualityBlock(f) {
  const box = h('div', { class: 'muted', i18n: 'loading' });
  const section = h('section', { class: 'reach-block', id: 'reach-quality', 'aria-labelledby': 'reach-quality-title' },
    h('h2', { id: 'reach-quality-title', i18n: 'reach.quality' }),
    h('p', { class: 'muted', i18n: 'reach.qualityIntro' }), box);
  request('GET', '/api/v1/reach/ingestion' + query({ from: f.from, to: f.to, content: f.content })).then(function (q) {
    const rows = LABELS.filter(function (k) { return q.labelled[k]; }).map(function (k) { return [t('reach.label.' + k), q.labelled[k]]; })
      .concat(REASONS.filter(function (k) { return q.rejected[k]; }).map(function (k) { return [t('reach.reject.' + k), q.rejected[k]]; }));
    replace(box, rows.length ? h('table', { class: 'data-table', id: 'reach-quality-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', i18n: 'reach.qualityWhat' }), h('th', { scope: 'col', class: 'num', i18n: 'reach.qualityCount' }))),
      h('tbody', null, rows.map(function (r) { return h('tr', null, h('td', { text: r[0] }), h('td', { class: 'num', text: String(r[1]) })); })))
      : h('p', { i18n: 'reach.qualityNone' }));
  }, function () { replace(box, h('p', { i18n: 'reach.qualityFailed' })); });
  return section;
}
