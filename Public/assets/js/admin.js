// The staff console (/admin): sign-in, then a hash-routed set of sections (#/users?page=2), each shown
// only to users holding its permission. The server checks every permission again; hiding is for clarity.
import { api, onUnauthenticated } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { startShell, setUser, loginView } from './shell.js';
import { errorView, loadingView, announce } from './feedback.js';
import { renderOverview } from './admin/overview.js';
import { renderUsers } from './admin/users.js';
import { renderUnits } from './admin/units.js';
import { renderRegions } from './admin/regions.js';
import { renderAudit } from './admin/audit.js';
import { renderQuestions } from './admin/questions.js';
import { renderExams } from './admin/exams.js';
import { renderQuizzes } from './admin/quizzes.js';
import { renderContent } from './admin/content.js';
import { renderProfiles } from './admin/profiles.js';
import { renderSegments } from './admin/segments.js';
import { renderCampaigns } from './admin/campaigns.js';
import { renderReach } from './admin/reach.js';
import { renderStudyTasks } from './admin/study-tasks.js';
import { clearQuestionRefs } from './admin/questions-data.js';
import { clearRefs } from './admin/refs.js';

const SECTIONS = [
  { id: 'overview', label: 'nav.overview', perm: 'console.access', render: renderOverview },
  { id: 'questions', label: 'nav.questions', perm: 'questions.manage', render: renderQuestions },
  { id: 'quizzes', label: 'nav.quizzes', perm: 'quizzes.manage', render: renderQuizzes },
  { id: 'content', label: 'nav.content', perm: 'content.manage', render: renderContent },
  { id: 'profiles', label: 'nav.profiles', perm: 'audiences.manage', render: renderProfiles },
  { id: 'segments', label: 'nav.segments', perm: 'audiences.manage', render: renderSegments },
  { id: 'campaigns', label: 'nav.campaigns', perm: 'campaigns.manage', render: renderCampaigns },
  { id: 'study-tasks', label: 'nav.studyTasks', perm: 'campaigns.manage', render: renderStudyTasks },
  { id: 'reach', label: 'nav.reach', perm: 'campaigns.manage', render: renderReach },
  { id: 'exams', label: 'nav.exams', perm: 'exams.manage', render: renderExams },
  { id: 'users', label: 'nav.users', perm: 'users.manage', render: renderUsers },
  { id: 'units', label: 'nav.units', perm: 'console.access', render: renderUnits },
  { id: 'regions', label: 'nav.regions', perm: 'console.access', render: renderRegions },
  { id: 'audit', label: 'nav.audit', perm: 'audit.read', render: renderAudit },
];

const main = document.getElementById('main');
const nav = document.getElementById('console-nav');
let session = null;
let navList = null;
let navToggle = null;

/** What a section may ask of the console: the session, a permission test, navigation. */
function context() {
  return {
    user: session.user,
    permissions: session.permissions || [],
    can: function (perm) { return (session.permissions || []).indexOf(perm) >= 0; },
    go: function (hash) {
      if (location.hash === hash) route(false);
      else location.hash = hash;
    },
  };
}

/** Splits "#/users?q=li&page=2" into {id: "users", params: {q: "li", page: "2"}}. */
export function parseHash(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const id = q >= 0 ? raw.slice(0, q) : raw;
  const params = {};
  if (q >= 0) {
    raw.slice(q + 1).split('&').forEach(function (pair) {
      if (!pair) return;
      const eq = pair.indexOf('=');
      const key = decodeURIComponent(eq >= 0 ? pair.slice(0, eq) : pair);
      params[key] = eq >= 0 ? decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' ')) : '';
    });
  }
  return { id: id || 'overview', params: params };
}

function allowedSections() {
  const ctx = context();
  return SECTIONS.filter(function (s) { return ctx.can(s.perm); });
}

function showLogin(notice) {
  session = null;
  clearRefs();
  clearQuestionRefs();
  setUser(null);
  showNav(false);
  main.removeAttribute('aria-busy');
  replace(main, loginView({ title: 'login.staffTitle', notice: notice, onSuccess: function (result) {
    announce(t('login.welcome', { name: result.user.displayName || result.user.username }));
    showConsole(result, true);
  } }));
  if (notice) document.getElementById('login-username').focus();
}

function showConsole(result, moveFocus) {
  session = result;
  setUser(session.user);
  main.removeAttribute('aria-busy');
  if (!context().can('console.access')) {
    showNav(false);
    replace(main, h('section', { class: 'card notice-block', id: 'no-console' },
      h('h1', { i18n: 'admin.noConsole' }),
      h('p', { i18n: 'admin.noConsoleHint' }),
      h('a', { class: 'btn btn-primary', href: '/exam', i18n: 'admin.goExam' })));
    return;
  }
  buildNav();
  route(moveFocus);
}

function buildNav() {
  navToggle = h('button', { type: 'button', class: 'btn nav-toggle', id: 'nav-toggle', 'aria-expanded': 'false', 'aria-controls': 'console-nav-list' },
    h('span', { class: 'burger', 'aria-hidden': 'true' }), h('span', { i18n: 'admin.menu' }));
  navToggle.addEventListener('click', function () { setNavOpen(navToggle.getAttribute('aria-expanded') !== 'true'); });
  navList = h('ul', { id: 'console-nav-list', class: 'nav-list' }, allowedSections().map(function (s) {
    return h('li', null, h('a', { href: '#/' + s.id, id: 'nav-' + s.id, 'data-section': s.id, i18n: s.label,
      onclick: function () { setNavOpen(false); } }));
  }));
  replace(nav, navToggle, navList);
  showNav(true);
}

function showNav(visible) {
  nav.hidden = !visible;
  document.getElementById('console-layout').classList.toggle('has-nav', visible);
}

function setNavOpen(open) {
  if (!navToggle) return;
  navToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  nav.classList.toggle('is-open', open);
}

function route(moveFocus) {
  if (!session) return;
  setNavOpen(false);
  const where = parseHash(location.hash);
  const allowed = allowedSections();
  let section = null;
  for (let i = 0; i < allowed.length; i++) if (allowed[i].id === where.id) section = allowed[i];
  const links = navList ? navList.querySelectorAll('a') : [];
  for (let i = 0; i < links.length; i++) {
    if (section && links[i].getAttribute('data-section') === section.id) links[i].setAttribute('aria-current', 'page');
    else links[i].removeAttribute('aria-current');
  }
  // A fresh container per visit: late answers for a section the user has left land in a detached node.
  const container = h('div', { class: 'section', id: 'section-' + (section ? section.id : 'none') });
  replace(main, container);
  if (!section) {
    // An address that names no section at all (a mistyped or outdated link) is not a missing permission.
    const known = SECTIONS.some(function (s) { return s.id === where.id; });
    replace(container, h('div', { class: 'card notice-block', id: 'section-missing' },
      h('h1', { i18n: known ? 'admin.noSection' : 'admin.unknownSection' }),
      h('p', {}, h('a', { href: '#/overview', i18n: 'admin.toOverview' }))));
    return;
  }
  section.render(container, context(), where.params);
  if (moveFocus) {
    const heading = container.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }
}

function boot() {
  main.setAttribute('aria-busy', 'true');
  replace(main, loadingView());
  api.session().then(function (result) {
    if (result && result.user) showConsole(result, false);
    else showLogin();
  }, function (err) {
    main.removeAttribute('aria-busy');
    replace(main, errorView(err, boot));
  });
}

startShell({ door: 'admin', onLogout: function () { showLogin(); } });
onUnauthenticated(function () { if (session) showLogin('login.expired'); });
window.addEventListener('hashchange', function () { route(true); });
boot();
