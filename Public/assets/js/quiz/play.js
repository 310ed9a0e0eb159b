// #/play/{roundId} — one question at a time: progress (第 2 / 5 题) with a dot per question, the countdown when
// the round times its questions, the answer controls, 提交答案, then the verdict with the key, 解析 and 法律依据,
// and 下一题. Each answer is written to this browser's record as pending before it is sent; a dropped
// connection keeps it and sends it again (automatically when the network is back, or with 重新提交).
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { showFormError } from '../feedback.js';
import { ApiError } from '../api.js';
import { quizApi, quizError } from './quiz-api.js';
import { activeEntry, saveEntry, dropEntry, nextIndex, correctCount } from './entries.js';
import { quizControls, stemNodes } from './answers.js';
import { verdictPanel } from './verdict.js';
import { createCountdown } from './countdown.js';
import { renderStart } from './start.js';

/** Draws the playing screen for roundId into container (or its start screen). Returns dispose(). */
export function renderPlay(container, roundId, go) {
  const record = activeEntry(roundId);
  if (!record) return renderStart(container, roundId, go);
  if (nextIndex(record) < 0 && !pendingSlots(record).length) {
    go('#/finish/' + record.entryId, true);
    return function () {};
  }
  return playing(container, record, go);
}

function pendingSlots(record) {
  return Object.keys(record.pending || {});
}

function playing(container, record, go) {
  const questions = record.questions;
  const total = questions.length;
  let index = firstOpen(record);
  let controls = null;
  let countdown = null;
  let sending = false;
  let stopped = false;

  const live = h('div', { class: 'visually-hidden', id: 'quiz-live', role: 'status', 'aria-live': 'polite' });
  const progressText = h('span', { class: 'quiz-progress-text', id: 'quiz-progress-text' });
  const scoreText = h('span', { class: 'quiz-score-text', id: 'quiz-score-text' });
  const dots = h('ol', { class: 'quiz-dots', 'aria-hidden': 'true' }, questions.map(function () { return h('li'); }));
  const timerSlot = h('div', { class: 'quiz-timer-slot' });
  const stage = h('div', { class: 'quiz-stage' });
  replace(container, h('section', { class: 'quiz-play', id: 'quiz-play', 'data-entry': record.entryId, 'aria-labelledby': 'quiz-play-title' },
    h('div', { class: 'quiz-bar', id: 'quiz-bar' },
      h('div', { class: 'quiz-bar-row' },
        h('h1', { class: 'quiz-play-title', id: 'quiz-play-title', tabindex: '-1', text: record.roundTitle || '' }),
        timerSlot),
      h('div', { class: 'quiz-bar-row' }, progressText, dots, scoreText)),
    live,
    stage,
    h('p', { class: 'quiz-leave' }, h('a', { href: '#/', i18n: 'quiz.leave' }))));

  window.addEventListener('online', onOnline);
  show(index, false);

  function firstOpen(r) {
    for (let i = 0; i < r.questions.length; i++) {
      const slot = r.questions[i].slot;
      if (!r.feedback[slot] || r.pending[slot]) return i;
    }
    return Math.max(0, r.questions.length - 1);
  }

  function progress() {
    const answered = questions.filter(function (q) { return record.feedback[q.slot]; }).length;
    progressText.setAttribute('data-i18n', 'quiz.progress');
    progressText.setAttribute('data-i18n-args', JSON.stringify({ n: index + 1, total: total }));
    progressText.textContent = t('quiz.progress', { n: index + 1, total: total });
    const args = { n: correctCount(record), answered: answered };
    scoreText.setAttribute('data-i18n', 'quiz.scoreSoFar');
    scoreText.setAttribute('data-i18n-args', JSON.stringify(args));
    scoreText.textContent = t('quiz.scoreSoFar', args);
    Array.prototype.forEach.call(dots.children, function (li, i) {
      const f = record.feedback[questions[i].slot];
      li.className = (f ? (f.unknown ? 'is-done' : f.correct ? 'is-right' : 'is-wrong') : '') + (i === index ? ' is-current' : '');
    });
  }

  function show(i, moveFocus) {
    stopTimer();
    index = i;
    const item = questions[i];
    const fb = record.feedback[item.slot];
    const pending = record.pending[item.slot];
    controls = quizControls(item, pending || null);
    const error = h('div', { class: 'form-error quiz-answer-error', id: 'quiz-answer-error', role: 'alert', hidden: true });
    const timeNote = h('p', { class: 'quiz-time-note', id: 'quiz-time-note', hidden: true, i18n: 'quiz.timeUpNote' });
    const submit = h('button', { type: 'button', class: 'btn btn-primary btn-block btn-large', id: 'quiz-submit', i18n: 'quiz.submit',
      onclick: function () {
        // 提交答案, or 重新提交 of an answer that is waiting on this device.
        if (record.pending[item.slot]) send(item, record.pending[item.slot], error, submit);
        else submitAnswer(item, error, submit);
      } });
    const feedbackBox = h('div', { class: 'quiz-feedback-box', id: 'quiz-feedback-box' });
    const title = h('h2', { class: 'quiz-q-title', id: 'quiz-q-title', tabindex: '-1' },
      h('span', { i18n: 'quiz.questionN', args: { n: i + 1, total: total } }));
    replace(stage,
      h('article', { class: 'card quiz-question', id: 'quiz-question', 'data-slot': item.slot, 'data-type': item.type,
        'aria-labelledby': 'quiz-q-title' },
        h('div', { class: 'quiz-q-head' }, title, h('span', { class: 'chip chip-type', i18n: 'qtype.' + item.type })),
        h('div', { class: 'quiz-stem', id: 'quiz-stem' }, stemNodes(item)),
        controls.el,
        timeNote,
        error,
        submit),
      feedbackBox);
    // Enter in a blank sends the answer, as a phone keyboard's "done" key suggests.
    stage.querySelectorAll('.quiz-blank-input').forEach(function (input) {
      input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') { event.preventDefault(); submit.click(); }
      });
    });
    progress();
    if (fb && !pending) {
      showVerdict(item, fb, false);
    } else if (pending) {
      send(item, pending, error, submit);
    } else if (record.secondsPerQuestion) {
      countdown = createCountdown(record.secondsPerQuestion, record.clockFrom || Date.now(),
        function (s) { live.textContent = t('quiz.secondsLeftSay', { n: s }); },
        function () { timeNote.hidden = false; });
      replace(timerSlot, countdown.el);
    }
    if (moveFocus) {
      window.scrollTo(0, 0);
      title.focus();
    }
  }

  function submitAnswer(item, error, submit) {
    if (sending) return;
    const response = controls.read();
    if (!response) {
      showFormError(error, t(item.type === 'blank' ? 'quiz.fillFirst' : 'quiz.pickFirst'));
      if (controls.first) controls.first.focus();
      return;
    }
    showFormError(error, '');
    record.pending[item.slot] = response;
    saveEntry(record);
    send(item, response, error, submit);
  }

  function send(item, response, error, submit) {
    if (sending) return;
    sending = true;
    controls.lock(null);
    submit.disabled = true;
    submit.classList.add('is-busy');
    submit.setAttribute('aria-busy', 'true');
    submit.setAttribute('data-i18n', 'quiz.sending');
    submit.textContent = t('quiz.sending');
    quizApi.answer(record.entryId, item.slot, record.token, response).then(function (fb) {
      sending = false;
      delete record.pending[item.slot];
      record.feedback[item.slot] = fb;
      // The server now times the next question from this answer.
      record.clockFrom = Date.now();
      saveEntry(record);
      if (!stopped) showVerdict(item, fb, true);
    }, function (err) {
      sending = false;
      if (stopped) return;
      failed(item, err, error, submit);
    });
  }

  function failed(item, err, error, submit) {
    const code = err instanceof ApiError ? err.code : 'network';
    const retryable = !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || code === 'rate_limited';
    submit.classList.remove('is-busy');
    submit.removeAttribute('aria-busy');
    if (retryable) {
      // Kept as pending on this device; sent again by 重新提交 or when the network comes back.
      submit.disabled = false;
      submit.id = 'quiz-resend';
      submit.setAttribute('data-i18n', 'quiz.resend');
      submit.textContent = t('quiz.resend');
      showFormError(error, (err.status === 0 ? t('quiz.offline') : quizError(err)) + t('quiz.join') + t('quiz.keptOnPhone'));
      return;
    }
    delete record.pending[item.slot];
    if (code === 'already_answered') {
      // Answered before with a different answer (another tab): the verdict cannot be fetched again.
      record.feedback[item.slot] = { unknown: true };
      saveEntry(record);
      showVerdict(item, record.feedback[item.slot], true);
      return;
    }
    saveEntry(record);
    if (code === 'finished') {
      go('#/result/' + record.entryId, true);
      return;
    }
    if (code === 'not_found') {
      // The server does not know this entry (or its token): start afresh.
      submit.hidden = true;
      dropEntry(record.entryId);
      showFormError(error, t('quiz.entryLost'));
      error.appendChild(h('p', null, h('button', { type: 'button', class: 'btn', id: 'quiz-restart', i18n: 'quiz.restart',
        onclick: function () { go('#/play/' + record.roundId, true); } })));
    } else if (code === 'closed') {
      submit.hidden = true;
      showFormError(error, quizError(err));
      error.appendChild(h('p', null, h('a', { class: 'btn', href: '#/finish/' + record.entryId, i18n: 'quiz.toFinish' })));
    } else {
      // Refused as malformed: the resident may change the answer and send it again.
      show(index, false);
      showFormError(document.getElementById('quiz-answer-error'), quizError(err));
    }
  }

  function showVerdict(item, fb, fresh) {
    stopTimer();
    controls.lock(fb.unknown ? null : fb);
    const submit = document.getElementById('quiz-submit') || document.getElementById('quiz-resend');
    if (submit) submit.hidden = true;
    const note = document.getElementById('quiz-time-note');
    if (note) note.hidden = true;
    const err = document.getElementById('quiz-answer-error');
    if (err) showFormError(err, '');
    const next = nextOpen(index);
    const button = next >= 0
      ? h('button', { type: 'button', class: 'btn btn-primary btn-block btn-large', id: 'quiz-next', i18n: 'quiz.next',
        onclick: function () { show(next, true); } })
      : h('button', { type: 'button', class: 'btn btn-primary btn-block btn-large', id: 'quiz-to-finish', i18n: 'quiz.seeScore',
        onclick: function () { go('#/finish/' + record.entryId); } });
    const box = document.getElementById('quiz-feedback-box');
    replace(box, verdictPanel(item, fb, function () { quizApi.read(record.entryId, record.token); }),
      h('div', { class: 'quiz-next-block' },
        next >= 0 && record.secondsPerQuestion ? h('p', { class: 'hint', i18n: 'quiz.nextTimed' }) : null,
        button));
    progress();
    if (fresh) {
      live.textContent = fb.unknown ? t('quiz.answeredBefore')
        : t(fb.correct ? 'quiz.right' : 'quiz.wrong') + t('quiz.sentenceSep') + t('quiz.liveHint');
      button.focus({ preventScroll: true });
      const panel = document.getElementById('quiz-feedback');
      if (panel && panel.scrollIntoView) panel.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  }

  function nextOpen(from) {
    for (let i = from + 1; i < total; i++) if (!record.feedback[questions[i].slot]) return i;
    for (let i = 0; i < from; i++) if (!record.feedback[questions[i].slot]) return i;
    return -1;
  }

  function onOnline() {
    const item = questions[index];
    const resend = document.getElementById('quiz-resend');
    if (!sending && record.pending[item.slot] && resend) resend.click();
  }

  function stopTimer() {
    if (countdown) countdown.stop();
    countdown = null;
    replace(timerSlot);
  }

  return function dispose() {
    stopped = true;
    stopTimer();
    window.removeEventListener('online', onOnline);
  };
}
