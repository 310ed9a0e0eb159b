// 复制链接 for an article (see copy-link.js); WeChat's own menu (…) also forwards the page, which the hint says.
import { h } from '../dom.js';
import { copyLinkParts } from '../copy-link.js';

/** The share block for url. */
export function shareBlock(url) {
  const parts = copyLinkParts(url, 'read', 'btn btn-block btn-large');
  return h('section', { class: 'read-share', 'aria-labelledby': 'read-share-title' },
    h('h2', { id: 'read-share-title', i18n: 'read.shareTitle' }),
    parts.button, parts.box, parts.status,
    h('p', { class: 'hint', i18n: 'read.shareHint' }));
}
