// The residents' prize quiz (/quiz), no account needed; a hash-routed set of views:
//   #/                    the rounds: the open one with its rules, prizes and draw; upcoming and past ones
//   #/play/3              playing round 3 (resumes this browser's unfinished entry after a reload)
//   #/finish/Q7K2M9XW     the score and the draw form
//   #/result/Q7K2M9XW     the shareable result card
//   #/leaderboard[/3]     towns and villages ranked, and the best entries
import { h, replace } from './dom.js';
import { startShell } from './shell.js';
import { errorView, loadingView } from './feedback.js';
import { quizApi } from './quiz/quiz-api.js';
import { renderRounds } from './quiz/rounds.js';
import { renderPlay } from './quiz/play.js';
import { renderFinish } from './quiz/finish.js';
import { renderResult } from './quiz/result.js';
import { renderLeaderboard } from './quiz/leaderboard.js';

const main = document.getElementById('main');
let dispose = null;

/** Navigates to hash; replace=true swaps the history entry (a redirect the Back button should skip). */
function go(hash, replaceEntry) {
  if (location.hash === hash) {
    route(true);
  } else if (replaceEntry) {
    history.replaceState(null, '', hash);
    route(true);
  } else {
    location.hash = hash;
  }
}

function leave() {
  if (dispose) dispose();
  dispose = null;
}

// moveFocus is true after a navigation, so screen readers land on the new view; not on a plain load.
function route(moveFocus) {
  leave();
  const hash = location.hash || '#/';
  const m = /^#\/(play|finish|result|leaderboard)(?:\/([A-Za-z0-9]+))?\/?$/.exec(hash);
  document.body.classList.toggle('is-playing', Boolean(m && m[1] === 'play'));
  let view = null;
  if (m && m[1] === 'play' && m[2]) view = renderPlay(main, m[2], go);
  else if (m && m[1] === 'finish' && m[2]) view = renderFinish(main, m[2], go);
  else if (m && m[1] === 'result' && m[2]) view = renderResult(main, m[2], go);
  else if (m && m[1] === 'leaderboard') view = renderLeaderboard(main, m[2] || null, go);
  else view = home(moveFocus);
  // A view may redirect while drawing (go(…, true) routes again at once); the newer view's dispose stays.
  if ((location.hash || '#/') === hash) dispose = view;
  if (moveFocus && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  if (moveFocus) window.scrollTo(0, 0);
}

function home(moveFocus) {
  let live = true;
  main.setAttribute('aria-busy', 'true');
  replace(main, loadingView());
  quizApi.rounds().then(function (data) {
    main.removeAttribute('aria-busy');
    if (!live) return;
    renderRounds(main, data.items || [], go);
    const heading = document.getElementById('quiz-home-title');
    if (moveFocus && heading) heading.focus();
  }, function (err) {
    main.removeAttribute('aria-busy');
    if (live) replace(main, h('div', null, errorView(err, function () { route(true); })));
  });
  return function () { live = false; };
}

startShell({ door: 'quiz' });
window.addEventListener('hashchange', function () { route(true); });
route(false);
