// #/ — the rounds: the open one(s) first and large, with the rules, the prizes and how the winners are drawn;
// then the upcoming and the recently closed; this browser's own results; the leaderboard link.
import { h, replace } from '../dom.js';
import { percentText } from './format.js';
import { roundFacts, drawRules, windowLine } from './rules.js';
import { startAction } from './start.js';
import { entriesOfRound } from './entries.js';

/** Draws the list of rounds (from GET /quiz/rounds) into container. */
export function renderRounds(container, rounds, go) {
  const now = Date.now();
  const open = rounds.filter(function (r) { return r.open; });
  const upcoming = rounds.filter(function (r) { return !r.open && Date.parse(r.opensAt) > now; });
  const closed = rounds.filter(function (r) { return !r.open && Date.parse(r.opensAt) <= now; });
  replace(container,
    h('section', { class: 'quiz-home', 'aria-labelledby': 'quiz-home-title' },
      h('div', { class: 'quiz-hero' },
        h('h1', { id: 'quiz-home-title', tabindex: '-1', i18n: 'quiz.homeTitle' }),
        h('p', { i18n: 'quiz.homeText' })),
      open.length ? open.map(function (r) { return openCard(r, go); }) : noneOpen(),
      upcoming.length ? otherList('quiz-upcoming', 'quiz.upcomingTitle', upcoming, false) : null,
      closed.length ? otherList('quiz-closed', 'quiz.closedTitle', closed, true) : null,
      h('p', { class: 'quiz-home-links' },
        h('a', { class: 'btn', href: '#/leaderboard', id: 'quiz-leaderboard-link', i18n: 'quiz.leaderboardLink' }))));
}

function openCard(round, go) {
  const titleId = 'quiz-round-title-' + round.id;
  return h('article', { class: 'card quiz-round is-open', id: 'quiz-round-' + round.id, 'data-round': round.id, 'aria-labelledby': titleId },
    h('p', { class: 'quiz-round-tags' },
      h('span', { class: 'badge badge-on', i18n: 'quiz.openNow' }),
      round.topic ? h('span', { class: 'chip', text: round.topic }) : null),
    h('h2', { id: titleId, class: 'quiz-round-title', text: round.title }),
    round.intro ? h('p', { class: 'quiz-intro', text: round.intro }) : null,
    roundFacts(round),
    startAction(round, go),
    mine(round),
    drawRules(round));
}

// This browser's finished entries of the round, newest first: a way back to each result card.
function mine(round) {
  const done = entriesOfRound(round.id).filter(function (r) { return r.result; });
  if (!done.length) return null;
  return h('div', { class: 'quiz-mine' },
    h('h3', { i18n: 'quiz.mineTitle' }),
    h('ul', { class: 'plain-list quiz-mine-list' }, done.slice(0, 5).map(function (r) {
      return h('li', null, h('a', { href: '#/result/' + r.entryId, i18n: 'quiz.mineItem',
        args: { correct: r.result.correct, total: r.result.total, p: percentText(r.result.percent) } }));
    })));
}

function noneOpen() {
  return h('div', { class: 'card empty-state', id: 'quiz-none-open' },
    h('p', { class: 'empty-title', i18n: 'quiz.noneOpen' }),
    h('p', { class: 'muted', i18n: 'quiz.noneOpenHint' }));
}

function otherList(id, titleKey, rounds, closed) {
  return h('section', { class: 'card quiz-others', id: id, 'aria-labelledby': id + '-title' },
    h('h2', { id: id + '-title', i18n: titleKey }),
    h('ul', { class: 'quiz-other-list' }, rounds.map(function (r) {
      return h('li', { 'data-round': r.id },
        h('p', { class: 'quiz-other-title', text: r.title }),
        h('p', { class: 'muted' }, windowLine(r)),
        closed
          ? h('a', { href: '#/leaderboard/' + r.id, i18n: 'quiz.seeRanking' })
          : (r.prizes && r.prizes.length ? h('p', { class: 'muted', i18n: 'quiz.hasPrizes', args: { n: r.prizes.length } }) : null));
    })));
}
