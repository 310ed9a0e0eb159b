// How the pages tell people what is happening: the status toast, busy buttons, form errors,
// loading and error blocks, and the wording of every API failure.
import { t, has, getLang } from './i18n.js';
import { ApiError } from './api.js';
import { h } from './dom.js';

let statusTimer = null;

/** Adds the toast live region to the page once; the shell calls it at start-up. */
export function ensureLiveRegions() {
  if (!document.getElementById('status-region')) {
    document.body.appendChild(h('div', { id: 'status-region', class: 'toast', role: 'status', 'aria-live': 'polite' }));
  }
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
    return t('error.' + err.code, { message: inCurrentLanguage(err.serverMessage) });
  }
  if (has('error.' + err.code)) return t('error.' + err.code);
  return inCurrentLanguage(err.serverMessage) || t('error.http', { status: err.status });
}

/**
 * The server writes messages as "中文 / English". Show the half in the page's language; a message
 * without that shape is shown whole.
 */
export function inCurrentLanguage(message) {
  const text = message || '';
  const cut = text.indexOf(' / ');
  if (cut < 0) return text;
  const zhPart = text.slice(0, cut);
  const enPart = text.slice(cut + 3);
  if (!/[\u3400-\u9fff]/.test(zhPart) || !/[A-Za-z]/.test(enPart)) return text;
  return getLang() === 'en' ? enPart : zhPart;
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
