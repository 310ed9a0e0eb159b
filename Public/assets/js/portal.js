// The residents' portal (/). The quiz card shows the open round (title, window, 去答题) when there is one;
// otherwise the honest empty state written in index.html (which paints before any script runs) stays, with
// the next round's date when one is published. The reading card lists the newest pieces for the reader (the
// "我是…" choice made on /read, residents otherwise); index.html's text and link to /read stand when none load.
import { startShell } from './shell.js';
import { h, replace } from './dom.js';
import { request } from './api.js';
import { windowLine, moment } from './quiz/rules.js';
import { readApi, savedGroup, groupById, inGroup } from './read/pieces.js';
import { showFeed, showTasks } from './study/portal-feed.js';
import { showInbox } from './portal-inbox.js';

const STUDY_ITEMS = 4;

startShell({ door: 'portal' });
showQuiz();
showStudy();
showFeed();
showTasks();
showInbox();

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

function showStudy() {
  const slot = document.getElementById('study-state');
  if (!slot) return;
  const chosen = savedGroup();
  const group = groupById(chosen === 'all' ? 'resident' : chosen);
  readApi.list({ audience: group.codes.length === 1 ? group.codes[0] : null }).then(function (items) {
    const mine = items.filter(function (p) { return inGroup(p, group.id); });
    if (!mine.length) {
      slot.className = 'empty-state';
      replace(slot, h('p', { class: 'empty-title', i18n: 'portal.studyEmpty' }), h('p', { class: 'muted', i18n: 'portal.studyHint' }));
      return;
    }
    slot.className = 'portal-study';
    replace(slot,
      h('ul', { class: 'portal-study-list', id: 'study-list' }, mine.slice(0, STUDY_ITEMS).map(function (p) {
        return h('li', { 'data-slug': p.slug },
          h('a', { href: '/read#/' + encodeURIComponent(p.slug), class: 'portal-study-link', lang: 'zh-CN', text: p.title }),
          p.summary ? h('p', { class: 'portal-study-summary', lang: 'zh-CN', text: p.summary }) : null);
      })),
      h('a', { class: 'btn btn-large portal-study-go', href: '/read', id: 'study-go', i18n: 'portal.studyAll' }));
  }, function () {
    // index.html's text and link to /read stay; the reading page explains any failure itself.
  });
}
