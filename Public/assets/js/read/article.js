// #/<slug> — one article: title, summary, date and topics, the 法律依据 list (each citation jumps to its quoted text
// at the end), a larger-text switch, the body, 学完测一测 when a prize quiz is open, 复制链接, and the way back.
// A piece that is missing, not yet published or taken down answers 404; the page says so in plain words.
import { h, replace } from '../dom.js';
import { t, onLangChange } from '../i18n.js';
import { errorView, loadingView } from '../feedback.js';
import { readApi, dateParts } from './pieces.js';
import { safeBody, markWideTables, quoteOf } from './article-html.js';
import { shareBlock } from './share.js';
import { trackReading } from '../study/reading.js';
import { recordEvent } from '../events.js';

const SIZE_KEY = 'pufa.read.size';

/** Draws the article slug into container; nav.back() returns to the list. Returns dispose(). */
export function renderArticle(container, slug, nav) {
  let live = true;
  let resized = null;
  let tracker = null;
  container.setAttribute('aria-busy', 'true');
  replace(container, loadingView());
  readApi.piece(slug).then(function (piece) {
    container.removeAttribute('aria-busy');
    if (!live) return;
    tracker = draw(container, piece, nav);
    resized = function () { markWideTables(container); };
    window.addEventListener('resize', resized);
  }, function (err) {
    container.removeAttribute('aria-busy');
    if (!live) return;
    replace(container, err && err.status === 404 ? notFound(nav) : failed(err, nav));
    const heading = container.querySelector('h1');
    if (heading && nav.moveFocus) heading.focus();
  });
  return function () {
    live = false;
    if (tracker) tracker();
    if (resized) window.removeEventListener('resize', resized);
    pageTitle(null);
  };
}

function draw(container, piece, nav) {
  const body = h('div', { class: 'read-body', id: 'read-body', lang: 'zh-CN' }, safeBody(piece.html));
  const date = dateParts(piece);
  // Effective reading time and, for a study task, the required time: filled in once the server answers.
  const progress = h('div', { class: 'reading-progress', id: 'reading-progress', hidden: true });
  const quiz = h('section', { class: 'card read-quiz', id: 'read-quiz', 'aria-labelledby': 'read-quiz-title', hidden: true });
  replace(container, h('article', { class: 'read-article', id: 'read-article', 'data-slug': piece.slug, 'aria-labelledby': 'read-title' },
    backLink(nav, 'read-back'),
    h('header', { class: 'read-head' },
      h('h1', { id: 'read-title', class: 'read-title', tabindex: '-1', lang: 'zh-CN', text: piece.title }),
      piece.summary ? h('p', { class: 'read-summary', lang: 'zh-CN', text: piece.summary }) : null,
      h('div', { class: 'read-meta' },
        date ? h('p', { class: 'read-date' }, h('span', { i18n: 'read.published' }), h('span', { i18n: 'read.date', args: date })) : null,
        (piece.topics || []).length ? h('p', { class: 'read-topics' },
          h('span', { class: 'visually-hidden', i18n: 'read.topicsLabel' }),
          h('span', { class: 'chips' }, piece.topics.map(function (topic) { return h('span', { class: 'chip', lang: 'zh-CN', text: topic }); }))) : null),
      basisList(piece.basis || [], body),
      sizeSwitch(),
      progress),
    body,
    quiz,
    shareBlock(location.origin + '/read#/' + encodeURIComponent(piece.slug)),
    h('p', { class: 'read-end-nav' }, h('a', { class: 'btn btn-block btn-large', href: '#/', id: 'read-back-end', i18n: 'read.backList',
      onclick: function (event) { event.preventDefault(); nav.back(); } }))));
  markWideTables(container);
  pageTitle(piece.title);
  if (nav.moveFocus) document.getElementById('read-title').focus();
  offerQuiz(quiz, piece.slug);
  recordEvent('opened', piece.slug);
  const copy = container.querySelector('.read-share button');
  if (copy) copy.addEventListener('click', function () { recordEvent('shared', piece.slug); });
  return trackReading(piece.slug, body, progress);
}

function backLink(nav, id) {
  return h('p', { class: 'read-back-row' }, h('a', { class: 'back-link', href: '#/', id: id,
    onclick: function (event) { event.preventDefault(); nav.back(); } },
  h('span', { 'aria-hidden': 'true', text: '← ' }), h('span', { i18n: 'read.back' })));
}

// 法律依据 at the top, so an official sees the basis first; each entry jumps to its 法条原文 when the body quotes it.
function basisList(basis, body) {
  if (!basis.length) return null;
  let linked = 0;
  const items = basis.map(function (citation, i) {
    const quote = quoteOf(body, citation);
    if (!quote) return h('li', { lang: 'zh-CN', text: citation });
    linked++;
    quote.id = 'read-quote-' + (i + 1);
    quote.setAttribute('tabindex', '-1');
    return h('li', null, h('a', { href: '#' + quote.id, class: 'read-basis-link', lang: 'zh-CN', text: citation,
      onclick: function (event) {
        // Not through location.hash: the page's own addresses live there.
        event.preventDefault();
        quote.scrollIntoView({ block: 'start' });
        quote.focus({ preventScroll: true });
        quote.classList.add('is-target');
        setTimeout(function () { quote.classList.remove('is-target'); }, 2500);
      } }));
  });
  return h('section', { class: 'read-basis', id: 'read-basis', 'aria-labelledby': 'read-basis-title' },
    h('h2', { id: 'read-basis-title', i18n: 'read.basisTitle' }),
    h('ul', null, items),
    linked ? h('p', { class: 'hint', i18n: 'read.basisHint' }) : null);
}

// 标准 / 大字, remembered: older readers often need larger text than the phone's setting gives a web page.
function sizeSwitch() {
  const large = savedSize() === 'large';
  document.body.classList.toggle('read-large', large);
  const buttons = ['normal', 'large'].map(function (size) {
    return h('button', { type: 'button', class: 'read-size-btn', id: 'read-size-' + size, 'data-size': size,
      'aria-pressed': String((size === 'large') === large), i18n: size === 'large' ? 'read.fontLarge' : 'read.fontNormal',
      onclick: function () { choose(size); } });
  });
  function choose(size) {
    saveSize(size);
    document.body.classList.toggle('read-large', size === 'large');
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-size') === size)); });
    markWideTables(document);
  }
  return h('div', { class: 'read-size', role: 'group', 'aria-labelledby': 'read-size-label' },
    h('span', { id: 'read-size-label', class: 'read-size-label', i18n: 'read.fontSize' }), buttons);
}

function savedSize() {
  try {
    return window.localStorage.getItem(SIZE_KEY) || 'normal';
  } catch (e) {
    return 'normal';
  }
}

function saveSize(size) {
  try {
    window.localStorage.setItem(SIZE_KEY, size);
  } catch (e) {
    // Kept for this page only.
  }
}

// 学完测一测: only when a prize quiz round is open; otherwise nothing is said (a closed quiz is no invitation).
function offerQuiz(slot, slug) {
  readApi.rounds().then(function (data) {
    const open = ((data && data.items) || []).filter(function (r) { return r.open; });
    if (!open.length || !slot.isConnected) return;
    replace(slot,
      h('h2', { id: 'read-quiz-title', i18n: 'read.quizTitle' }),
      h('p', { i18n: 'read.quizText', args: { title: open[0].title } }),
      h('a', { class: 'btn btn-primary btn-block btn-large', id: 'read-quiz-go',
        href: '/quiz?from=' + encodeURIComponent(slug), i18n: 'read.quizGo' }));
    slot.hidden = false;
  }, function () {
    // The quiz is an extra; the article stands without it.
  });
}

function notFound(nav) {
  return h('section', { class: 'card read-missing', id: 'read-not-found', 'aria-labelledby': 'read-missing-title' },
    h('h1', { id: 'read-missing-title', tabindex: '-1', i18n: 'read.notFound' }),
    h('p', { i18n: 'read.notFoundHint' }),
    h('a', { class: 'btn btn-primary btn-block btn-large', href: '#/', id: 'read-missing-list', i18n: 'read.showAll',
      onclick: function (event) { event.preventDefault(); nav.list(); } }));
}

function failed(err, nav) {
  return h('section', { class: 'read-failed', id: 'read-failed', 'aria-labelledby': 'read-failed-title' },
    backLink(nav, 'read-back'),
    h('h1', { id: 'read-failed-title', tabindex: '-1', i18n: 'read.loadFailed' }),
    errorView(err, function () { nav.reload(); }));
}

// The tab's title (and the title WeChat shows when the page is forwarded) is the article's; null restores the page's.
let langHooked = false;
let currentTitle = null;
function pageTitle(title) {
  currentTitle = title;
  const el = document.querySelector('title');
  if (!el) return;
  if (title) {
    el.removeAttribute('data-i18n');
    document.title = title + ' - ' + t('door.read');
  } else {
    el.setAttribute('data-i18n', 'door.read');
    document.title = t('door.read');
  }
  if (!langHooked) {
    langHooked = true;
    onLangChange(function () { pageTitle(currentTitle); });
  }
}
