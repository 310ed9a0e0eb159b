// The exam page: the server's countdown, progress, one question at a time with previous/next, the
// question map (答题卡) with answered / unanswered / flagged, per-answer autosave with a status per question
// and a connection banner, the submit confirmation, auto-submit at 0, and the blocking "taken over" message.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { announce, describeError, userError } from '../feedback.js';
import { examApi, clientId, isAnswered, formatPoints } from './exam-api.js';
import { createSaver } from './saver.js';
import { createTimer } from './timer.js';
import { answerControls, stemNodes } from './answers.js';
import { watchIntegrity } from './integrity.js';
import { loadMarks, saveMarks } from './marks.js';
import { questionMap } from './map.js';
import { endings } from './finish.js';
import { openSubmitDialog } from './submit.js';

const SUBMIT_DRAIN_MS = 8000;
const STATUS_KEYS = { none: 'exam.statusNone', saving: 'exam.statusSaving', saved: 'exam.statusSaved', unsaved: 'exam.statusUnsaved', error: 'exam.statusError' };

/**
 * Draws attempt view into container. go(hash) navigates (to the receipt when done). Returns dispose().
 */
export function renderAttempt(container, view, go) {
  const id = view.id;
  const items = view.items || [];
  if (!items.length) {
    replace(container, h('div', { class: 'card notice-block', id: 'exam-no-items' }, h('h1', { text: view.examTitle || '' }),
      h('p', { i18n: 'exam.noItems' }), h('a', { class: 'btn', href: '#/', i18n: 'exam.backToList' })));
    return function () {};
  }
  const cid = clientId();
  const marks = loadMarks(id);
  let index = Math.min(Math.max(0, marks.current || 0), Math.max(0, items.length - 1));
  let finished = false;
  let questionStatus = null;
  let submitDialog = null;

  const timer = createTimer(submitNow);
  const saver = createSaver({
    attemptId: id, clientId: cid, lastSeq: view.lastSeq, items: items,
    onStatus: function (slot, status) {
      map.update(slot, state(slot));
      if (questionStatus && current().slot === slot) showStatus(status);
      summary();
    },
    onConnection: function (online, pending) { banner(online ? 'back' : 'offline', pending); if (online) watcher.retry(); },
    onSync: function (deadline, serverTime) { timer.sync(deadline, serverTime); },
    onTakenOver: takenOver,
    onEnded: function () { ended(); },
    onError: function (err, slot) { announce(t('exam.saveRefused', { n: numberOf(slot), reason: describeError(err) }), 'error'); },
  });
  const watcher = watchIntegrity(id, {
    onOnline: function () { saver.retryNow(); resync(); },
    onOffline: function () { banner('offline', saver.pending()); },
  });
  timer.sync(view.deadline, view.serverTime);
  const end = endings({ id: id, clientId: cid, graceSeconds: view.graceSeconds, saver: saver, go: go, stop: stopOnce,
    isFinished: function () { return finished; } });

  const progressText = h('span', { id: 'exam-progress-text' });
  const progressFill = h('span', { class: 'exam-progress-fill' });
  const progressBar = h('div', { class: 'exam-progress-track', id: 'exam-progress', role: 'progressbar', 'aria-valuemin': '0',
    'aria-valuemax': String(items.length), i18nAttr: { 'aria-label': 'exam.progressLabel' } }, progressFill);
  const saveSummary = h('span', { class: 'exam-save-summary', id: 'exam-save-summary' });
  const connection = h('div', { class: 'exam-banner', id: 'exam-connection', hidden: true });
  const questionBox = h('div', { class: 'exam-question-box' });
  const map = questionMap(items, function (i) { show(i, true); }, function () { confirmSubmit(); });
  const mapToggle = h('button', { type: 'button', class: 'btn btn-small exam-map-jump', id: 'exam-map-jump', i18n: 'exam.mapJump',
    onclick: function () { map.focus(); } });

  replace(container, h('section', { class: 'exam-attempt', id: 'exam-attempt', 'aria-labelledby': 'exam-title' },
    h('div', { class: 'exam-bar', id: 'exam-bar' },
      h('div', { class: 'exam-bar-row' },
        h('h1', { class: 'exam-title', id: 'exam-title', tabindex: '-1', text: view.examTitle || '' }),
        timer.el),
      h('div', { class: 'exam-bar-row exam-bar-progress' },
        progressText, progressBar, saveSummary, mapToggle),
      // Inside the sticky bar, so a lost connection is in sight wherever the candidate has scrolled.
      connection),
    h('div', { class: 'exam-layout' }, questionBox, map.el)));

  // Leaving a box sends what was typed at once.
  questionBox.addEventListener('focusout', function () { saver.flush(); });
  show(index, false);
  summary();
  if (saver.pending()) saver.flush();
  window.addEventListener('beforeunload', onBeforeUnload);
  document.addEventListener('visibilitychange', onVisible);

  function current() { return items[index]; }
  function numberOf(slot) {
    for (let i = 0; i < items.length; i++) if (items[i].slot === slot) return i + 1;
    return slot + 1;
  }
  function state(slot) {
    return { answered: isAnswered(saver.responses[slot]), flagged: marks.flags.indexOf(slot) >= 0, save: saver.status(slot) };
  }

  function show(i, moveFocus) {
    if (finished) return;
    saver.flush();
    index = i;
    marks.current = i;
    saveMarks(id, marks);
    const item = current();
    const flagged = marks.flags.indexOf(item.slot) >= 0;
    questionStatus = h('span', { class: 'exam-save-status', id: 'exam-save-status', role: 'status', 'aria-live': 'polite' });
    const flag = h('button', { type: 'button', class: 'btn btn-small exam-flag' + (flagged ? ' is-flagged' : ''), id: 'exam-flag',
      'aria-pressed': flagged ? 'true' : 'false', i18n: 'exam.flag', onclick: function () { toggleFlag(flag); } });
    const controls = answerControls(item, saver.responses[item.slot], function (response, typing) {
      saver.record(item.slot, response, typing);
      progress();
    });
    const title = h('h2', { class: 'exam-q-title', id: 'exam-q-title', tabindex: '-1' },
      h('span', { i18n: 'exam.questionN', args: { n: i + 1, total: items.length } }));
    const prev = h('button', { type: 'button', class: 'btn', id: 'exam-prev', i18n: 'exam.prev', disabled: i === 0,
      onclick: function () { show(index - 1, true); } });
    const last = i === items.length - 1;
    const next = last
      ? h('button', { type: 'button', class: 'btn btn-primary', id: 'exam-next', i18n: 'exam.toSubmit', onclick: function () { confirmSubmit(); } })
      : h('button', { type: 'button', class: 'btn btn-primary', id: 'exam-next', i18n: 'exam.next', onclick: function () { show(index + 1, true); } });
    replace(questionBox,
      h('article', { class: 'card exam-question', id: 'exam-question', 'data-slot': item.slot, 'data-type': item.type,
        'aria-labelledby': 'exam-q-title' },
        h('div', { class: 'exam-q-head' },
          title,
          h('span', { class: 'chip chip-type', i18n: 'qtype.' + item.type }),
          item.points ? h('span', { class: 'muted exam-points', i18n: 'exam.points', args: { n: formatPoints(item.points) } }) : null,
          questionStatus),
        h('div', { class: 'exam-stem', id: 'exam-stem' }, stemNodes(item)),
        controls.el,
        h('div', { class: 'exam-q-foot' }, flag)),
      h('nav', { class: 'exam-nav', i18nAttr: { 'aria-label': 'exam.navLabel' } }, prev, next));
    showStatus(saver.status(item.slot));
    map.setCurrent(i);
    progress();
    if (moveFocus) {
      questionBox.scrollIntoView && window.innerWidth < 900 && questionBox.scrollIntoView({ block: 'start' });
      title.focus();
    }
  }

  function showStatus(status) {
    if (!questionStatus) return;
    questionStatus.className = 'exam-save-status is-' + status;
    const key = STATUS_KEYS[status] || STATUS_KEYS.none;
    if (questionStatus.getAttribute('data-i18n') === key) return;
    questionStatus.setAttribute('data-i18n', key);
    questionStatus.textContent = t(key);
  }

  function toggleFlag(button) {
    const slot = current().slot;
    const at = marks.flags.indexOf(slot);
    if (at >= 0) marks.flags.splice(at, 1);
    else marks.flags.push(slot);
    saveMarks(id, marks);
    button.setAttribute('aria-pressed', at >= 0 ? 'false' : 'true');
    button.classList.toggle('is-flagged', at < 0);
    // aria-pressed tells screen readers; a toast would cover the buttons at the bottom of a phone.
    map.update(slot, state(slot));
  }

  function answeredCount() {
    let n = 0;
    items.forEach(function (it) { if (isAnswered(saver.responses[it.slot])) n++; });
    return n;
  }

  function progress() {
    const n = answeredCount();
    progressText.setAttribute('data-i18n', 'exam.progress');
    progressText.setAttribute('data-i18n-args', JSON.stringify({ n: n, total: items.length }));
    progressText.textContent = t('exam.progress', { n: n, total: items.length });
    progressBar.setAttribute('aria-valuenow', String(n));
    progressBar.setAttribute('aria-valuetext', t('exam.progress', { n: n, total: items.length }));
    progressFill.style.width = (items.length ? (100 * n / items.length) : 0) + '%';
    items.forEach(function (it) { map.update(it.slot, state(it.slot)); });
  }

  function summary() {
    const pending = saver.pending();
    const key = pending ? (saver.isOffline() ? 'exam.summaryUnsaved' : 'exam.summarySaving') : 'exam.summarySaved';
    saveSummary.className = 'exam-save-summary' + (pending && saver.isOffline() ? ' is-unsaved' : '') + (pending ? '' : ' is-all-saved');
    saveSummary.setAttribute('data-i18n', key);
    saveSummary.setAttribute('data-i18n-args', JSON.stringify({ n: pending }));
    saveSummary.textContent = t(key, { n: pending });
  }

  let bannerTimer = null;
  function banner(kind, pending) {
    if (finished) return;
    clearTimeout(bannerTimer);
    if (kind === 'back') {
      connection.className = 'exam-banner is-ok';
      connection.setAttribute('role', 'status');
      replace(connection, h('p', { i18n: pending ? 'exam.backOnlineSending' : 'exam.backOnline' }));
      bannerTimer = setTimeout(function () { connection.hidden = true; }, 5000);
    } else {
      connection.className = 'exam-banner is-offline';
      connection.setAttribute('role', 'alert');
      replace(connection,
        h('p', { class: 'exam-banner-title', i18n: 'exam.offlineTitle' }),
        h('p', { i18n: pending ? 'exam.offlinePending' : 'exam.offlineHint', args: { n: pending } }),
        h('button', { type: 'button', class: 'btn btn-small', id: 'exam-retry', i18n: 'exam.retryNow', onclick: function () { saver.retryNow(); } }));
    }
    connection.hidden = false;
    summary();
  }

  function unanswered() {
    const out = [];
    items.forEach(function (it, i) { if (!isAnswered(saver.responses[it.slot])) out.push(i); });
    return out;
  }
  function flaggedIndexes() {
    const out = [];
    items.forEach(function (it, i) { if (marks.flags.indexOf(it.slot) >= 0) out.push(i); });
    return out;
  }

  function confirmSubmit() {
    if (finished) return;
    saver.flush();
    submitDialog = openSubmitDialog({
      total: items.length,
      missing: unanswered(),
      flagged: flaggedIndexes(),
      onJump: function (i) { show(i, true); },
      onSubmit: function () {
        return saver.drain(SUBMIT_DRAIN_MS).then(function (allSaved) {
          if (finished) return null;
          if (!allSaved) throw userError(t('exam.submitUnsaved', { n: saver.pending() }));
          return examApi.submit(id, cid).then(done, function (err) {
            if (err && err.code === 'taken_over') { takenOver(); return null; }
            if (err && (err.code === 'not_in_progress' || err.code === 'deadline_passed')) { ended(); return null; }
            throw err;
          });
        });
      },
    });
  }

  // How the attempt ends (see finish.js); each stops this page first.
  function stopOnce() {
    if (finished) return false;
    stopAll();
    return true;
  }
  function submitNow() { end.timeUp(); }
  function done(receipt) { end.done(receipt); }
  function ended() { end.ended(); }
  function takenOver() { end.takenOver(); }

  function resync() {
    if (finished) return;
    examApi.attempt(id).then(function (fresh) {
      if (finished || !fresh) return;
      if (fresh.state === 'submitted') ended();
      else timer.sync(fresh.deadline, fresh.serverTime);
    }, function () { /* the next save will tell */ });
  }

  function onVisible() {
    if (document.visibilityState === 'visible') resync();
  }

  function onBeforeUnload(event) {
    if (finished || !saver.pending()) return undefined;
    event.preventDefault();
    event.returnValue = '';
    return '';
  }

  function stopAll() {
    finished = true;
    // Time may run out, or another device take over, while the submit confirmation is open.
    if (submitDialog && document.body.contains(submitDialog.form)) submitDialog.close();
    submitDialog = null;
    saver.stop();
    timer.stop();
    watcher.stop();
    clearTimeout(bannerTimer);
    connection.hidden = true;
    window.removeEventListener('beforeunload', onBeforeUnload);
    document.removeEventListener('visibilitychange', onVisible);
  }

  return function dispose() {
    if (!finished) saver.flush();
    stopAll();
  };
}
