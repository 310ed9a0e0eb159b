// 我的考试: the exams on the candidate's roster, open ones first, then upcoming, then closed; per exam the
// window (Beijing time), duration, pass mark, attempts used, results when the review policy shows them,
// and the one action that fits: 开始考试 (after a confirmation of the rules), 继续作答, or the receipt.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { examApi, clientId, formatPoints } from './exam-api.js';

const GROUPS = ['open', 'upcoming', 'closed'];

/** Draws the list into container. go(hash, data) opens an attempt or a receipt. */
export function renderList(container, session, moveFocus, go) {
  const canTake = (session.permissions || []).indexOf('exams.take') >= 0;
  const title = h('h1', { id: 'exams-title', tabindex: '-1', i18n: 'exam.mine' });
  const body = h('div', { id: 'exam-list-body', 'aria-busy': 'true' }, loadingView());
  replace(container, h('section', { class: 'exam-list', 'aria-labelledby': 'exams-title' }, title,
    canTake ? body : h('div', { class: 'card notice-block', id: 'exam-no-permission' }, h('p', { i18n: 'exam.noPermission' }))));
  if (moveFocus) title.focus();
  if (!canTake) return;
  load();

  function load() {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    examApi.mine().then(function (data) {
      body.removeAttribute('aria-busy');
      draw(body, (data && data.items) || [], go);
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
}

function draw(box, items, go) {
  if (!items.length) {
    replace(box, h('div', { class: 'card empty-state', id: 'exam-empty' },
      h('p', { class: 'empty-title', i18n: 'exam.empty' }),
      h('p', { class: 'muted', i18n: 'exam.emptyHint' })));
    return;
  }
  replace(box, GROUPS.map(function (group) {
    const inGroup = items.filter(function (e) { return (GROUPS.indexOf(e.state) >= 0 ? e.state : 'closed') === group; });
    if (!inGroup.length) return null;
    return h('section', { class: 'exam-group', 'aria-labelledby': 'exam-group-' + group },
      h('h2', { id: 'exam-group-' + group, class: 'exam-group-title', i18n: 'exam.group.' + group, args: { n: inGroup.length } }),
      h('ul', { class: 'exam-cards' }, inGroup.map(function (e) { return card(e, go); })));
  }), h('p', { class: 'hint', i18n: 'exam.timesNote' }));
}

function inProgress(exam) {
  const list = exam.attempts || [];
  for (let i = 0; i < list.length; i++) if (list[i].state === 'in_progress') return list[i];
  return null;
}

function card(exam, go) {
  const running = inProgress(exam);
  const submitted = (exam.attempts || []).filter(function (a) { return a.state === 'submitted'; });
  function fact(key, value) { return [h('dt', { i18n: key }), h('dd', null, value)]; }
  return h('li', { class: 'card exam-card exam-state-' + exam.state, 'data-exam-id': exam.id },
    h('div', { class: 'exam-card-head' },
      h('h3', { class: 'exam-card-title', text: exam.title }),
      h('span', { class: 'badge exam-badge-' + (running ? 'running' : exam.state), i18n: running ? 'exam.badge.running' : 'exam.badge.' + exam.state })),
    h('dl', { class: 'exam-facts' },
      fact('exam.window', h('span', null, h('time', { datetime: exam.opensAt, text: formatTime(exam.opensAt) }), ' — ',
        h('time', { datetime: exam.closesAt, text: formatTime(exam.closesAt) }))),
      fact('exam.duration', h('span', { i18n: 'exam.minutes', args: { n: exam.durationMinutes } })),
      exam.passPercent !== undefined && exam.passPercent !== null ? fact('exam.passMark', h('span', { i18n: 'exam.percent', args: { n: exam.passPercent } })) : null,
      fact('exam.attemptsUsed', h('span', { i18n: 'exam.attemptsOf', args: { n: exam.attemptsUsed || 0, total: exam.attemptsAllowed } }))),
    submitted.length ? h('ul', { class: 'exam-results' }, submitted.map(function (a) { return result(a, go); })) : null,
    h('div', { class: 'exam-card-actions' }, action(exam, running, go)));
}

function result(a, go) {
  const hasScore = a.score !== null && a.score !== undefined;
  return h('li', { class: 'exam-result', 'data-attempt-id': a.id },
    h('span', { i18n: 'exam.attemptNumber', args: { n: a.number } }),
    hasScore ? h('span', { class: 'exam-result-score', i18n: 'exam.scoreOf', args: { n: formatPoints(a.score), total: formatPoints(a.maxScore) } })
      : h('span', { class: 'muted', i18n: 'exam.submittedShort' }),
    a.passed === true || a.passed === false ? h('span', { class: 'badge ' + (a.passed ? 'badge-on' : 'badge-off'), i18n: a.passed ? 'exam.passed' : 'exam.failed' }) : null,
    h('a', { href: '#/receipt/' + encodeURIComponent(a.id), class: 'exam-receipt-link', i18n: 'exam.viewReceipt',
      i18nAttr: { 'aria-label': 'exam.viewReceiptLabel' }, args: { n: a.number } }));
}

function action(exam, running, go) {
  if (running) {
    const resume = h('button', { type: 'button', class: 'btn btn-primary', 'data-action': 'resume', i18n: 'exam.resume' });
    resume.addEventListener('click', function () {
      withBusy(resume, function () { return examApi.attempt(running.id, clientId()); }).then(function (view) {
        if (view.state === 'submitted') go('#/receipt/' + encodeURIComponent(view.id), view.receipt);
        else go('#/attempt/' + encodeURIComponent(view.id), view);
      }, function (err) { announce(describeError(err), 'error'); });
    });
    return [resume, h('p', { class: 'hint', i18n: 'exam.resumeHint' })];
  }
  if (exam.canStart) {
    return h('button', { type: 'button', class: 'btn btn-primary', 'data-action': 'start',
      i18n: (exam.attemptsUsed || 0) > 0 ? 'exam.startAgain' : 'exam.start', onclick: function () { confirmStart(exam, go); } });
  }
  if (exam.state === 'upcoming') return h('p', { class: 'muted', i18n: 'exam.opensAt', args: { time: formatTime(exam.opensAt) } });
  if (exam.state === 'open') return h('p', { class: 'muted', i18n: 'exam.noAttemptsLeft' });
  return h('p', { class: 'muted', i18n: 'exam.closedNote' });
}

function confirmStart(exam, go) {
  openDialog({
    title: 'exam.startTitle',
    args: { title: exam.title },
    submit: 'exam.startConfirm',
    body: [
      h('ul', { class: 'exam-rules' },
        h('li', { i18n: 'exam.ruleTime', args: { n: exam.durationMinutes } }),
        h('li', { i18n: 'exam.ruleSave' }),
        h('li', { i18n: 'exam.ruleDevice' }),
        h('li', { i18n: 'exam.ruleSubmit' }),
        exam.attemptsAllowed > 1 ? h('li', { i18n: 'exam.ruleAttempts', args: { n: (exam.attemptsUsed || 0) + 1, total: exam.attemptsAllowed } }) : null),
    ],
    onSubmit: function () {
      return examApi.start(exam.id, clientId()).then(function (view) {
        go('#/attempt/' + encodeURIComponent(view.id), view);
      });
    },
  });
}
