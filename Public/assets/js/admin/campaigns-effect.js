// The measured effect of a campaign, or of one piece over a date range (the 成效 dashboard with a piece chosen): readers' accuracy on the piece's knowledge points before → after reading, readers
// vs the hold-out kept unreached, and retention 7+ days later. Each estimate shows its numbers, sample sizes and its
// 95% interval drawn as a bar on a percentage-point scale around zero (plain divs: the numbers beside it say the same
// for screen readers). "样本不足" with the reason when too few people answered.
import { h, replace } from '../dom.js';
import { t, getLang, onLangChange } from '../i18n.js';
import { request } from '../api.js';
import { errorView, loadingView } from '../feedback.js';

const MINIMUMS = [1, 3, 5, 10];

/** `subject` is a campaign id, or { content: slug, from, to } for one piece over Beijing days. */
export function renderEffect(container, subject) {
  const query = typeof subject === 'object'
    ? 'content=' + encodeURIComponent(subject.content) + '&from=' + encodeURIComponent(subject.from) + '&to=' + encodeURIComponent(subject.to)
    : 'campaign=' + encodeURIComponent(subject);
  let minimum = 1;
  let last = null;
  // The definitions stay open across reloads once opened.
  let howOpen = false;
  const body = h('div', { id: 'effect-body', 'aria-live': 'polite' }, loadingView());
  const select = h('select', { id: 'effect-minimum', onchange: function () { minimum = Number(select.value); load(); } },
    MINIMUMS.map(function (n) { return h('option', { value: String(n), text: String(n), selected: n === minimum }); }));
  replace(container, h('section', { class: 'card eff', 'aria-labelledby': 'effect-title' },
    h('h2', { id: 'effect-title', i18n: 'effect.title' }),
    h('p', { class: 'hint', i18n: 'effect.intro' }),
    h('label', { class: 'eff-minimum' }, h('span', { i18n: 'effect.minimum' }), select),
    body));
  load();
  onLangChange(function () { if (last && container.isConnected) draw(last); });

  function load() {
    body.setAttribute('aria-busy', 'true');
    request('GET', '/api/v1/reach/effect?' + query + '&minAnswers=' + minimum).then(function (e) {
      body.removeAttribute('aria-busy');
      last = e;
      draw(e);
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }

  function draw(e) {
    const why = e.notEnoughData || {};
    const general = ['campaign', 'knowledgePoints'].filter(function (k) { return why[k]; });
    // Before the run starts there is nothing to measure: one sentence instead of three empty estimates.
    if (why.campaign) {
      replace(body, h('p', { class: 'muted', id: 'effect-not-started', text: local(why.campaign) }));
      return;
    }
    replace(body,
      h('p', { id: 'effect-points' }, h('span', { i18n: 'effect.points' }), ' ',
        e.knowledgePoints.length ? e.knowledgePoints.join('、') : t('none')),
      general.map(function (k) { return h('p', { class: 'muted', text: local(why[k]) }); }),
      row('readers', 'effect.readers', e.readers, why.readers, e.readers && e.readers.before != null
        ? t('effect.beforeAfter', { before: pct(e.readers.before), after: pct(e.readers.after) }) : '',
        t('effect.nReaders', { n: e.readers.n })),
      row('holdout', 'effect.vsHoldout', e.vsHoldout, why.holdout, e.vsHoldout && e.vsHoldout.treated != null && e.vsHoldout.holdout != null
        ? t('effect.treatedHoldout', { treated: pct(e.vsHoldout.treated), holdout: pct(e.vsHoldout.holdout) }) : '',
        e.vsHoldout ? t('effect.nGroups', { n: e.vsHoldout.n, m: e.vsHoldout.comparisonN }) : ''),
      row('retention', 'effect.retention', e.retention, why.retention, e.retention && e.retention.before != null
        ? t('effect.beforeAfter', { before: pct(e.retention.before), after: pct(e.retention.after) }) : '',
        e.retention ? t('effect.nReaders', { n: e.retention.n }) : ''),
      h('details', { class: 'eff-how', open: howOpen, ontoggle: function (ev) { howOpen = ev.target.open; } },
        h('summary', { i18n: 'effect.how' }),
        h('p', { text: (e.definitions || {})[getLang() === 'en' ? 'en' : 'zh'] || '' })));
  }
}

/** One estimate: title, the means, the difference with its interval and sample size, or "not enough data". */
function row(name, titleKey, est, reason, means, sizes) {
  const defined = est && est.difference != null;
  return h('div', { class: 'eff-row', id: 'effect-' + name },
    h('h3', { i18n: titleKey }),
    defined ? [
      h('p', { class: 'eff-figures' },
        h('strong', { class: 'stats-number eff-diff', text: pp(est.difference) }), ' ',
        h('span', { class: 'eff-ci', i18n: 'effect.ci', args: { low: pp(est.low), high: pp(est.high) } })),
      h('p', { class: 'muted eff-means', text: [means, sizes].filter(Boolean).join(' · ') }),
      interval(est),
    ] : [
      h('p', null, h('span', { class: 'badge eff-short', i18n: 'effect.notEnough' }), ' ', h('span', { class: 'muted', text: local(reason) || sizes })),
    ]);
}

/** The interval on a symmetric percentage-point scale around zero (at least ±10). */
function interval(est) {
  // Some room beyond the farthest end, so a dot at the edge stays whole.
  const reach = Math.max(0.08, Math.abs(est.low), Math.abs(est.high)) + 0.02;
  const span = Math.ceil(reach * 10) / 10;
  const at = function (x) { return (50 + (x / span) * 50).toFixed(2) + '%'; };
  return h('div', { class: 'eff-scale', 'aria-hidden': 'true' },
    h('span', { class: 'eff-zero', style: 'left:50%' }),
    h('span', { class: 'eff-band', style: 'left:' + at(est.low) + ';width:' + ((est.high - est.low) / span * 50).toFixed(2) + '%' }),
    h('span', { class: 'eff-dot', style: 'left:' + at(est.difference) }),
    h('span', { class: 'eff-tick eff-tick-low', text: pp(-span) }),
    h('span', { class: 'eff-tick eff-tick-mid', text: '0' }),
    h('span', { class: 'eff-tick eff-tick-high', text: pp(span) }));
}

function pct(x) { return (x * 100).toFixed(1) + '%'; }

/** A difference in percentage points, signed. */
function pp(x) {
  const v = Math.round(x * 1000) / 10;
  return (v > 0 ? '+' : v < 0 ? '−' : '') + Math.abs(v).toFixed(1);
}

/** The server's reasons are "中文 / English": the half for the page's language. */
function local(text) {
  if (!text) return '';
  const parts = String(text).split(' / ');
  return parts.length < 2 ? text : getLang() === 'en' ? parts.slice(1).join(' / ') : parts[0];
}
