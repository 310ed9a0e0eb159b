// The residents' portal (/). The quiz card shows the open round (title, window, 去答题) when there is one;
// otherwise the honest empty state written in index.html (which paints before any script runs) stays, with
// the next round's date when one is published. Reading arrives in a later release.
import { startShell } from './shell.js';
import { h, replace } from './dom.js';
import { request } from './api.js';
import { windowLine, moment } from './quiz/rules.js';

startShell({ door: 'portal' });
showQuiz();

function showQuiz() {
  const slot = document.getElementById('quiz-state');
  if (!slot) return;
  request('GET', '/api/v1/quiz/rounds').then(function (data) {
    const rounds = (data && data.items) || [];
    const open = rounds.filter(function (r) { return r.open; });
    if (open.length) {
      slot.className = 'portal-quiz';
      replace(slot, open.slice(0, 2).map(openRound), more());
      return;
    }
    const next = rounds.filter(function (r) { return Date.parse(r.opensAt) > Date.now(); })
      .sort(function (a, b) { return Date.parse(a.opensAt) - Date.parse(b.opensAt); })[0];
    slot.appendChild(h('p', { class: 'portal-quiz-next' },
      next ? h('span', { id: 'quiz-next-round' }, h('span', { i18n: 'portal.quizNext', args: { title: next.title } }), ' ',
        h('span', { i18n: 'portal.quizOpensAt' }), moment(next.opensAt)) : null,
      rounds.length ? [' ', more()] : null));
  }, function () {
    // The empty state already says what is true enough; the quiz page explains any failure itself.
  });
}

function openRound(round) {
  const prizes = (round.prizes || []).map(function (p) { return p.name; }).join('、');
  return h('div', { class: 'portal-quiz-round', 'data-round': round.id },
    h('span', { class: 'badge badge-on', i18n: 'portal.quizOpen' }),
    h('h3', { text: round.title }),
    h('p', { class: 'muted' }, h('span', { i18n: 'portal.quizWhen' }), windowLine(round)),
    h('p', { i18n: 'portal.quizFacts', args: { n: round.questionsPerEntry } }),
    prizes ? h('p', { i18n: 'portal.quizPrizes', args: { list: prizes } }) : null,
    h('a', { class: 'btn btn-primary btn-large', id: 'quiz-go-' + round.id, href: '/quiz#/play/' + round.id, i18n: 'portal.quizGo' }));
}

function more() {
  return h('a', { class: 'portal-quiz-more', id: 'quiz-more', href: '/quiz', i18n: 'portal.quizAll' });
}
