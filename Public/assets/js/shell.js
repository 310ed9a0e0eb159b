// The frame every page shares: header with site name, language switch and the signed-in user,
// the live regions for status and errors, busy buttons, modal dialogs, and the login form.
import { t, has, getLang, setLang, initI18n, onLangChange } from './i18n.js';
import { api, ApiError } from './api.js';
import { h, replace, formValues } from './dom.js';

let statusTimer = null;
let userSlot = null;

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
  header.onLogout = options.onLogout;
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

function ensureLiveRegions() {
  if (!document.getElementById('status-region')) {
    document.body.appendChild(h('div', { id: 'status-region', class: 'toast', role: 'status', 'aria-live': 'polite' }));
  }
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
        const cb = document.getElementById('site-header').onLogout;
        if (cb) cb();
      }, function (err) { announce(describeError(err), 'error'); });
    });
  });
  replace(userSlot,
    h('span', { class: 'user-name', id: 'current-user', title: user.username, text: user.displayName || user.username }),
    h('button', { type: 'button', class: 'btn btn-quiet', i18n: 'user.changePassword', onclick: openChangePassword }),
    logout);
}

/** Announces message in the polite status toast; kind "error" makes it an assertive alert instead. */
export function announce(message, kind) {
  ensureLiveRegions();
  const region = document.getElementById('status-region');
  region.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  region.setAttribute('aria-live', kind === 'error' ? 'assertive' : 'polite');
  region.className = 'toast is-visible' + (kind === 'error' ? ' toast-error' : '');
  region.textContent = message;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(function () { region.className = 'toast'; region.textContent = ''; }, kind === 'error' ? 9000 : 5000);
}

/** Turns any failure into a sentence for the user, preferring our translation for known codes. */
export function describeError(err) {
  if (err && err.userMessage) return err.userMessage;
  if (!(err instanceof ApiError)) return t('error.network');
  if (err.code === 'throttled') {
    return err.retryAfter ? t('error.throttled', { seconds: err.retryAfter }) : t('error.throttledSoon');
  }
  if (err.code === 'validation_failed' || err.code === 'conflict') {
    return err.serverMessage ? t('error.' + err.code, { message: err.serverMessage }) : t('error.' + err.code, { message: '' });
  }
  if (has('error.' + err.code)) return t('error.' + err.code);
  return err.serverMessage || t('error.http', { status: err.status });
}

/** An error whose text is already meant for the user (client-side validation). */
export function userError(message, field) {
  const e = new Error(message);
  e.userMessage = message;
  e.field = field;
  return e;
}

/** Marks button busy (disabled, spinner, aria-busy) while fn's promise runs. */
export function withBusy(button, fn) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.classList.add('is-busy');
  const done = function () {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.classList.remove('is-busy');
  };
  let result;
  try {
    result = Promise.resolve(fn());
  } catch (e) {
    result = Promise.reject(e);
  }
  return result.then(function (v) { done(); return v; }, function (e) { done(); throw e; });
}

/** Shows an error inside a form's alert box (role="alert", so screen readers hear it at once). */
export function showFormError(box, message) {
  box.textContent = message || '';
  box.hidden = !message;
}

/**
 * Opens a modal dialog holding a form. options:
 *   title (key), args, body (nodes), submit (key), danger (bool), onSubmit(form) → promise.
 * Enter submits, Esc and Cancel close, focus stays inside and returns to the opener afterwards.
 * A rejected onSubmit shows its error in the dialog and keeps it open.
 */
export function openDialog(options) {
  const opener = document.activeElement;
  const titleId = 'dialog-title-' + Date.now();
  const errorBox = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn ' + (options.danger ? 'btn-danger' : 'btn-primary'), i18n: options.submit || 'save' });
  const cancel = h('button', { type: 'button', class: 'btn', i18n: 'cancel', onclick: function () { close(); } });
  const form = h('form', { class: 'dialog-form', novalidate: true },
    h('h2', { id: titleId, i18n: options.title, args: options.args }),
    options.body,
    errorBox,
    h('div', { class: 'dialog-actions' }, cancel, submit));
  const dialog = h('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId }, form);
  const backdrop = h('div', { class: 'dialog-backdrop' }, dialog);
  const hidden = hideBackground();

  function close() {
    document.removeEventListener('keydown', onKey, true);
    if (backdrop.parentNode) backdrop.parentNode.removeChild(backdrop);
    hidden.forEach(function (el) { el.removeAttribute('aria-hidden'); });
    document.body.classList.remove('has-dialog');
    if (opener && opener.focus && document.body.contains(opener)) opener.focus();
  }
  function onKey(event) {
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      trapFocus(dialog, event);
    }
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    showFormError(errorBox, '');
    withBusy(submit, function () { return options.onSubmit(form); }).then(close, function (err) {
      showFormError(errorBox, describeError(err));
      const bad = err && err.field ? form.elements[err.field] : null;
      if (bad && bad.focus) bad.focus();
    });
  });
  document.addEventListener('keydown', onKey, true);
  document.body.appendChild(backdrop);
  document.body.classList.add('has-dialog');
  const first = form.querySelector('input:not([type=hidden]):not([disabled]), select, textarea') || submit;
  first.focus();
  return { close: close, form: form };
}

function hideBackground() {
  const out = [];
  const kids = document.body.children;
  for (let i = 0; i < kids.length; i++) {
    const el = kids[i];
    if (el.classList.contains('dialog-backdrop') || el.id === 'status-region' || el.tagName === 'SCRIPT') continue;
    if (el.getAttribute('aria-hidden') === 'true') continue;
    el.setAttribute('aria-hidden', 'true');
    out.push(el);
  }
  return out;
}

function trapFocus(container, event) {
  const focusable = container.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])');
  if (!focusable.length) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** A labelled input: field('users.username', {name:'username', …}) → a div with label, input and optional hint. */
export function field(labelKey, attrs, hintKey) {
  const id = attrs.id || 'f-' + attrs.name + '-' + Math.random().toString(36).slice(2, 8);
  const input = h(attrs.tag || 'input', Object.assign({}, attrs, { id: id, tag: null, 'aria-describedby': hintKey ? id + '-hint' : null }));
  return h('div', { class: 'field' },
    h('label', { for: id, i18n: labelKey }),
    input,
    hintKey ? h('p', { class: 'hint', id: id + '-hint', i18n: hintKey }) : null);
}

/** A select with a label; options are [{value, key|text}], the first may be the "none" choice. */
export function selectField(labelKey, name, choices, selected) {
  const id = 'f-' + name + '-' + Math.random().toString(36).slice(2, 8);
  const select = h('select', { id: id, name: name },
    choices.map(function (c) {
      return h('option', { value: c.value, i18n: c.key || null, selected: String(c.value) === String(selected) }, c.key ? null : c.text);
    }));
  return h('div', { class: 'field' }, h('label', { for: id, i18n: labelKey }), select);
}

/** A password field with a button that fills in a random 16-character password and shows it. */
export function newPasswordField(labelKey, name) {
  const wrap = field(labelKey, { name: name, type: 'password', autocomplete: 'new-password', required: true, spellcheck: 'false' }, 'password.hint');
  const input = wrap.querySelector('input');
  const gen = h('button', { type: 'button', class: 'btn btn-small', i18n: 'password.generate', onclick: function () {
    input.type = 'text';
    input.value = randomPassword(16);
    input.focus();
    input.select();
  } });
  wrap.insertBefore(h('div', { class: 'input-row' }, input, gen), wrap.querySelector('.hint'));
  return wrap;
}

// Letters and digits without look-alikes (0/O, 1/l/I), so a password read aloud or on paper survives.
function randomPassword(length) {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = new Uint8Array(length);
  window.crypto.getRandomValues(bytes);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(bytes[i] % alphabet.length);
  return out;
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

/** A centred spinner with a translated "loading" text, for sections waiting on the API. */
export function loadingView() {
  return h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'loading' }));
}

/** An error block with a retry button, for sections whose data failed to load. */
export function errorView(err, retry) {
  return h('div', { class: 'error-block', role: 'alert' },
    h('p', { text: describeError(err) }),
    retry ? h('button', { type: 'button', class: 'btn', i18n: 'retry', onclick: retry }) : null);
}
