// /live on a phone: enter the six-digit code and a nickname, then follow the host: lobby → question → reveal →
// … → end. The join is remembered ({code, token, nickname}), so a reload or a dropped connection comes back as
// the same player with the score kept; while the connection is down the page says 重新连接中 and retries.
import { h, replace, formValues } from '../dom.js';
import { t } from '../i18n.js';
import { ApiError } from '../api.js';
import { showFormError, withBusy, loadingView } from '../feedback.js';
import { liveApi, liveError, isTransient } from './live-api.js';
import { follow } from './poller.js';
import { countdownBar, msLeft } from './countdown.js';
import { loadJoin, saveJoin, forgetJoin } from './player-store.js';
import { lobbyView, questionView, revealView, endedView } from './player-views.js';
import { responseIndexes, num } from './format.js';

/** Draws the phone's screens into container. Returns dispose(). */
export function renderPlayer(container) {
  let disposed = false;
  let session = null;
  const stored = loadJoin();
  if (stored) resume(stored);
  else joinForm(container, null, prefilledCode(), '', start);

  function start(join) {
    if (disposed) return;
    session = playing(container, join, function (notice) {
      session = null;
      forgetJoin();
      joinForm(container, notice, '', join.nickname, start);
    });
  }

  // A reload: join again with the remembered token (the same player), retrying while the network is down.
  function resume(join) {
    replace(container, loadingView());
    let delay = 1000;
    function attempt() {
      if (disposed) return;
      liveApi.join(join.code, join.nickname, join.token).then(function (joined) {
        start(saveJoin({ code: join.code, nickname: join.nickname, token: joined.token, playerId: joined.playerId }));
      }, function (err) {
        if (disposed) return;
        if (isTransient(err)) {
          replace(container, reconnecting(true), loadingView());
          setTimeout(attempt, delay);
          delay = Math.min(delay * 2, 10000);
          return;
        }
        forgetJoin();
        joinForm(container, liveError(err), join.code, join.nickname, start);
      });
    }
    attempt();
  }

  return function () {
    disposed = true;
    if (session) session();
  };
}

// /live?code=123456 (a link or QR code from the host) fills the code in.
function prefilledCode() {
  const m = /[?&]code=(\d{6})\b/.exec(location.search);
  return m ? m[1] : '';
}

function reconnecting(visible) {
  return h('div', { class: 'live-reconnect', id: 'live-reconnect', role: 'status', hidden: !visible },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'live.reconnecting' }));
}

/** The join card: code (numeric keypad) and nickname; onJoined({code, token, nickname, playerId}). */
function joinForm(container, notice, code, nickname, onJoined) {
  const errorBox = h('div', { class: 'form-error', role: 'alert', id: 'live-join-error', hidden: true });
  const codeInput = h('input', {
    type: 'text', name: 'code', id: 'live-code-input', class: 'live-code-input', inputmode: 'numeric', pattern: '[0-9]*',
    maxlength: '6', autocomplete: 'off', 'aria-describedby': 'live-code-hint', value: code || '',
  });
  const nameInput = h('input', {
    type: 'text', name: 'nickname', id: 'live-nickname', maxlength: '16', autocomplete: 'nickname', value: nickname || '',
    'aria-describedby': 'live-nickname-hint',
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block live-join-submit', id: 'live-join-submit', i18n: 'live.join' });
  const form = h('form', { class: 'live-join-form', id: 'live-join-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'live-code-input', i18n: 'live.code' }),
      codeInput,
      h('p', { class: 'hint', id: 'live-code-hint', i18n: 'live.codeHint' })),
    h('div', { class: 'field' },
      h('label', { for: 'live-nickname', i18n: 'live.nickname' }),
      nameInput,
      h('p', { class: 'hint', id: 'live-nickname-hint', i18n: 'live.nicknameHint' })),
    errorBox, submit);
  // Digits only: a pasted "123 456" or full-width "１２３４５６" becomes 123456.
  codeInput.addEventListener('input', function () {
    const digits = codeInput.value.replace(/[\uff10-\uff19]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0xfee0); })
      .replace(/\D/g, '').slice(0, 6);
    if (digits !== codeInput.value) codeInput.value = digits;
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const v = formValues(form);
    codeInput.removeAttribute('aria-invalid');
    nameInput.removeAttribute('aria-invalid');
    if (!/^\d{6}$/.test(v.code)) return fail(t('live.codeInvalid'), codeInput);
    if (!v.nickname) return fail(t('live.nicknameRequired'), nameInput);
    if (v.nickname.length > 16) return fail(t('live.nicknameTooLong'), nameInput);
    showFormError(errorBox, '');
    withBusy(submit, function () { return liveApi.join(v.code, v.nickname); }).then(function (joined) {
      onJoined(saveJoin({ code: v.code, nickname: v.nickname, token: joined.token, playerId: joined.playerId }));
    }, function (err) {
      const badCode = err instanceof ApiError && (err.status === 404 || err.code === 'wrong_phase');
      fail(liveError(err), badCode ? codeInput : nameInput);
    });
  });
  function fail(message, input) {
    showFormError(errorBox, message);
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    if (input === codeInput) input.select();
  }
  replace(container, h('section', { class: 'card live-join', 'aria-labelledby': 'live-join-title' },
    h('h1', { id: 'live-join-title', tabindex: '-1', i18n: 'live.joinTitle' }),
    h('p', { class: 'muted', i18n: 'live.joinIntro' }),
    notice ? h('p', { class: 'notice', role: 'status', id: 'live-join-notice', text: notice }) : null,
    form));
  (code ? nameInput : codeInput).focus({ preventScroll: true });
}

// Following one contest as one player. onLost(notice) when the server no longer knows the player or contest.
function playing(container, join, onLost) {
  let view = null;
  let receivedAt = 0;
  let shown = '';
  let countdown = null;
  let question = null;
  let mine = null;
  const banner = reconnecting(false);
  const who = h('span', { class: 'live-me-name', id: 'live-me-name', text: join.nickname });
  const score = h('span', { class: 'live-me-score', id: 'live-me-score' });
  const body = h('div', { class: 'live-body', id: 'live-body' }, loadingView());
  replace(container, h('section', { class: 'live-phone', id: 'live-phone', 'data-code': join.code, 'aria-live': 'off' },
    banner,
    h('div', { class: 'live-me-bar' }, who, score),
    body));

  const poller = follow({
    fetch: function (after, signal) { return liveApi.playerState(join.code, join.token, after, signal); },
    cursor: function (v) { return v.stage; },
    onView: show,
    onTrouble: function (err) { banner.hidden = !err; },
    onFatal: function (err) {
      stopCountdown();
      onLost(err instanceof ApiError && err.status === 422 ? t('live.rejoin') : liveError(err));
    },
  });

  function stopCountdown() {
    if (countdown) countdown.stop();
    countdown = null;
  }

  function show(next) {
    receivedAt = performance.now();
    view = next;
    container.querySelector('#live-phone').setAttribute('data-phase', view.phase);
    if (view.me) score.textContent = t('live.scoreShort', { n: num(view.me.score) });
    const stage = view.phase + ':' + view.index + ':' + view.stage;
    if (stage === shown) {
      refresh();
      return;
    }
    shown = stage;
    stopCountdown();
    question = null;
    if (view.phase === 'lobby') replace(body, lobbyView(view));
    else if (view.phase === 'question') drawQuestion();
    else if (view.phase === 'reveal') replace(body, revealView(view, remembered(view.index)));
    else replace(body, endedView(view, leave));
    const heading = body.querySelector('[tabindex="-1"]');
    if (heading) heading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  // The same stage again (a long poll answered after its 25 s): only the numbers may have changed.
  function refresh() {
    const players = body.querySelector('#live-players');
    if (players && view.phase === 'lobby') {
      players.setAttribute('data-i18n-args', JSON.stringify({ n: view.players }));
      players.textContent = t('live.playersJoined', { n: view.players });
    }
    if (question && view.me && view.me.answered && !question.el.classList.contains('is-locked')) {
      question.lock(remembered(view.index));
      question.setStatus('live.submitted', 'ok');
    }
  }

  function drawQuestion() {
    question = questionView(view, send);
    replace(body, question.el);
    const answered = view.me && view.me.answered;
    if (answered) {
      question.lock(remembered(view.index));
      question.setStatus('live.submitted', 'ok');
    }
    countdown = countdownBar(view, receivedAt, function () {
      if (question && !question.el.classList.contains('is-locked')) {
        question.lock([]);
        question.setStatus('live.timeUpWaiting', 'muted');
      }
    }, 'live');
    question.timerSlot.appendChild(countdown.el);
    // A short buzz for a new question, once the person has touched the page (browsers refuse it before).
    const active = navigator.userActivation && navigator.userActivation.hasBeenActive;
    if (!answered && active && navigator.vibrate) navigator.vibrate(80);
  }

  function send(response) {
    if (!question || !view) return;
    const q = question;
    const index = view.index;
    const chosen = responseIndexes(response);
    q.lock(chosen);
    q.setStatus('live.sending', 'muted');
    liveApi.answer(join.code, index, join.token, response).then(function () {
      mine = { index: index, chosen: chosen };
      saveJoin({ answer: mine });
      if (question !== q) return;
      q.setStatus('live.submitted', 'ok');
      // A multiple-choice 提交 sits low on a phone: bring the confirmation into view.
      const status = q.el.querySelector('#live-answer-status');
      if (status && status.scrollIntoView) status.scrollIntoView({ block: 'nearest' });
    }, function (err) {
      if (question !== q) return;
      const code = err instanceof ApiError ? err.code : '';
      if (code === 'already_answered') {
        q.setStatus('live.submitted', 'ok');
      } else if (code === 'too_late') {
        q.setStatus('live.tooLate', 'error');
      } else if (code === 'not_current' || code === 'wrong_phase') {
        poller.kick();
      } else if (msLeft(view, receivedAt) > 0) {
        q.unlock();
        q.setStatus(null, 'error', liveError(err) + t('live.tryAgainTap'));
      } else {
        q.setStatus(null, 'error', liveError(err));
      }
    });
  }

  // The choice this phone made for question index (kept across a reload), as indexes.
  function remembered(index) {
    if (mine && mine.index === index) return mine.chosen;
    const saved = loadJoin();
    return saved && saved.answer && saved.answer.index === index ? saved.answer.chosen : [];
  }

  function leave() {
    poller.stop();
    stopCountdown();
    onLost(null);
  }

  return function () {
    poller.stop();
    stopCountdown();
  };
}
