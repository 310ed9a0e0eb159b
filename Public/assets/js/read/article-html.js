// A piece's body on the page. The server renders Markdown with cmark-gfm in safe mode (raw HTML dropped), so this
// is a second wall, not the first: the HTML is parsed in an inert document (no script runs, no image loads there)
// and rebuilt element by element from a short list of tags and attributes. Tables get a scroll box of their own,
// so a wide one scrolls inside the text on a 360-px phone instead of pushing the whole page sideways. Images are
// kept only from this site's own uploads (/media/<digest>.<ext>): no outside address can track a reader.
import { h } from '../dom.js';

const KEEP = ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'del', 'code', 'pre',
  'br', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'sup', 'sub'];
const RENAME = { h1: 'h2', b: 'strong', i: 'em', s: 'del' };
// Elements whose content must not reach the page even as text.
const DROP = ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'template', 'noscript',
  'form', 'textarea', 'select', 'button', 'link', 'meta', 'base', 'video', 'audio', 'source', 'picture', 'canvas', 'title'];

const MEDIA = /^\/media\/[0-9a-f]{64}\.(png|jpg|gif|webp)$/;

/** The body HTML (from GET /content/{slug}) as a fragment of safe elements. */
export function safeBody(html) {
  const doc = new DOMParser().parseFromString('<!doctype html><html><body>' + String(html || '') + '</body></html>', 'text/html');
  const out = document.createDocumentFragment();
  copyChildren(doc.body, out);
  return out;
}

function copyChildren(from, to) {
  for (let node = from.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      to.appendChild(document.createTextNode(node.nodeValue));
    } else if (node.nodeType === 1) {
      copyElement(node, to);
    }
    // Comments (cmark's "raw HTML omitted") and everything else stay behind.
  }
}

function copyElement(node, to) {
  const name = node.nodeName.toLowerCase();
  if (name === 'input') {
    // A GFM task-list box: shown as a mark, never as a control.
    if ((node.getAttribute('type') || '').toLowerCase() === 'checkbox') to.appendChild(document.createTextNode(node.hasAttribute('checked') ? '☑ ' : '☐ '));
    return;
  }
  if (DROP.indexOf(name) >= 0) return;
  if (name === 'img') {
    const src = node.getAttribute('src') || '';
    if (MEDIA.test(src)) {
      to.appendChild(h('img', { src: src, alt: node.getAttribute('alt') || '', loading: 'lazy', class: 'read-img' }));
    }
    return;
  }
  const tag = RENAME[name] || name;
  if (KEEP.indexOf(tag) < 0) {
    copyChildren(node, to);
    return;
  }
  const el = document.createElement(tag);
  copyAttributes(node, el, tag);
  copyChildren(node, el);
  to.appendChild(tag === 'table' ? tableBox(el) : el);
}

function copyAttributes(from, to, tag) {
  if (tag === 'a') {
    const href = (from.getAttribute('href') || '').trim();
    if (/^https?:\/\//i.test(href)) {
      to.setAttribute('href', href);
      to.setAttribute('target', '_blank');
      to.setAttribute('rel', 'nofollow noopener noreferrer');
    } else if (/^mailto:/i.test(href) || /^\/(?!\/)/.test(href)) {
      to.setAttribute('href', href);
    }
    // In-page anchors ("#…") would fight the page's own #/ addresses; they are left as plain text.
  } else if (tag === 'th' || tag === 'td') {
    const align = (from.getAttribute('align') || '').toLowerCase();
    if (align === 'left' || align === 'center' || align === 'right') to.style.textAlign = align;
  } else if (tag === 'ol') {
    const start = parseInt(from.getAttribute('start') || '', 10);
    if (start > 1 && start < 100000) to.setAttribute('start', String(start));
  }
}

// Focusable, so a keyboard can scroll it; labelled, so a screen reader says what the stop is.
function tableBox(table) {
  return h('div', { class: 'read-table' },
    h('div', { class: 'read-table-scroll', tabindex: '0', role: 'region', i18nAttr: { 'aria-label': 'read.tableLabel' } }, table),
    h('p', { class: 'read-table-hint', i18n: 'read.tableHint', hidden: true }));
}

/** Shows "可左右滑动" under the tables of root that are wider than their box (call after they are on the page). */
export function markWideTables(root) {
  const boxes = root.querySelectorAll('.read-table');
  for (let i = 0; i < boxes.length; i++) {
    const scroll = boxes[i].querySelector('.read-table-scroll');
    const wide = scroll.scrollWidth > scroll.clientWidth + 1;
    boxes[i].classList.toggle('is-wide', wide);
    boxes[i].querySelector('.read-table-hint').hidden = !wide;
  }
}

/**
 * The block quote of 法条原文 that quotes citation (its first bold words are the citation), or null. Lets the
 * 法律依据 list at the top jump to the quoted text at the end.
 */
export function quoteOf(root, citation) {
  const quotes = root.querySelectorAll('blockquote');
  const want = squeeze(citation);
  for (let i = 0; i < quotes.length; i++) {
    const bold = quotes[i].querySelector('strong');
    if (bold && squeeze(bold.textContent) === want) return quotes[i];
  }
  return null;
}

function squeeze(text) {
  return String(text || '').replace(/[\s\u3000]+/g, '');
}
