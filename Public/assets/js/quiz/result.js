// #/result/{entryId} — the shareable result card (round, nickname, 答对 x/y, percent, date; never the phone),
// 复制链接 with a fallback for browsers without the clipboard API, and for the owner right after finishing the
// draw note (in the draw or not, and why).
import { h, replace } from '../dom.js';
import { copyLinkParts } from '../copy-link.js';
import { errorView, loadingView } from '../feedback.js';
import { quizApi } from './quiz-api.js';
import { loadEntry, saveEntry } from './entries.js';
import { beijingDate, percentText, pickLanguage } from './format.js';
import { startAction } from './start.js';

/** Draws the result card of entryId into container. Returns dispose(). */
export function renderResult(container, entryId, go) {
  let live = true;
  container.setAttribute('aria-busy', 'true');
  replace(container, loadingView());
  quizApi.card(entryId).then(function (card) {
    return quizApi.round(card.roundId).catch(function () { return null; }).then(function (round) { return [card, round]; });
  }).then(function (got) {
    container.removeAttribute('aria-busy');
    if (!live) return;
    const card = got[0];
    const record = loadEntry(entryId);
    if (record && !record.result) {
      // Finished elsewhere (another tab): remember it, so this device no longer offers to continue it.
      record.result = card;
      saveEntry(record);
    }
    draw(container, card, got[1], record, go);
  }, function (err) {
    container.removeAttribute('aria-busy');
    if (!live) return;
    const record = loadEntry(entryId);
    if (err && err.code === 'not_found' && record && !record.result) {
      go('#/finish/' + entryId, true);
      return;
    }
    replace(container, h('div', null, errorView(err, function () { go('#/result/' + entryId, true); }),
      h('p', null, h('a', { class: 'back-link', href: '#/', i18n: 'quiz.backHome' }))));
  });
  return function () { live = false; };
}

function draw(container, card, round, record, go) {
  const owner = Boolean(record && record.result);
  const note = owner && record.result.drawNote ? record.result : null;
  const url = location.origin + '/quiz#/result/' + encodeURIComponent(card.entryId);
  const percent = Math.max(0, Math.min(100, Number(card.percent) || 0));
  replace(container, h('section', { class: 'quiz-result', id: 'quiz-result', 'aria-labelledby': 'quiz-result-title' },
    h('h1', { id: 'quiz-result-title', tabindex: '-1', class: 'quiz-result-title', i18n: owner ? 'quiz.resultMine' : 'quiz.resultTitle' }),
    note ? drawNote(note, round) : null,
    h('article', { class: 'quiz-card', id: 'quiz-result-card', i18nAttr: { 'aria-label': 'quiz.cardLabel' } },
      h('p', { class: 'quiz-card-kicker' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true', text: '法' }),
        h('span', { i18n: 'quiz.cardKicker' })),
      h('h2', { class: 'quiz-card-round', text: card.roundTitle }),
      h('div', { class: 'quiz-card-ring', style: '--p:' + percent },
        h('p', { class: 'quiz-card-percent' }, h('span', { class: 'quiz-card-number', text: percentText(card.percent) }), h('span', { text: '%' }))),
      h('p', { class: 'quiz-card-correct', id: 'quiz-card-correct', i18n: 'quiz.correctOf', args: { n: card.correct, total: card.total } }),
      h('p', { class: 'quiz-card-name', id: 'quiz-card-name' },
        card.nickname ? h('span', { text: card.nickname }) : h('span', { i18n: 'quiz.anonymous' })),
      h('p', { class: 'quiz-card-foot' },
        h('span', { text: beijingDate(card.finishedAt) }),
        h('span', { i18n: 'quiz.cardNo', args: { id: card.entryId } }))),
    share(url),
    h('div', { class: 'quiz-actions quiz-result-actions' },
      owner && round && round.open ? startAction(round, go, { label: 'quiz.again', quiet: true }) : null,
      h('a', { class: 'btn btn-block', href: '#/leaderboard/' + card.roundId, id: 'quiz-result-ranking', i18n: 'quiz.leaderboardLink' }),
      h('a', { class: 'btn btn-block', href: '#/', i18n: 'quiz.backHome' }))));
  const heading = document.getElementById('quiz-result-title');
  if (heading) heading.focus();
}

function drawNote(result, round) {
  const seed = round && round.publicSeed;
  return h('div', { class: 'quiz-draw-note ' + (result.inDraw ? 'is-in' : 'is-out'), id: 'quiz-draw-note', role: 'status' },
    h('p', { class: 'quiz-draw-note-title', text: pickLanguage(result.drawNote) }),
    result.inDraw && seed ? h('p', { i18n: 'quiz.drawWhen', args: { name: seed.name, issue: seed.issue, date: seed.drawDate } }) : null);
}

// 复制链接 (see copy-link.js).
function share(url) {
  const parts = copyLinkParts(url, 'quiz', 'btn btn-primary btn-block btn-large');
  return h('div', { class: 'quiz-share' }, parts.button, parts.box, parts.status, h('p', { class: 'hint', i18n: 'quiz.shareHint' }));
}
