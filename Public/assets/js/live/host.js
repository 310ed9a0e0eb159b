// /live#/host — the host's side (staff with quizzes.manage): sign in here (the console's cookie works too),
// then set up a contest or pick a recent one; #/host/12 is the big screen for contest 12.
import { h, replace } from '../dom.js';
import { api, onUnauthenticated } from '../api.js';
import { setUser, loginView } from '../shell.js';
import { errorView, loadingView } from '../feedback.js';
import { liveApi } from './live-api.js';
import { createForm } from './host-create.js';
import { renderStage } from './host-screen.js';
import { phaseBadge } from './host-views.js';

const PERMISSION = 'quizzes.manage';
let session = null;

/** Draws the host page for contestId (null: the set-up page) into container. go(hash) navigates. Returns dispose(). */
export function renderHost(container, contestId, go) {
  let disposed = false;
  let inner = null;
  onUnauthenticated(function () {
    session = null;
    if (!disposed) signIn('login.expired');
  });
  function open() {
    if (disposed) return;
    if (!session || !session.user) { signIn(null); return; }
    if ((session.permissions || []).indexOf(PERMISSION) < 0) { forbidden(); return; }
    document.body.classList.toggle('is-live-stage', Boolean(contestId));
    if (contestId) inner = renderStage(container, contestId, go);
    else home(container, go);
  }
  function signIn(notice) {
    setUser(null);
    document.body.classList.remove('is-live-stage');
    replace(container, h('div', { class: 'live-host-login' },
      loginView({ title: 'live.hostLoginTitle', notice: notice, onSuccess: function (result) {
        session = result;
        // No welcome toast: it would sit over the stage's controls; the header names the user.
        setUser(result.user);
        open();
      } }),
      h('p', { class: 'live-host-alt' }, h('span', { i18n: 'live.hostLoginAlt' }), ' ',
        h('a', { href: '/admin', id: 'live-admin-link', i18n: 'live.hostLoginAltLink' }))));
  }
  function forbidden() {
    replace(container, h('section', { class: 'card notice-block', id: 'live-forbidden' },
      h('h1', { i18n: 'live.forbiddenTitle' }),
      h('p', { i18n: 'live.forbiddenText' }),
      h('p', null, h('a', { href: '/live', i18n: 'live.toPlayer' }))));
  }

  if (session) {
    open();
  } else {
    replace(container, loadingView());
    api.session().then(function (result) {
      if (disposed) return;
      session = result && result.user ? result : null;
      if (session) setUser(session.user);
      open();
    }, function (err) {
      if (!disposed) replace(container, errorView(err, function () { go(location.hash, true); }));
    });
  }
  return function () {
    disposed = true;
    document.body.classList.remove('is-live-stage');
    if (inner) inner();
  };
}

// The set-up page: a new contest on the left (on a phone: first), recent contests on the right.
function home(container, go) {
  const list = h('div', { class: 'live-recent-list', id: 'live-recent' }, loadingView());
  replace(container, h('div', { class: 'live-host-home' },
    h('h1', { class: 'live-host-title', tabindex: '-1', i18n: 'live.hostTitle' }),
    h('p', { class: 'intro muted', i18n: 'live.hostIntro' }),
    h('div', { class: 'live-host-grid' },
      h('section', { class: 'card live-create', 'aria-labelledby': 'live-create-title' },
        h('h2', { id: 'live-create-title', i18n: 'live.createTitle' }),
        createForm(function (created) { go('#/host/' + created.id); })),
      h('section', { class: 'card live-recent', 'aria-labelledby': 'live-recent-title' },
        h('h2', { id: 'live-recent-title', i18n: 'live.recentTitle' }),
        list))));
  liveApi.list().then(function (data) {
    const items = data.items || [];
    if (!items.length) {
      replace(list, h('p', { class: 'muted', id: 'live-recent-empty', i18n: 'live.recentEmpty' }));
      return;
    }
    replace(list, h('ul', { class: 'live-recent-items' }, items.slice(0, 20).map(function (c) {
      return h('li', { class: 'live-recent-item', 'data-contest-id': String(c.id) },
        h('div', { class: 'live-recent-main' },
          h('a', { href: '#/host/' + c.id, class: 'live-recent-link', text: c.title }),
          h('span', { class: 'live-recent-meta' },
            phaseBadge(c.phase), ' ',
            h('span', { i18n: 'live.recentMeta', args: { code: c.code, n: c.questions, s: c.secondsPerQuestion } }))),
        h('a', { href: '#/host/' + c.id, class: 'btn btn-small', i18n: c.phase === 'ended' ? 'live.openResults' : 'live.openStage' }));
    })));
  }, function (err) {
    replace(list, errorView(err, function () { go('#/host', true); }));
  });
}
