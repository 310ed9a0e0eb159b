// One campaign: what it sends to whom and when, its actions (start, pause, resume, cancel), and the current
// sending's progress polled every two seconds while it moves — sent of the audience, ETA at its rate, deliveries
// waiting for a cap or quiet hours (by reason), and each group robot's message with a resend button when it failed
// or its fate is unknown.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, withBusy, describeError, announce } from '../feedback.js';
import { dataTable } from './table.js';
import { campaignApi, statusClass, durationParts, LIVE, POLL_MS } from './campaigns-data.js';
import { renderEffect } from './campaigns-effect.js';

const ACTIONS = { draft: ['start', 'cancel'], scheduled: ['pause', 'cancel'], sending: ['pause', 'cancel'], paused: ['resume', 'cancel'] };

export function renderCampaignPage(container, ctx, id) {
  const head = h('div', { id: 'campaign-head', 'aria-busy': 'true' }, loadingView());
  const live = h('div', { id: 'campaign-progress' });
  const effect = h('div', { id: 'campaign-effect' });
  replace(container, h('a', { class: 'back-link', href: '#/campaigns', i18n: 'campaigns.backToList' }), head, live, effect);
  let timer = null;
  load();
  renderEffect(effect, id);

  function load() {
    clearTimeout(timer);
    Promise.all([campaignApi.get(id), campaignApi.progress(id)]).then(function (r) {
      head.removeAttribute('aria-busy');
      drawHead(r[0]);
      drawProgress(r[0], r[1]);
      // Keep polling while the figures can still move and the page is still shown.
      if (LIVE.indexOf(r[1].status) >= 0 && container.isConnected) timer = setTimeout(load, POLL_MS);
    }, function (err) {
      head.removeAttribute('aria-busy');
      replace(head, errorView(err, load));
    });
  }

  function drawHead(c) {
    const schedule = c.schedule === 'at' ? formatTime(c.startsAt).slice(0, 16)
      : c.schedule === 'yearly' ? t('campaigns.everyYear', { date: c.yearly }) : t('campaigns.when.now');
    replace(head,
      h('div', { class: 'section-head' },
        h('h1', { text: c.name }),
        h('div', { class: 'head-actions' }, (ACTIONS[c.status] || []).map(function (a) {
          const button = h('button', { type: 'button', class: 'btn' + (a === 'start' ? ' btn-primary' : a === 'cancel' ? ' btn-danger' : ''),
            id: 'campaign-' + a, i18n: 'campaigns.action.' + a, onclick: function () {
              if (a === 'cancel' && !window.confirm(t('campaigns.confirmCancel'))) return;
              withBusy(button, function () { return campaignApi.act(c.id, a); }).then(function () {
                announce(t('campaigns.done.' + a));
                load();
              }, function (err) { announce(describeError(err), 'error'); });
            } });
          return button;
        }))),
      h('p', null, h('span', { class: statusClass(c.status), id: 'campaign-status', i18n: 'campaigns.status.' + c.status })),
      h('dl', { class: 'camp-summary' },
        h('dt', { i18n: 'campaigns.piece' }), h('dd', null, h('a', { href: '/read#/' + encodeURIComponent(c.contentSlug), target: '_blank', rel: 'noopener', text: c.contentTitle })),
        h('dt', { i18n: 'campaigns.step.audience' }), h('dd', { text: c.segmentName }),
        h('dt', { i18n: 'campaigns.step.channels' }), h('dd', { text: c.channels.map(function (x) { return t('campaigns.channel.' + x); }).join('、') }),
        h('dt', { i18n: 'campaigns.step.time' }), h('dd', { text: schedule }),
        h('dt', { i18n: 'campaigns.rate' }), h('dd', { text: t('campaigns.perMinute', { n: c.ratePerMinute }) }),
        c.message ? [h('dt', { i18n: 'campaigns.note' }), h('dd', { text: c.message })] : null));
  }

  function drawProgress(c, p) {
    if (!p.runId) {
      replace(live, h('div', { class: 'card' }, h('p', { class: 'muted', id: 'campaign-not-started',
        i18n: p.nextRunAt ? 'campaigns.waitingFor' : 'campaigns.notStartedHint', args: { at: formatTime(p.nextRunAt).slice(0, 16) } })));
      return;
    }
    const stat = function (key, value, idName) { return h('div', { class: 'q-stat', id: idName }, h('dt', { i18n: key }), h('dd', { text: String(value) })); };
    const eta = durationParts(p.etaSeconds);
    const reasons = Object.keys(p.deferred || {});
    replace(live, h('section', { class: 'card', 'aria-labelledby': 'progress-title' },
      h('h2', { id: 'progress-title', i18n: 'campaigns.progressTitle' }),
      p.nextRunAt ? h('p', { class: 'muted', id: 'campaign-next-run', i18n: 'campaigns.nextRun', args: { at: formatTime(p.nextRunAt).slice(0, 16) } }) : null,
      h('div', { class: 'camp-bar' },
        h('progress', { id: 'campaign-bar', max: 100, value: p.percent, 'aria-labelledby': 'progress-title' }),
        h('span', { class: 'stats-number', id: 'campaign-percent', text: p.percent + '%' })),
      h('dl', { class: 'q-stats' },
        stat('campaigns.audience', p.audience, 'stat-audience'), stat('campaigns.sent', p.sent, 'stat-sent'),
        stat('campaigns.pending', p.pending, 'stat-pending'), stat('campaigns.heldOut', p.heldOut, 'stat-held')),
      !p.pending && p.status === 'sending' && p.robots.length ? h('p', { class: 'muted', id: 'campaign-robots-left', i18n: 'campaigns.robotsLeft' }) : null,
      p.pending ? h('p', { id: 'campaign-eta', i18n: 'campaigns.eta', args: { h: eta.h, m: eta.m, s: eta.s, rate: p.rate } }) : null,
      p.cancelled ? h('p', { class: 'muted', i18n: 'campaigns.cancelledN', args: { n: p.cancelled } }) : null,
      reasons.length ? h('div', { id: 'campaign-deferred' }, h('h3', { i18n: 'campaigns.deferredTitle' }),
        h('ul', null, reasons.map(function (r) { return h('li', { i18n: 'campaigns.reason.' + r, args: { n: p.deferred[r] } }); })),
        h('p', { class: 'hint', i18n: 'campaigns.deferredHint' })) : null),
      p.robots.length ? robotTable(p.robots) : null);
  }

  function robotTable(messages) {
    return h('section', { class: 'card', 'aria-labelledby': 'robot-messages-title' },
      h('h2', { id: 'robot-messages-title', i18n: 'campaigns.robotMessages' }),
      dataTable([
        { label: 'campaigns.robotName', cell: function (m) { return m.name; } },
        { label: 'campaigns.colStatus', cell: function (m) { return h('span', { class: 'badge robot-status-' + m.status, i18n: 'campaigns.robotStatus.' + m.status }); } },
        { label: 'campaigns.attempts', class: 'nowrap', cell: function (m) { return String(m.attempts); } },
        { label: 'campaigns.lastError', cell: function (m) {
          return [m.error ? h('span', { class: 'camp-error', text: m.error }) : null,
            m.nextAt ? h('span', { class: 'muted camp-next', i18n: 'campaigns.nextTry', args: { at: formatTime(m.nextAt).slice(11, 16) } }) : null];
        } },
        { label: 'campaigns.colActions', class: 'actions', cell: function (m) {
          if (m.status !== 'failed' && m.status !== 'unknown') return null;
          const b = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'resend', i18n: 'campaigns.resend', onclick: function () {
            withBusy(b, function () { return campaignApi.resend(m.id); }).then(function () { announce(t('campaigns.resent')); load(); },
              function (err) { announce(describeError(err), 'error'); });
          } });
          return b;
        } },
      ], messages, { id: 'robot-messages', caption: 'campaigns.robotMessages' }));
  }
}
