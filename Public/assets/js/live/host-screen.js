// #/host/12 — the big screen and the host's controls for contest 12. It follows every change (each answer
// bumps the version, so 已作答 x / y moves as phones answer); the controls are 开始/下一题 (Space, →, PageDown —
// what a presenter's clicker sends), 揭晓答案 (R), 结束 (E, confirmed while questions remain) and 全屏 (F).
import { h, replace } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { ApiError } from '../api.js';
import { announce, errorView, loadingView } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { liveApi, liveError } from './live-api.js';
import { follow } from './poller.js';
import { countdownBar } from './countdown.js';
import { lobbyStage, questionStage, revealStage, endedStage, phaseBadge, joinAddress } from './host-views.js';

/** Draws the stage for contest id into container. Returns dispose(). */
export function renderStage(container, id, go) {
  let view = null;
  let receivedAt = 0;
  let shown = '';
  let body = null;
  let countdown = null;
  let busy = false;
  let stopped = false;

  const banner = h('div', { class: 'live-reconnect live-stage-reconnect', id: 'live-reconnect', role: 'status', hidden: true },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'live.reconnecting' }));
  const title = h('h1', { class: 'live-stage-title', id: 'live-stage-title', tabindex: '-1' });
  const badge = h('span', { class: 'live-stage-badge' });
  const progress = h('span', { class: 'live-stage-progress', id: 'live-stage-progress' });
  const joinHint = h('span', { class: 'live-stage-joinhint', id: 'live-stage-joinhint' });
  const players = h('span', { class: 'live-stage-players', id: 'live-stage-players' });
  const slot = h('div', { class: 'live-stage-body', id: 'live-stage-body' }, loadingView());
  const next = control('live-next', 'live.ctlStart', ['Space', '→'], function () { act('next'); });
  const reveal = control('live-reveal', 'live.ctlReveal', ['R'], function () { act('reveal'); });
  const end = control('live-end', 'live.ctlEnd', ['E'], confirmEnd);
  const full = h('button', { type: 'button', class: 'btn live-ctl live-ctl-quiet', id: 'live-fullscreen', onclick: toggleFullscreen },
    h('span', { class: 'live-ctl-label', i18n: 'live.ctlFullscreen' }), h('kbd', { text: 'F' }));
  const back = h('a', { href: '#/host', class: 'btn live-ctl live-ctl-quiet', id: 'live-back', i18n: 'live.ctlBack' });
  const controls = h('footer', { class: 'live-controls', id: 'live-controls' },
    h('div', { class: 'live-controls-main' }, next, reveal, end),
    h('div', { class: 'live-controls-side' }, full, back));
  const stage = h('section', { class: 'live-stage', id: 'live-stage', tabindex: '-1', 'aria-labelledby': 'live-stage-title' },
    h('header', { class: 'live-stage-top' },
      h('div', { class: 'live-stage-heading' }, title, badge),
      h('div', { class: 'live-stage-facts' }, progress, joinHint, players)),
    banner,
    slot,
    controls);
  replace(container, stage);
  stage.focus({ preventScroll: true });

  const poller = follow({
    fetch: function (after, signal) { return liveApi.hostState(id, after, signal); },
    cursor: function (v) { return v.version; },
    onView: show,
    onTrouble: function (err) { banner.hidden = !err; },
    onFatal: function (err) {
      stopCountdown();
      replace(container, h('div', { class: 'live-stage-error' }, errorView(err, function () { go(location.hash, true); }),
        h('p', null, h('a', { class: 'back-link', href: '#/host', i18n: 'live.ctlBack' }))));
    },
  });
  document.addEventListener('keydown', onKey);
  document.addEventListener('fullscreenchange', fullscreenLabel);
  document.addEventListener('webkitfullscreenchange', fullscreenLabel);
  window.addEventListener('resize', fit);
  onLangChange(fit);

  function control(idName, key, keys, onclick) {
    return h('button', { type: 'button', class: 'btn live-ctl', id: idName, onclick: onclick },
      h('span', { class: 'live-ctl-label', i18n: key }),
      keys.map(function (k) { return h('kbd', { i18n: k === 'Space' ? 'live.keySpace' : null, text: k === 'Space' ? null : k }); }));
  }

  function stopCountdown() {
    if (countdown) countdown.stop();
    countdown = null;
  }

  function show(incoming) {
    if (view && incoming.version < view.version) return;
    view = incoming;
    receivedAt = performance.now();
    stage.setAttribute('data-phase', view.phase);
    title.textContent = view.title;
    document.title = view.title + ' · ' + t('door.live');
    replace(badge, phaseBadge(view.phase));
    if (view.phase === 'question' || view.phase === 'reveal') {
      setText(progress, 'live.questionOf', { n: view.index + 1, total: view.total });
    } else {
      setText(progress, 'live.questionsN', { n: view.total });
    }
    // Once the lobby is gone the code stays in a corner, so latecomers can still join.
    if (view.phase === 'lobby' || view.phase === 'ended') setText(joinHint, null);
    else setText(joinHint, 'live.joinHint', { address: joinAddress().text, code: view.code });
    setText(players, 'live.playersN', { n: view.players });
    const key = view.phase + ':' + view.index;
    if (key === shown && body) {
      body.update(view);
    } else {
      shown = key;
      stopCountdown();
      stage.classList.remove('is-time-up');
      if (view.phase === 'lobby') body = lobbyStage(view);
      else if (view.phase === 'question') body = questionStage(view);
      else if (view.phase === 'reveal') body = revealStage(view);
      else body = endedStage(view);
      replace(slot, body.el);
      fit();
      if (view.phase === 'question') {
        countdown = countdownBar(view, receivedAt, function () { stage.classList.add('is-time-up'); }, 'live-stage');
        body.timerSlot.appendChild(countdown.el);
      }
    }
    updateControls();
  }

  // Shrinks the body's type (not below 65%) until it fits above the controls: a long stem with four long
  // options, or a long explanation, should not hide under the controls on a 720-pixel projector. Past that the
  // page scrolls.
  function fit() {
    if (stopped || !body) return;
    const fullscreen = Boolean(fullscreenElement());
    const stageTop = fullscreen ? 0 : stage.getBoundingClientRect().top + window.pageYOffset;
    let scale = 1;
    slot.style.fontSize = '';
    for (let i = 0; i < 8; i++) {
      const slotTop = slot.getBoundingClientRect().top - stage.getBoundingClientRect().top;
      const pad = 2 * parseFloat(getComputedStyle(slot).paddingTop || '0');
      const room = window.innerHeight - stageTop - slotTop - controls.offsetHeight - pad;
      if (body.el.offsetHeight <= room || scale <= 0.65) break;
      scale -= 0.05;
      slot.style.fontSize = scale.toFixed(2) + 'em';
    }
  }

  function setText(el, key, args) {
    if (!key) {
      el.removeAttribute('data-i18n');
      el.textContent = '';
      return;
    }
    el.setAttribute('data-i18n', key);
    el.setAttribute('data-i18n-args', JSON.stringify(args));
    el.textContent = t(key, args);
  }

  function updateControls() {
    const phase = view ? view.phase : '';
    const last = view && view.index + 1 >= view.total;
    const nextKey = phase === 'lobby' ? 'live.ctlStart' : (phase === 'reveal' && last ? 'live.ctlFinish' : 'live.ctlNext');
    const label = next.querySelector('.live-ctl-label');
    label.setAttribute('data-i18n', nextKey);
    label.textContent = t(nextKey);
    next.disabled = busy || !(phase === 'lobby' || phase === 'reveal');
    reveal.disabled = busy || phase !== 'question';
    end.disabled = busy || !phase || phase === 'ended';
    next.classList.toggle('btn-primary', phase === 'lobby' || phase === 'reveal');
    reveal.classList.toggle('btn-primary', phase === 'question');
    stage.classList.toggle('is-over', phase === 'ended');
  }

  function act(action) {
    if (busy || !view) return;
    if (action === 'next' && !(view.phase === 'lobby' || view.phase === 'reveal')) return;
    if (action === 'reveal' && view.phase !== 'question') return;
    busy = true;
    updateControls();
    liveApi.control(id, action).then(function (v) {
      busy = false;
      poller.seen(v);
      show(v);
      // Keys keep working after a click: focus leaves the button for the stage.
      if (!stopped) stage.focus({ preventScroll: true });
    }, function (err) {
      busy = false;
      updateControls();
      // Another window moved on first (two hosts, a double press): the poll brings the news.
      if (err instanceof ApiError && err.code === 'wrong_phase') poller.kick();
      else announce(liveError(err), 'error');
    });
  }

  function confirmEnd() {
    if (!view || view.phase === 'ended' || busy) return;
    const remaining = view.total - Math.max(0, view.index + (view.phase === 'lobby' ? 0 : 1));
    if (remaining <= 0) { act('end'); return; }
    openDialog({
      title: 'live.endConfirmTitle',
      body: [h('p', { i18n: 'live.endConfirmText', args: { n: remaining } })],
      submit: 'live.ctlEnd',
      danger: true,
      onSubmit: function () {
        act('end');
        return Promise.resolve();
      },
    });
  }

  function onKey(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (document.body.classList.contains('has-dialog')) return;
    const target = event.target;
    const tag = target && target.tagName ? target.tagName.toLowerCase() : '';
    if (tag === 'input' || tag === 'textarea' || tag === 'select') return;
    const onControl = tag === 'button' || tag === 'a';
    const key = event.key;
    if (key === ' ' || key === 'Spacebar') {
      if (onControl) return;
      event.preventDefault();
      act('next');
    } else if (key === 'ArrowRight' || key === 'PageDown') {
      event.preventDefault();
      act('next');
    } else if (key === 'r' || key === 'R') {
      act('reveal');
    } else if (key === 'e' || key === 'E') {
      confirmEnd();
    } else if (key === 'f' || key === 'F') {
      toggleFullscreen();
    }
  }

  function fullscreenElement() {
    return document.fullscreenElement || document.webkitFullscreenElement || null;
  }
  function toggleFullscreen() {
    if (fullscreenElement()) {
      (document.exitFullscreen || document.webkitExitFullscreen).call(document);
      return;
    }
    const ask = stage.requestFullscreen || stage.webkitRequestFullscreen;
    if (!ask) { announce(t('live.noFullscreen'), 'error'); return; }
    const result = ask.call(stage);
    if (result && result.catch) result.catch(function () { announce(t('live.noFullscreen'), 'error'); });
  }
  function fullscreenLabel() {
    setTimeout(fit, 100);
    const label = full.querySelector('.live-ctl-label');
    const key = fullscreenElement() ? 'live.ctlExitFullscreen' : 'live.ctlFullscreen';
    label.setAttribute('data-i18n', key);
    label.textContent = t(key);
  }

  return function () {
    stopped = true;
    poller.stop();
    stopCountdown();
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('fullscreenchange', fullscreenLabel);
    document.removeEventListener('webkitfullscreenchange', fullscreenLabel);
    window.removeEventListener('resize', fit);
    if (fullscreenElement()) (document.exitFullscreen || document.webkitExitFullscreen).call(document);
  };
}
