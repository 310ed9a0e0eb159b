// The frame every page shares: header with site name, language switch and the signed-in user
// (with change-password and sign-out), the skip link, and the sign-in card.
import { t, getLang, setLang, initI18n, onLangChange } from './i18n.js';
import { api } from './api.js';
import { h, replace, formValues } from './dom.js';
import { announce, describeError, userError, withBusy, showFormError, ensureLiveRegions } from './feedback.js';
import { openDialog } from './dialog.js';
import { field } from './fields.js';

let userSlot = null;
let logoutHandler = null;

/**
 * Starts the page frame. options.door is "portal", "exam" or "admin" (names the page in the header);
 * options.onLogout() runs after a successful sign-out. Returns nothing; use setUser() later.
 */
export function startShell(options) {
  initI18n();
  const header = document.getElementById('site-header');
  userSlot = h('div', { class: 'user-slot' });
  const langButton = h('button', {
    type: 'button', class: 'btn btn-quiet lang-switch', id: 'lang-switch',
    i18n: 'lang.switch', i18nAttr: { 'aria-label': 'lang.switchLabel' },
    lang: getLang() === 'en' ? 'zh-CN' : 'en',
    onclick: function () { setLang(getLang() === 'en' ? 'zh-CN' : 'en'); },
  });
  onLangChange(function (lang) { langButton.setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en'); });
  replace(header, h('div', { class: 'header-inner' },
    h('a', { class: 'brand', href: '/' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true', text: '法' }),
      h('span', { class: 'brand-name', i18n: 'site.name' })),
    h('span', { class: 'door-name', i18n: 'door.' + options.door }),
    langButton, userSlot));
  logoutHandler = options.onLogout || null;
  wireSkipLink();
  ensureLiveRegions();
}

// The skip link must not change location.hash: the console routes on it.
function wireSkipLink() {
  const link = document.querySelector('.skip-link');
  const main = document.getElementById('main');
  if (!link || !main) return;
  link.addEventListener('click', function (event) {
    event.preventDefault();
    main.focus();
  });
}

/** Shows user in the header with a change-password button and a sign-out button; null clears it. */
export function setUser(user) {
  if (!userSlot) return;
  if (!user) {
    replace(userSlot);
    return;
  }
  const logout = h('button', { type: 'button', class: 'btn btn-quiet', id: 'logout-button', i18n: 'user.logout' });
  logout.addEventListener('click', function () {
    withBusy(logout, function () {
      return api.logout().then(function () {
        setUser(null);
        announce(t('user.loggedOut'));
        if (logoutHandler) logoutHandler();
      }, function (err) { announce(describeError(err), 'error'); });
    });
  });
  replace(userSlot,
    h('span', { class: 'user-name', id: 'current-user', title: user.username, text: user.displayName || user.username }),
    h('button', { type: 'button', class: 'btn btn-quiet', i18n: 'user.changePassword', onclick: openChangePassword }),
    logout);
}

function openChangePassword() {
  openDialog({
    title: 'password.title',
    submit: 'save',
    body: [
      field('password.current', { name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true }),
      field('password.new', { name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true }, 'password.hint'),
      field('password.confirm', { name: 'confirmPassword', type: 'password', autocomplete: 'new-password', required: true }),
    ],
    onSubmit: function (form) {
      const v = formValues(form);
      if (!v.currentPassword) return Promise.reject(userError(t('error.required', { field: t('password.current') }), 'currentPassword'));
      if (!v.newPassword) return Promise.reject(userError(t('error.required', { field: t('password.new') }), 'newPassword'));
      if (v.newPassword !== v.confirmPassword) return Promise.reject(userError(t('password.mismatch'), 'confirmPassword'));
      return api.changePassword(v.currentPassword, v.newPassword).then(function () { announce(t('password.changed')); });
    },
  });
}

/**
 * The sign-in card. options: title (key), notice (text shown above the form, e.g. "session ended"),
 * onSuccess({user, permissions}). Enter submits; errors from the server appear in the form's alert.
 */
export function loginView(options) {
  const errorBox = h('div', { class: 'form-error', role: 'alert', id: 'login-error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', id: 'login-submit', i18n: 'login.submit' });
  const username = field('login.username', { name: 'username', id: 'login-username', autocomplete: 'username', autocapitalize: 'off', spellcheck: 'false', required: true });
  const password = field('login.password', { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'login-form', id: 'login-form', novalidate: true, 'aria-labelledby': 'login-title' },
    username, password, errorBox, submit,
    h('p', { class: 'hint', i18n: 'login.forgot' }));
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const v = formValues(form);
    const userInput = form.elements.username;
    const passInput = form.elements.password;
    if (!v.username) return failLogin(t('error.required', { field: t('login.username') }), userInput);
    if (!v.password) return failLogin(t('error.required', { field: t('login.password') }), passInput);
    showFormError(errorBox, '');
    form.setAttribute('aria-busy', 'true');
    withBusy(submit, function () { return api.login(v.username, v.password); }).then(function (result) {
      form.removeAttribute('aria-busy');
      options.onSuccess(result);
    }, function (err) {
      form.removeAttribute('aria-busy');
      failLogin(describeError(err), passInput);
      passInput.select();
    });
  });
  function failLogin(message, focusEl) {
    showFormError(errorBox, message);
    focusEl.setAttribute('aria-invalid', 'true');
    focusEl.focus();
  }
  return h('section', { class: 'card login-card', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title', i18n: options.title }),
    options.notice ? h('p', { class: 'notice', role: 'status', i18n: options.notice }) : null,
    h('p', { class: 'muted', i18n: 'login.intro' }),
    form);
}

