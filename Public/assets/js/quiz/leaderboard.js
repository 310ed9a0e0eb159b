// #/leaderboard and #/leaderboard/{roundId} — towns and villages ranked by how many took part (a bar per
// region drawn with CSS, with the mean score and the full marks), and the best entries.
import { h, replace } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { quizApi } from './quiz-api.js';
import { percentText, minutesSeconds } from './format.js';

/** Draws the leaderboard (of one round, or of all rounds when roundId is null). Returns dispose(). */
export function renderLeaderboard(container, roundId, go) {
  let live = true;
  container.setAttribute('aria-busy', 'true');
  replace(container, loadingView());
  Promise.all([quizApi.rounds(), quizApi.leaderboard(roundId)]).then(function (got) {
    container.removeAttribute('aria-busy');
    if (live) draw(container, got[0].items || [], got[1], roundId, go);
  }, function (err) {
    container.removeAttribute('aria-busy');
    if (live) {
      replace(container, h('div', null, errorView(err, function () { go(location.hash, true); }),
        h('p', null, h('a', { class: 'back-link', href: '#/', i18n: 'quiz.backHome' }))));
    }
  });
  return function () { live = false; };
}

function draw(container, rounds, board, roundId, go) {
  const regions = board.regions || [];
  const towns = regions.filter(function (r) { return r.level === 'town'; });
  const villages = regions.filter(function (r) { return r.level === 'village'; });
  const counties = regions.filter(function (r) { return r.level === 'county'; });
  const top = board.top || [];
  const empty = !towns.length && !villages.length && !top.length;
  replace(container, h('section', { class: 'quiz-board', id: 'quiz-board', 'aria-labelledby': 'quiz-board-title' },
    h('h1', { id: 'quiz-board-title', tabindex: '-1', i18n: 'quiz.boardTitle' }),
    picker(rounds, roundId, go),
    counties.length ? h('p', { class: 'quiz-board-total', id: 'quiz-board-total' }, counties.map(function (c) {
      return h('span', { i18n: 'quiz.countyTotal', args: { name: c.name, n: c.entries, p: percentText(c.meanPercent) } });
    })) : null,
    empty ? h('div', { class: 'card empty-state', id: 'quiz-board-empty' },
      h('p', { class: 'empty-title', i18n: 'quiz.boardEmpty' }),
      h('p', { class: 'muted', i18n: 'quiz.boardEmptyHint' })) : null,
    towns.length ? regionCard('quiz-board-towns', 'quiz.boardTowns', towns) : null,
    villages.length ? regionCard('quiz-board-villages', 'quiz.boardVillages', villages) : null,
    top.length ? topCard(top) : null,
    h('p', { class: 'hint', i18n: 'quiz.boardNote' }),
    h('p', null, h('a', { class: 'back-link', href: '#/', i18n: 'quiz.backHome' }))));
  const heading = document.getElementById('quiz-board-title');
  if (heading) heading.focus();
}

function picker(rounds, roundId, go) {
  const known = rounds.some(function (r) { return String(r.id) === String(roundId); });
  const select = h('select', { id: 'quiz-board-round', name: 'round' },
    h('option', { value: '', i18n: 'quiz.allRounds', selected: !roundId }),
    rounds.map(function (r) { return h('option', { value: String(r.id), text: r.title, selected: String(r.id) === String(roundId) }); }),
    roundId && !known ? h('option', { value: String(roundId), selected: true, i18n: 'quiz.roundN', args: { n: roundId } }) : null);
  select.addEventListener('change', function () { go(select.value ? '#/leaderboard/' + select.value : '#/leaderboard'); });
  return h('div', { class: 'field quiz-board-picker' }, h('label', { for: 'quiz-board-round', i18n: 'quiz.boardRound' }), select);
}

function regionCard(id, titleKey, rows) {
  const most = rows.reduce(function (m, r) { return Math.max(m, r.entries); }, 1);
  return h('section', { class: 'card quiz-board-card', id: id, 'aria-labelledby': id + '-title' },
    h('h2', { id: id + '-title', i18n: titleKey }),
    h('ol', { class: 'quiz-ranks' }, rows.map(function (r, i) {
      return h('li', { class: 'quiz-rank', 'data-region': r.regionId },
        h('span', { class: 'quiz-rank-no', 'aria-hidden': 'true', text: String(i + 1) }),
        h('div', { class: 'quiz-rank-body' },
          h('p', { class: 'quiz-rank-name', text: r.name }),
          h('div', { class: 'quiz-rank-track', 'aria-hidden': 'true' },
            h('span', { class: 'quiz-rank-fill', style: 'width:' + Math.max(4, Math.round(100 * r.entries / most)) + '%' })),
          h('p', { class: 'quiz-rank-figures', i18n: 'quiz.rankFigures',
            args: { n: r.entries, p: percentText(r.meanPercent), full: r.fullMarks } })));
    })));
}

function topCard(top) {
  return h('section', { class: 'card quiz-board-card', id: 'quiz-board-top', 'aria-labelledby': 'quiz-board-top-title' },
    h('h2', { id: 'quiz-board-top-title', i18n: 'quiz.boardTop' }),
    h('ol', { class: 'quiz-top' }, top.map(function (e, i) {
      const time = minutesSeconds(e.seconds);
      return h('li', { class: 'quiz-top-row' + (i < 3 ? ' is-podium' : '') },
        h('span', { class: 'quiz-rank-no', 'aria-hidden': 'true', text: String(i + 1) }),
        h('span', { class: 'quiz-top-who' },
          h('span', { class: 'quiz-top-name', text: e.nickname }),
          e.region ? h('span', { class: 'quiz-top-region', text: e.region }) : null),
        h('span', { class: 'quiz-top-score' },
          h('strong', { text: percentText(e.percent) + '%' }),
          h('span', { class: 'quiz-top-time', i18n: time.m ? 'quiz.timeMS' : 'quiz.timeS', args: { m: time.m, s: time.s } })));
    })));
}
