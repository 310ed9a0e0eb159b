// 推送 wizard: 1 内容 (a piece), 2 对象 (a saved segment, with its size and when it was computed), 3 渠道 (inbox
// and/or group robots), 4 时间 (now, at a time, every year; rate and priority), 5 确认 (summary, then create and
// start, or keep as a draft). One step shows at a time; Next checks the step before moving on.
import { h, replace, formatTime } from '../dom.js';
import { visibility, beijingToday } from './content-data.js';
import { t } from '../i18n.js';
import { errorView, loadingView, withBusy, describeError, showFormError, announce } from '../feedback.js';
import { campaignApi, campaignHash, beijingInputToISO, isoToBeijingInput } from './campaigns-data.js';

const STEPS = ['content', 'audience', 'channels', 'time', 'confirm'];

export function renderCampaignWizard(container) {
  const body = h('div', { id: 'wizard-body', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('a', { class: 'back-link', href: '#/campaigns', i18n: 'campaigns.backToList' }),
    h('div', { class: 'section-head' }, h('h1', { i18n: 'campaigns.new' })),
    body);
  load();

  function load() {
    Promise.all([campaignApi.content(), campaignApi.audiences(), campaignApi.robots()]).then(function (r) {
      body.removeAttribute('aria-busy');
      // Only pieces readers can open today: a campaign never pushes a link that answers 404 (the server checks too).
      const today = beijingToday();
      wizard(body, (r[0].items || []).filter(function (p) { return visibility(p, today) === 'live'; }), r[1].items || [], r[2].items || []);
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
}

function wizard(box, pieces, segments, robots) {
  const state = { step: 0, channels: ['inbox'], robotIds: [], schedule: 'now', yearly: '12-04 09:00', rate: 6000, priority: 0 };
  const errorBox = h('div', { class: 'form-error', role: 'alert', id: 'wizard-error', hidden: true });
  const stepList = h('ol', { class: 'camp-steps', id: 'wizard-steps' }, STEPS.map(function (s, i) {
    return h('li', { 'data-step': s }, h('span', { class: 'camp-step-n', text: String(i + 1) }), h('span', { i18n: 'campaigns.step.' + s }));
  }));
  const panel = h('div', { class: 'card camp-panel', id: 'wizard-panel' });
  const back = h('button', { type: 'button', class: 'btn', id: 'wizard-back', i18n: 'campaigns.back', onclick: function () { go(state.step - 1); } });
  const next = h('button', { type: 'button', class: 'btn btn-primary', id: 'wizard-next', i18n: 'campaigns.next', onclick: function () {
    const problem = check(state.step);
    showFormError(errorBox, problem);
    if (!problem) go(state.step + 1);
  } });
  replace(box, stepList, panel, errorBox, h('div', { class: 'form-actions' }, back, next));
  go(0);

  function go(step) {
    collect();
    state.step = Math.max(0, Math.min(STEPS.length - 1, step));
    showFormError(errorBox, '');
    Array.prototype.forEach.call(stepList.children, function (li, i) {
      if (i === state.step) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
      li.classList.toggle('is-done', i < state.step);
    });
    back.hidden = state.step === 0;
    next.hidden = state.step === STEPS.length - 1;
    replace(panel, [contentStep, audienceStep, channelStep, timeStep, confirmStep][state.step]());
    const heading = panel.querySelector('h2');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
  }

  /** Reads the visible step's fields into state. */
  function collect() {
    const f = panel.querySelector('form');
    if (!f) return;
    const v = function (name) { return f.elements[name] ? f.elements[name].value : undefined; };
    if (v('contentSlug') !== undefined) state.contentSlug = v('contentSlug');
    const seg = f.querySelector('input[name=segment]:checked');
    if (seg) state.segmentId = Number(seg.value);
    if (f.elements.inbox) {
      state.channels = [];
      if (f.elements.inbox.checked) state.channels.push('inbox');
      if (f.elements.robots.checked) state.channels.push('robots');
      state.robotIds = Array.prototype.filter.call(f.querySelectorAll('input[name=robot]'), function (c) { return c.checked; })
        .map(function (c) { return Number(c.value); });
      state.message = v('message').trim();
    }
    const when = f.querySelector('input[name=schedule]:checked');
    if (when) {
      state.schedule = when.value;
      state.startsAtInput = v('startsAt');
      state.yearly = v('yearly').trim();
      state.rate = Number(v('rate'));
      state.priority = Number(v('priority'));
    }
    if (v('name') !== undefined) state.name = v('name').trim();
  }

  function check(step) {
    collect();
    if (step === 0 && !state.contentSlug) return t('campaigns.needContent');
    if (step === 1 && !state.segmentId) return t('campaigns.needSegment');
    if (step === 2 && !state.channels.length) return t('campaigns.needChannel');
    if (step === 2 && state.channels.indexOf('robots') >= 0 && !state.robotIds.length) return t('campaigns.needRobot');
    if (step === 3 && state.schedule === 'at' && !beijingInputToISO(state.startsAtInput)) return t('campaigns.needTime');
    if (step === 3 && state.schedule === 'yearly' && !/^\d{2}-\d{2} \d{2}:\d{2}$/.test(state.yearly)) return t('campaigns.needYearly');
    if (step === 3 && !(state.rate >= 1 && state.rate <= 1000000)) return t('campaigns.needRate');
    return '';
  }

  function stepForm(key, hintKey, ...children) {
    return h('form', { novalidate: true, onsubmit: function (e) { e.preventDefault(); next.click(); } },
      h('h2', { i18n: 'campaigns.step.' + key }), hintKey ? h('p', { class: 'muted', i18n: hintKey }) : null, children);
  }

  function contentStep() {
    if (!pieces.length) return stepForm('content', null, h('p', { class: 'empty-title', i18n: 'campaigns.noPieces' }));
    return stepForm('content', 'campaigns.contentHint',
      h('div', { class: 'field' }, h('label', { for: 'wz-content', i18n: 'campaigns.piece' }),
        h('select', { id: 'wz-content', name: 'contentSlug' }, h('option', { value: '', i18n: 'campaigns.choosePiece' }),
          pieces.map(function (p) { return h('option', { value: p.slug, selected: p.slug === state.contentSlug, text: p.title }); }))));
  }

  function audienceStep() {
    if (!segments.length) return stepForm('audience', null, h('p', { class: 'empty-title', id: 'wz-no-segments', i18n: 'campaigns.noSegments' }));
    return stepForm('audience', 'campaigns.audienceHint',
      h('fieldset', { class: 'field' }, h('legend', { class: 'visually-hidden', i18n: 'campaigns.step.audience' }),
        h('div', { class: 'checks checks-column' }, segments.map(function (s) {
          const id = 'wz-seg-' + s.id;
          return h('div', { class: 'check check-described' },
            h('input', { type: 'radio', name: 'segment', id: id, value: s.id, checked: s.id === state.segmentId }),
            h('label', { for: id }, h('span', { text: s.name }),
              h('span', { class: 'hint', i18n: s.holdoutCount ? 'campaigns.segmentFactsHeld' : 'campaigns.segmentFacts',
                args: { n: s.memberCount, held: s.holdoutCount || 0, at: s.computedAt ? formatTime(s.computedAt).slice(0, 16) : t('campaigns.never') } })));
        }))));
  }

  function channelStep() {
    const chosen = function (c) { return state.channels.indexOf(c) >= 0; };
    return stepForm('channels', 'campaigns.channelsHint',
      h('div', { class: 'checks checks-column' },
        h('div', { class: 'check check-described' }, h('input', { type: 'checkbox', id: 'wz-inbox', name: 'inbox', checked: chosen('inbox') }),
          h('label', { for: 'wz-inbox' }, h('span', { i18n: 'campaigns.channel.inbox' }), h('span', { class: 'hint', i18n: 'campaigns.inboxHint' }))),
        h('div', { class: 'check check-described' }, h('input', { type: 'checkbox', id: 'wz-robots', name: 'robots', checked: chosen('robots') }),
          h('label', { for: 'wz-robots' }, h('span', { i18n: 'campaigns.channel.robots' }), h('span', { class: 'hint', i18n: 'campaigns.robotsHint' })))),
      h('fieldset', { class: 'field camp-robot-choice' }, h('legend', { i18n: 'campaigns.whichRobots' }),
        robots.filter(function (r) { return r.enabled; }).length
          ? h('div', { class: 'checks' }, robots.filter(function (r) { return r.enabled; }).map(function (r) {
            return h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'robot', value: r.id, checked: state.robotIds.indexOf(r.id) >= 0 }),
              h('span', { text: r.name }));
          }))
          : h('p', { class: 'muted' }, h('span', { i18n: 'campaigns.noRobots' }), ' ',
            h('a', { href: '#/campaigns?view=robots', i18n: 'campaigns.robots' }))),
      h('div', { class: 'field' }, h('label', { for: 'wz-message', i18n: 'campaigns.message' }),
        h('textarea', { id: 'wz-message', name: 'message', rows: 2, maxlength: 200, 'aria-describedby': 'wz-message-hint' }, state.message || ''),
        h('p', { class: 'hint', id: 'wz-message-hint', i18n: 'campaigns.messageHint' })));
  }

  function timeStep() {
    const radio = function (value) {
      return h('label', { class: 'check' }, h('input', { type: 'radio', name: 'schedule', value: value, id: 'wz-when-' + value,
        checked: state.schedule === value }), h('span', { i18n: 'campaigns.when.' + value }));
    };
    const at = state.startsAtInput || isoToBeijingInput(Date.now() + 3600 * 1000);
    const atField = h('div', { class: 'field', id: 'wz-at-field' }, h('label', { for: 'wz-at', i18n: 'campaigns.startsAt' }),
      h('input', { type: 'datetime-local', id: 'wz-at', name: 'startsAt', value: at }));
    const yearlyField = h('div', { class: 'field', id: 'wz-yearly-field' }, h('label', { for: 'wz-yearly', i18n: 'campaigns.yearly' }),
      h('input', { type: 'text', id: 'wz-yearly', name: 'yearly', value: state.yearly, inputmode: 'numeric', 'aria-describedby': 'wz-yearly-hint' }),
      h('p', { class: 'hint', id: 'wz-yearly-hint', i18n: 'campaigns.yearlyHint' }));
    const form = stepForm('time', null,
      h('fieldset', { class: 'field' }, h('legend', { i18n: 'campaigns.whenLabel' }), h('div', { class: 'checks' }, radio('now'), radio('at'), radio('yearly'))),
      atField, yearlyField,
      h('div', { class: 'field' }, h('label', { for: 'wz-rate', i18n: 'campaigns.rate' }),
        h('input', { type: 'number', id: 'wz-rate', name: 'rate', min: 1, max: 1000000, value: state.rate, 'aria-describedby': 'wz-rate-hint' }),
        h('p', { class: 'hint', id: 'wz-rate-hint', i18n: 'campaigns.rateHint' })),
      h('div', { class: 'field' }, h('label', { for: 'wz-priority', i18n: 'campaigns.priority' }),
        h('select', { id: 'wz-priority', name: 'priority', 'aria-describedby': 'wz-priority-hint' }, [0, 3, 6, 8].map(function (p) {
          return h('option', { value: p, selected: p === state.priority, i18n: 'campaigns.priorityName.' + p });
        })),
        h('p', { class: 'hint', id: 'wz-priority-hint', i18n: 'campaigns.priorityHint' })));
    // Only the time the chosen kind needs is shown.
    function showTimes() {
      const chosen = form.querySelector('input[name=schedule]:checked').value;
      atField.hidden = chosen !== 'at';
      yearlyField.hidden = chosen !== 'yearly';
    }
    form.addEventListener('change', showTimes);
    showTimes();
    return form;
  }

  function confirmStep() {
    const piece = pieces.filter(function (p) { return p.slug === state.contentSlug; })[0] || {};
    const segment = segments.filter(function (s) { return s.id === state.segmentId; })[0] || {};
    const names = robots.filter(function (r) { return state.robotIds.indexOf(r.id) >= 0; }).map(function (r) { return r.name; }).join('、');
    const when = state.schedule === 'at' ? formatTime(beijingInputToISO(state.startsAtInput)).slice(0, 16)
      : state.schedule === 'yearly' ? t('campaigns.everyYear', { date: state.yearly }) : t('campaigns.when.now');
    const row = function (key, value, id) { return [h('dt', { i18n: key }), h('dd', { id: id || null, text: value })]; };
    const start = h('button', { type: 'submit', class: 'btn btn-primary', id: 'wizard-start', i18n: 'campaigns.createStart' });
    const draft = h('button', { type: 'button', class: 'btn', id: 'wizard-draft', i18n: 'campaigns.saveDraft', onclick: function () { save(draft, false); } });
    const form = stepForm('confirm', null,
      h('dl', { class: 'camp-summary', id: 'wizard-summary' },
        row('campaigns.piece', piece.title || ''),
        row('campaigns.step.audience', t('campaigns.segmentShort', { name: segment.name || '', n: segment.memberCount || 0 })),
        row('campaigns.step.channels', state.channels.map(function (c) { return t('campaigns.channel.' + c); }).join('、') + (names ? '（' + names + '）' : '')),
        row('campaigns.step.time', when),
        row('campaigns.rate', t('campaigns.perMinute', { n: state.rate })),
        row('campaigns.priority', t('campaigns.priorityName.' + state.priority))),
      h('div', { class: 'field' }, h('label', { for: 'wz-name', i18n: 'campaigns.name' }),
        h('input', { type: 'text', id: 'wz-name', name: 'name', maxlength: 60, required: true, value: state.name || piece.title || '' })),
      h('div', { class: 'form-actions' }, start, draft));
    form.onsubmit = function (e) { e.preventDefault(); save(start, true); };
    return form;
  }

  function save(button, andStart) {
    collect();
    if (!state.name) { showFormError(errorBox, t('campaigns.needName')); return; }
    const input = { name: state.name, contentSlug: state.contentSlug, segmentId: state.segmentId, channels: state.channels,
      robotIds: state.robotIds, message: state.message || '', schedule: state.schedule, priority: state.priority, ratePerMinute: state.rate };
    if (state.schedule === 'at') input.startsAt = beijingInputToISO(state.startsAtInput);
    if (state.schedule === 'yearly') input.yearly = state.yearly;
    withBusy(button, function () {
      return campaignApi.create(input).then(function (created) {
        if (!andStart) return created;
        // Created but not started (its time has passed, say): open its page, where the reason shows and Start is.
        return campaignApi.act(created.id, 'start').catch(function (err) { announce(describeError(err), 'error'); return created; });
      });
    }).then(function (campaign) {
      announce(t(andStart ? 'campaigns.started' : 'campaigns.saved', { name: campaign.name }));
      location.hash = campaignHash(campaign.id);
    }, function (err) { showFormError(errorBox, describeError(err)); });
  }
}
