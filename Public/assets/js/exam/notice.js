// A blocking message over the exam page (time is up, the attempt was taken over elsewhere): the page behind
// is inert and hidden from screen readers, focus moves into the message, and only its buttons lead on.
import { h, replace } from '../dom.js';

const open = [];

/**
 * Shows a blocking notice. actions: [{key, id, primary, onclick}] (the notice closes before onclick runs).
 * Returns {close(), update(hintKey, actions)}.
 */
export function blockingNotice(id, titleKey, hintKey, actions) {
  const titleId = id + '-title';
  const hint = h('p', { class: 'exam-notice-hint', id: id + '-hint' });
  const buttons = h('div', { class: 'dialog-actions exam-notice-actions' });
  const box = h('div', { class: 'dialog exam-notice', id: id, role: 'alertdialog', 'aria-modal': 'true',
    'aria-labelledby': titleId, 'aria-describedby': id + '-hint', tabindex: '-1' },
    h('h2', { id: titleId, i18n: titleKey }), hint, buttons);
  const backdrop = h('div', { class: 'dialog-backdrop exam-notice-backdrop' }, box);
  const hidden = [];
  const kids = document.body.children;
  for (let i = 0; i < kids.length; i++) {
    const el = kids[i];
    if (el.id === 'status-region' || el.tagName === 'SCRIPT' || el.getAttribute('aria-hidden') === 'true') continue;
    el.setAttribute('aria-hidden', 'true');
    if ('inert' in el) el.inert = true;
    hidden.push(el);
  }
  const notice = {
    close: function () {
      if (backdrop.parentNode) backdrop.parentNode.removeChild(backdrop);
      hidden.forEach(function (el) {
        el.removeAttribute('aria-hidden');
        if ('inert' in el) el.inert = false;
      });
      const at = open.indexOf(notice);
      if (at >= 0) open.splice(at, 1);
      document.body.classList.remove('has-dialog');
    },
    update: function (key, list) {
      hint.setAttribute('data-i18n', key);
      hint.textContent = '';
      replace(hint, h('span', { i18n: key }));
      replace(buttons, (list || []).map(function (a) {
        return h('button', { type: 'button', class: 'btn' + (a.primary ? ' btn-primary' : ''), id: a.id, i18n: a.key,
          onclick: function () { notice.close(); a.onclick(); } });
      }));
      const first = buttons.querySelector('button');
      (first || box).focus();
    },
  };
  document.body.appendChild(backdrop);
  document.body.classList.add('has-dialog');
  open.push(notice);
  notice.update(hintKey, actions);
  return notice;
}

/** Closes every notice (the page is navigating elsewhere). */
export function closeNotices() {
  open.slice().forEach(function (n) { n.close(); });
}
