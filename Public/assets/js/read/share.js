// 复制链接 for an article: the clipboard API where the browser allows it (a secure page); otherwise the address
// appears in a box, selected, with the old copy command tried and a hint to long-press when even that fails.
// WeChat's own menu (…) also forwards the page, which the hint says.
import { h } from '../dom.js';
import { t } from '../i18n.js';

/** The share block for url. */
export function shareBlock(url) {
  const status = h('p', { class: 'read-copy-status', id: 'read-copy-status', role: 'status' });
  const box = h('input', { type: 'text', id: 'read-share-url', class: 'read-share-url', readonly: true, value: url,
    i18nAttr: { 'aria-label': 'read.shareUrl' }, hidden: true });
  const button = h('button', { type: 'button', class: 'btn btn-block btn-large', id: 'read-copy', i18n: 'read.copyLink',
    onclick: function () {
      copy(url).then(function () {
        say('read.copied');
      }, function () {
        box.hidden = false;
        box.focus();
        box.select();
        box.setSelectionRange(0, url.length);
        say(legacyCopy() ? 'read.copied' : 'read.copyByHand');
      });
    } });
  function say(key) {
    status.setAttribute('data-i18n', key);
    status.textContent = t(key);
  }
  return h('section', { class: 'read-share', 'aria-labelledby': 'read-share-title' },
    h('h2', { id: 'read-share-title', i18n: 'read.shareTitle' }),
    button, box, status,
    h('p', { class: 'hint', i18n: 'read.shareHint' }));
}

function copy(text) {
  if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) return navigator.clipboard.writeText(text);
  return Promise.reject(new Error('no clipboard'));
}

function legacyCopy() {
  try {
    return document.execCommand('copy');
  } catch (e) {
    return false;
  }
}
