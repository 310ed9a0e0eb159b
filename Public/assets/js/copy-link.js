// 复制链接, shared by the quiz result card and the reading page: the clipboard API where the browser allows it (a
// secure page); otherwise the address appears in a box, selected, the old copy command is tried, and the status says
// to copy by hand (long-press) when even that fails.
import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * The button, the fallback address box and the status line for url. prefix names the ids (prefix-copy,
 * prefix-share-url, prefix-copy-status) and the i18n keys (prefix.copyLink, .copied, .copyByHand, .shareUrl).
 */
export function copyLinkParts(url, prefix, buttonClass) {
  const status = h('span', { class: prefix + '-copy-status', id: prefix + '-copy-status', role: 'status' });
  const box = h('input', { type: 'text', id: prefix + '-share-url', class: prefix + '-share-url', readonly: true, value: url,
    i18nAttr: { 'aria-label': prefix + '.shareUrl' }, hidden: true });
  function say(key) {
    status.setAttribute('data-i18n', key);
    status.textContent = t(key);
  }
  const button = h('button', { type: 'button', class: buttonClass, id: prefix + '-copy', i18n: prefix + '.copyLink',
    onclick: function () {
      copy(url).then(function () {
        say(prefix + '.copied');
      }, function () {
        box.hidden = false;
        box.focus();
        box.select();
        box.setSelectionRange(0, url.length);
        say(legacyCopy() ? prefix + '.copied' : prefix + '.copyByHand');
      });
    } });
  return { button: button, box: box, status: status };
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
