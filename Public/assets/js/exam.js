// The exam center for officials (/exam): sign in, then a hash-routed set of views:
//   #/               我的考试, the list
//   #/attempt/12     taking attempt 12 (a reload resumes it; this tab becomes its owner)
//   #/receipt/12     the receipt (and the review, when the policy allows) of attempt 12
import { api, onUnauthenticated } from './api.js';
import { h, replace } from './dom.js';
import { startShell, setUser, loginView } from './shell.js';
import { errorView, loadingView, announce } from './feedback.js';
import { t } from './i18n.js';
import { examApi, clientId } from './exam/exam-api.js';
import { renderList } from './exam/list.js';
import { renderAttempt } from './exam/attempt.js';
import { renderReceipt } from './exam/receipt.js';
import { closeNotices } from './exam/notice.js';

const main = document.getElementById('main');
let session = null;
let dispose = null;
// Data handed from one view to the next (the attempt just started, the receipt just issued), used once.
let handoff = null;

function showLogin(notice) {
  session = null;
  leave();
  setUser(null);
  main.removeAttribute('aria-busy');
  document.body.classList.remove('is-taking-exam');
  replace(main, loginView({ title: 'login.examTitle', notice: notice, onSuccess: function (result) {
    session = result;
    setUser(result.user);
    announce(t('login.welcome', { name: result.user.displayName || result.user.username }));
    route(true);
  } }));
  const first = document.getElementById('login-username');
  if (notice && first) first.focus();
}

/** Navigates to hash; data (an AttemptView or Receipt) spares the next view a request. */
function go(hash, data) {
  handoff = data ? { hash: hash, data: data } : null;
  if (location.hash === hash) route(true);
  else location.hash = hash;
}

function leave() {
  if (dispose) dispose();
  dispose = null;
  closeNotices();
}

function take(hash) {
  const data = handoff && handoff.hash === hash ? handoff.data : null;
  handoff = null;
  return data;
}

// moveFocus is true after a sign-in or a navigation, so screen readers land on the new view; not on a plain load.
function route(moveFocus) {
  if (!session) return;
  leave();
  const hash = location.hash || '#/';
  const match = /^#\/(attempt|receipt)\/(\d+)$/.exec(hash);
  document.body.classList.toggle('is-taking-exam', Boolean(match && match[1] === 'attempt'));
  if (!match) {
    renderList(main, session, moveFocus, go);
    return;
  }
  const id = match[2];
  const given = take(hash);
  if (match[1] === 'attempt') {
    if (given && given.items) openAttempt(given, moveFocus);
    else load(function () { return examApi.attempt(id, clientId()); }, function (view) { openAttempt(view, moveFocus); });
  } else {
    load(function () { return examApi.attempt(id); }, function (view) {
      if (view.state !== 'submitted' || !view.receipt) {
        go('#/attempt/' + id, view);
        return;
      }
      renderReceipt(main, view, session.user);
      if (moveFocus) focusHeading();
    }, given);
  }
}

function openAttempt(view, moveFocus) {
  if (view.state === 'submitted') {
    go('#/receipt/' + view.id, view);
    return;
  }
  dispose = renderAttempt(main, view, go);
  if (moveFocus) focusHeading();
}

function load(ask, draw, early) {
  main.setAttribute('aria-busy', 'true');
  // A receipt just issued shows at once while the full view (with the review) loads.
  if (early && early.attemptId) renderReceipt(main, { id: early.attemptId, receipt: early, items: [] }, session.user);
  else replace(main, loadingView());
  const at = location.hash;
  ask().then(function (data) {
    main.removeAttribute('aria-busy');
    if (location.hash === at) draw(data);
  }, function (err) {
    main.removeAttribute('aria-busy');
    if (location.hash !== at) return;
    replace(main, h('div', null, errorView(err, function () { route(true); }),
      h('p', null, h('a', { class: 'back-link', href: '#/', i18n: 'exam.backToList' }))));
  });
}

function focusHeading() {
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

function boot() {
  main.setAttribute('aria-busy', 'true');
  replace(main, loadingView());
  api.session().then(function (result) {
    main.removeAttribute('aria-busy');
    if (result && result.user) {
      session = result;
      setUser(result.user);
      route(false);
    } else {
      showLogin();
    }
  }, function (err) {
    main.removeAttribute('aria-busy');
    replace(main, errorView(err, boot));
  });
}

startShell({ door: 'exam', onLogout: function () { showLogin(); } });
onUnauthenticated(function () { if (session) showLogin('login.expired'); });
window.addEventListener('hashchange', function () { route(true); });
boot();
