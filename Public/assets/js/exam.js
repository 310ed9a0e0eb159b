// The exam center for officials (/exam): sign in, then "my exams". No exam API exists yet, so the
// list is honestly empty; the page still checks the exams.take permission the server reports.
import { api, onUnauthenticated } from './api.js';
import { h, replace } from './dom.js';
import { startShell, setUser, loginView } from './shell.js';
import { errorView, loadingView, announce } from './feedback.js';
import { t } from './i18n.js';

const main = document.getElementById('main');

function showLogin(notice) {
  setUser(null);
  main.removeAttribute('aria-busy');
  replace(main, loginView({ title: 'login.examTitle', notice: notice, onSuccess: function (session) {
    showExams(session, true);
    announce(t('login.welcome', { name: session.user.displayName || session.user.username }));
  } }));
  const first = document.getElementById('login-username');
  if (notice && first) first.focus();
}

// moveFocus is true after a sign-in, so screen readers land on the list; not on a plain page load.
function showExams(session, moveFocus) {
  setUser(session.user);
  const canTake = (session.permissions || []).indexOf('exams.take') >= 0;
  const title = h('h1', { id: 'exams-title', tabindex: '-1', i18n: 'exam.mine' });
  replace(main, h('section', { class: 'exam-list', 'aria-labelledby': 'exams-title' },
    title,
    canTake
      ? h('div', { class: 'card empty-state', id: 'exam-empty' },
          h('p', { class: 'empty-title', i18n: 'exam.empty' }),
          h('p', { class: 'muted', i18n: 'exam.emptyHint' }))
      : h('div', { class: 'card notice-block', id: 'exam-no-permission' }, h('p', { i18n: 'exam.noPermission' }))));
  main.removeAttribute('aria-busy');
  if (moveFocus) title.focus();
}

function boot() {
  main.setAttribute('aria-busy', 'true');
  replace(main, loadingView());
  api.session().then(function (session) {
    if (session && session.user) showExams(session);
    else showLogin();
  }, function (err) {
    main.removeAttribute('aria-busy');
    replace(main, errorView(err, boot));
  });
}

startShell({ door: 'exam', onLogout: function () { showLogin(); } });
onUnauthenticated(function () { showLogin('login.expired'); });
boot();
