// #/finish/{entryId} — the score with a word of encouragement and a look back at every answer; then, in a
// round with prizes, the draw form (or, below the draw's bar, why there is no form and how to try again).
// Finishing is final on the server, so a round without prizes finishes only when the resident asks.
import { h, replace } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { quizApi, quizError } from './quiz-api.js';
import { loadEntry, saveEntry, nextIndex, correctCount } from './entries.js';
import { percentText } from './format.js';
import { keyNodes, stemNodes } from './answers.js';
import { drawForm } from './draw-form.js';

/** Draws the finish screen of entryId into container. Returns dispose(). */
export function renderFinish(container, entryId, go) {
  let live = true;
  const record = loadEntry(entryId);
  if (!record) {
    replace(container, h('section', { class: 'card notice-block', id: 'quiz-finish-missing' },
      h('h1', { tabindex: '-1', i18n: 'quiz.notOnThisPhone' }),
      h('p', { i18n: 'quiz.notOnThisPhoneHint' }),
      h('p', { class: 'quiz-actions' },
        h('a', { class: 'btn', href: '#/result/' + encodeURIComponent(entryId), i18n: 'quiz.seeCard' }),
        h('a', { class: 'btn', href: '#/', i18n: 'quiz.backHome' }))));
    return function () {};
  }
  if (record.result) {
    go('#/result/' + entryId, true);
    return function () {};
  }
  container.setAttribute('aria-busy', 'true');
  replace(container, loadingView());
  Promise.all([quizApi.round(record.roundId), quizApi.regions().catch(function () { return { items: [] }; })]).then(function (got) {
    container.removeAttribute('aria-busy');
    if (!live) return;
    const round = got[0];
    if (nextIndex(record) >= 0 && round.open) {
      go('#/play/' + record.roundId, true);
      return;
    }
    draw(container, record, round, (got[1] && got[1].items) || [], go);
  }, function (err) {
    container.removeAttribute('aria-busy');
    if (live) replace(container, errorView(err, function () { go('#/finish/' + entryId, true); }));
  });
  return function () { live = false; };
}

function finishWith(record, body, go) {
  return quizApi.finish(record.entryId, Object.assign({ token: record.token }, body)).then(function (result) {
    record.result = result;
    saveEntry(record);
    // The resident's profile token: later reading and recommendations are counted towards the same person.
    if (result.profileToken) {
      try { localStorage.setItem('pufa.profileToken', result.profileToken); } catch (e) { /* private mode: no memory */ }
    }
    go('#/result/' + record.entryId);
  }, function (err) {
    // Finished before (another tab, or an answer that never came back): the card is on the server.
    if (err && err.code === 'finished') {
      go('#/result/' + record.entryId);
      return;
    }
    throw err;
  });
}

function draw(container, record, round, regions, go) {
  const total = record.questions.length;
  const correct = correctCount(record);
  const percent = total ? (100 * correct / total) : 0;
  const prizes = round.prizes && round.prizes.length;
  const threshold = Number(round.drawThresholdPercent);
  const eligible = percent + 1e-9 >= threshold;
  const mood = percent >= 100 ? 'quiz.cheerFull' : percent >= 60 ? 'quiz.cheerGood' : 'quiz.cheerLow';

  let next;
  if (prizes && eligible) {
    next = h('section', { class: 'card quiz-draw', id: 'quiz-draw' },
      drawForm(regions,
        function (values) { return finishWith(record, values, go); },
        function () { return finishWith(record, {}, go); }));
  } else {
    const box = h('div', { class: 'form-error', role: 'alert', id: 'quiz-finish-error', hidden: true });
    const see = h('button', { type: 'button', class: 'btn btn-primary btn-block btn-large', id: 'quiz-see-result', i18n: 'quiz.seeCard',
      onclick: function () {
        see.disabled = true;
        finishWith(record, {}, go).catch(function (err) {
          see.disabled = false;
          box.hidden = false;
          box.textContent = quizError(err);
        });
      } });
    next = h('section', { class: 'card quiz-draw', id: 'quiz-no-draw' },
      prizes ? h('p', { class: 'notice', id: 'quiz-below-bar', i18n: threshold >= 100 ? 'quiz.belowBarFull' : 'quiz.belowBar',
        args: { p: percentText(threshold) } }) : null,
      box, see,
      prizes && round.open ? h('p', { class: 'hint', i18n: 'quiz.tryAgainHint' }) : null);
  }

  replace(container, h('section', { class: 'quiz-finish', id: 'quiz-finish', 'aria-labelledby': 'quiz-finish-title' },
    h('div', { class: 'card quiz-score' },
      h('h1', { id: 'quiz-finish-title', tabindex: '-1', i18n: 'quiz.finishTitle' }),
      h('p', { class: 'quiz-score-big', id: 'quiz-score' },
        h('span', { class: 'quiz-score-percent', text: percentText(percent) }), h('span', { class: 'quiz-score-unit', text: '%' })),
      h('p', { class: 'quiz-score-line', i18n: 'quiz.correctOf', args: { n: correct, total: total } }),
      h('p', { class: 'quiz-cheer', i18n: mood }),
      review(record)),
    next));
  const heading = document.getElementById('quiz-finish-title');
  if (heading) heading.focus();
}

function review(record) {
  return h('details', { class: 'quiz-review', id: 'quiz-review' },
    h('summary', { i18n: 'quiz.reviewShow' }),
    h('ol', { class: 'quiz-review-list' }, record.questions.map(function (q) {
      const f = record.feedback[q.slot];
      const state = !f ? 'none' : f.unknown ? 'unknown' : f.correct ? 'right' : 'wrong';
      return h('li', { class: 'is-' + state },
        h('p', { class: 'quiz-review-stem' }, stemNodes(q)),
        h('p', { class: 'quiz-review-verdict' },
          h('span', { class: 'quiz-review-mark', 'aria-hidden': 'true', text: state === 'right' ? '✓' : state === 'wrong' ? '✗' : '–' }),
          h('span', { i18n: state === 'right' ? 'quiz.right' : state === 'wrong' ? 'quiz.wrong' : state === 'none' ? 'quiz.notAnswered' : 'quiz.answeredBefore' }),
          f && f.key ? [h('span', { class: 'quiz-review-key-label', i18n: 'quiz.keyLabel' }), keyNodes(q, f.key)] : null));
    })));
}
