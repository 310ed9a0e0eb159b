// Starting a round: the 开始答题 / 继续答题 action (resumes this browser's unfinished entry, or starts a new one,
// which uses one of the day's tries, and remembers it before the first question), and the start screen of
// #/play/{roundId} when this browser has no entry for the round yet.
import { h, replace } from '../dom.js';
import { withBusy, showFormError, errorView, loadingView } from '../feedback.js';
import { quizApi, quizError, deviceId } from './quiz-api.js';
import { activeEntry, newRecord, saveEntry } from './entries.js';
import { roundFacts, drawRules } from './rules.js';

/**
 * A block with the big start (or continue) button and the place its refusal appears (role="alert").
 * go(hash) navigates to the playing screen. options: {label: key of the start button (开始答题 by default),
 * quiet: a secondary button without the hint, for a page whose main action is something else}.
 */
export function startAction(round, go, options) {
  const opts = options || {};
  const look = 'btn btn-block btn-large quiz-start' + (opts.quiet ? '' : ' btn-primary');
  const active = activeEntry(round.id);
  const errorBox = h('div', { class: 'form-error quiz-start-error', role: 'alert', id: 'quiz-start-error-' + round.id, hidden: true });
  let button;
  if (active) {
    const done = active.questions.length - countLeft(active);
    button = h('button', { type: 'button', class: look, id: 'quiz-start-' + round.id,
      'data-round': round.id, i18n: 'quiz.continue', args: { n: done, total: active.questions.length },
      onclick: function () { go('#/play/' + round.id); } });
  } else {
    button = h('button', { type: 'button', class: look, id: 'quiz-start-' + round.id,
      'data-round': round.id, i18n: opts.label || 'quiz.start', onclick: function () {
        showFormError(errorBox, '');
        withBusy(button, function () {
          return quizApi.start(round.id, deviceId()).then(function (started) {
            saveEntry(newRecord(started, round.title));
            go('#/play/' + round.id);
          });
        }).catch(function (err) {
          showFormError(errorBox, quizError(err));
        });
      } });
  }
  return h('div', { class: 'quiz-start-block' }, errorBox, button,
    active || opts.quiet ? null : h('p', { class: 'hint quiz-start-hint', i18n: 'quiz.startHint' }));
}

function countLeft(record) {
  let left = 0;
  record.questions.forEach(function (q) { if (!record.feedback[q.slot]) left++; });
  return left;
}

// No entry on this device yet: the round's rules and the start button (starting uses one of the day's tries,
// so it never happens by itself on a page load).
export function renderStart(container, roundId, go) {
  let live = true;
  replace(container, loadingView());
  container.setAttribute('aria-busy', 'true');
  quizApi.round(roundId).then(function (round) {
    container.removeAttribute('aria-busy');
    if (!live) return;
    replace(container, h('section', { class: 'card quiz-round quiz-play-start', id: 'quiz-play-start', 'aria-labelledby': 'quiz-start-title' },
      h('h1', { id: 'quiz-start-title', tabindex: '-1', class: 'quiz-round-title', text: round.title }),
      round.intro ? h('p', { class: 'quiz-intro', text: round.intro }) : null,
      roundFacts(round),
      round.open ? startAction(round, go)
        : h('p', { class: 'notice', id: 'quiz-not-open', i18n: Date.parse(round.opensAt) > Date.now() ? 'quiz.notOpenYet' : 'quiz.closedNow' }),
      drawRules(round),
      h('p', null, h('a', { class: 'back-link', href: '#/', i18n: 'quiz.backHome' }))));
    const heading = document.getElementById('quiz-start-title');
    if (heading) heading.focus();
  }, function (err) {
    container.removeAttribute('aria-busy');
    if (!live) return;
    replace(container, h('div', null, errorView(err, function () { go('#/play/' + roundId, true); }),
      h('p', null, h('a', { class: 'back-link', href: '#/', i18n: 'quiz.backHome' }))));
  });
  return function () { live = false; };
}
