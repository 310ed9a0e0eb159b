// Modal dialogs holding a form: Enter submits, Esc and Cancel close, focus stays inside while open
// and returns to the opener afterwards; the rest of the page is hidden from screen readers meanwhile.
import { h } from './dom.js';
import { describeError, withBusy, showFormError } from './feedback.js';

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
    // Error and buttons stay pinned at the bottom, so a long form never hides the server's answer.
    h('div', { class: 'dialog-footer' }, errorBox, h('div', { class: 'dialog-actions' }, cancel, submit)));
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
  // A confirmation of something destructive starts on Cancel, so a stray Enter does no harm.
  const first = options.danger ? cancel : (form.querySelector('input:not([type=hidden]):not([disabled]), select, textarea') || submit);
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

