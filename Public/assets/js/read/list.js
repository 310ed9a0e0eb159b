// #/ — the list: "我是…" chips (remembered on this phone), a search box, topic chips built from the pieces
// loaded, and a card per piece, newest first. Words are searched by the server (it reads the bodies too); the
// audience and the topic filter the loaded list here, so a tap answers at once and needs no connection.
// The list keeps its state while the reader is in an article, so 返回 lands where they left it.
import { h, replace } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { readApi, GROUPS, savedGroup, saveGroup, inGroup, hasTopic, lawOf, dateParts } from './pieces.js';

const state = { group: null, q: '', topic: '', loaded: null, scrollY: 0, lastSlug: null };

/**
 * Draws the list into container. nav: {moveFocus, returning (back from an article), reload()}. Returns dispose().
 */
export function renderList(container, nav) {
  if (state.group === null) state.group = savedGroup();
  let live = true;
  const results = h('div', { class: 'read-results', id: 'read-results' });
  const topics = h('div', { class: 'read-topic-slot', id: 'read-topic-slot' });
  replace(container, h('section', { class: 'read-home', 'aria-labelledby': 'read-home-title' },
    h('div', { class: 'read-hero' },
      h('h1', { id: 'read-home-title', tabindex: '-1', i18n: 'read.homeTitle' }),
      h('p', { i18n: 'read.homeText' })),
    searchForm(load),
    groupChips(function () { show(false); }),
    topics,
    results));

  function load() {
    if (state.loaded && state.loaded.q === state.q) {
      show(false);
      return;
    }
    results.setAttribute('aria-busy', 'true');
    replace(results, loadingView());
    const q = state.q;
    readApi.list({ q: q }).then(function (items) {
      if (!live) return;
      results.removeAttribute('aria-busy');
      state.loaded = { q: q, items: items };
      show(false);
    }, function (err) {
      if (!live) return;
      results.removeAttribute('aria-busy');
      replace(topics);
      replace(results, errorView(err, load));
    });
  }

  // keepTopics: a topic chip was tapped; the disclosure stays, and its summary keeps the focus.
  function show(keepTopics) {
    const all = state.loaded.items;
    const mine = all.filter(function (p) { return inGroup(p, state.group); });
    if (!keepTopics) replace(topics, topicChips(mine, function () { show(true); }));
    const shown = state.topic ? mine.filter(function (p) { return hasTopic(p, state.topic); }) : mine;
    replace(results,
      h('p', { class: 'read-count', id: 'read-count', role: 'status' }, countLine(shown.length)),
      shown.length ? h('ul', { class: 'read-list', id: 'read-list' }, shown.map(card)) : nothingFound(all.length, function () {
        state.q = '';
        state.topic = '';
        state.group = 'all';
        saveGroup('all');
        nav.reload();
      }));
  }

  load();
  if (nav.returning && state.loaded && state.loaded.q === state.q) {
    // Back from an article: the same place on the page, the focus on the article just read.
    window.scrollTo(0, state.scrollY);
    const link = document.getElementById('read-link-' + state.lastSlug);
    if (link) link.focus({ preventScroll: true });
  } else if (nav.moveFocus) {
    window.scrollTo(0, 0);
    document.getElementById('read-home-title').focus();
  }
  return function () {
    live = false;
    state.scrollY = window.pageYOffset || 0;
  };
}

/** Forgets the search words and the topic (for 查看全部文章); the "我是…" choice stays. */
export function clearSearch() {
  state.q = '';
  state.topic = '';
}

/** Remembers which article the reader opened, so 返回 can bring the focus back to its card. */
export function noteOpened(slug) {
  state.lastSlug = slug;
}

function searchForm(load) {
  const input = h('input', { type: 'search', id: 'read-q', name: 'q', value: state.q, enterkeyhint: 'search',
    autocomplete: 'off', i18nAttr: { placeholder: 'read.searchPlaceholder' } });
  const clear = h('button', { type: 'button', class: 'btn btn-quiet read-clear', id: 'read-clear', i18n: 'read.searchClear',
    hidden: !state.q, onclick: function () {
      input.value = '';
      state.q = '';
      clear.hidden = true;
      input.focus();
      load();
    } });
  const form = h('form', { class: 'read-search', id: 'read-search', role: 'search', novalidate: true },
    h('label', { for: 'read-q', class: 'read-search-label', i18n: 'read.searchLabel' }),
    h('div', { class: 'read-search-row' }, input,
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'read-search-go', i18n: 'read.searchButton' })),
    clear);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    state.q = input.value.trim();
    state.topic = '';
    clear.hidden = !state.q;
    // Closes the phone's keyboard, so the results are not hidden under it.
    input.blur();
    load();
  });
  return form;
}

function groupChips(changed) {
  const buttons = GROUPS.map(function (g) {
    return h('button', { type: 'button', class: 'read-chip', id: 'read-aud-' + g.id, 'data-group': g.id,
      'aria-pressed': String(g.id === state.group), i18n: 'read.aud.' + g.id,
      onclick: function () {
        state.group = g.id;
        state.topic = '';
        saveGroup(g.id);
        buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-group') === g.id)); });
        changed();
      } });
  });
  return h('div', { class: 'read-filter', role: 'group', 'aria-labelledby': 'read-aud-label' },
    h('p', { class: 'read-filter-label', id: 'read-aud-label', i18n: 'read.whoAmI' }),
    h('div', { class: 'read-chips' }, buttons));
}

// The laws the pieces belong to ("民法典" from "民法典·继承编") and the knowledge points that several pieces share,
// most used first; behind a disclosure, so the list starts high on a phone (the summary names the chosen one).
function topicChips(pieces, changed) {
  const counts = {};
  const order = [];
  pieces.forEach(function (p) {
    const seen = {};
    (p.topics || []).forEach(function (topic) {
      const chip = lawOf(topic);
      if (seen[chip]) return;
      seen[chip] = true;
      if (!counts[chip]) { counts[chip] = 0; order.push(chip); }
      counts[chip]++;
    });
  });
  const chips = order.filter(function (c) { return counts[c] > 1 || isLaw(c, pieces) || c === state.topic; })
    .sort(function (a, b) { return counts[b] - counts[a] || order.indexOf(a) - order.indexOf(b); });
  if (state.topic && chips.indexOf(state.topic) < 0) chips.unshift(state.topic);
  if (!chips.length) return null;
  const buttons = [''].concat(chips).map(function (chip) {
    return h('button', { type: 'button', class: 'read-chip read-topic', 'data-topic': chip, 'aria-pressed': String(chip === state.topic),
      i18n: chip ? null : 'read.topicAll', text: chip || null, lang: chip ? 'zh-CN' : null,
      onclick: function () {
        state.topic = chip;
        buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-topic') === chip)); });
        summary.lastChild.textContent = chip ? '：' + chip : '';
        // Folded again, so the articles come up under the chosen topic instead of below a screen of chips.
        box.open = false;
        summary.focus();
        changed();
      } });
  });
  const summary = h('summary', { class: 'read-topics-summary', id: 'read-topics-summary' },
    h('span', { i18n: 'read.topics' }), h('span', { class: 'read-topic-chosen', lang: 'zh-CN', text: state.topic ? '：' + state.topic : '' }));
  const box = h('details', { class: 'read-filter read-topics-box', id: 'read-topics' },
    summary, h('div', { class: 'read-chips' }, buttons));
  return box;
}

function isLaw(chip, pieces) {
  return pieces.some(function (p) {
    return (p.topics || []).some(function (t) { return t.indexOf(chip + '·') === 0; });
  });
}

function countLine(n) {
  return state.q
    ? h('span', { i18n: 'read.countSearch', args: { q: state.q, n: n } })
    : h('span', { i18n: 'read.count', args: { n: n } });
}

function card(piece) {
  const basis = piece.basis || [];
  const date = dateParts(piece);
  return h('li', { class: 'card read-card', 'data-slug': piece.slug },
    h('h2', { class: 'read-card-title', lang: 'zh-CN' },
      h('a', { href: '#/' + encodeURIComponent(piece.slug), id: 'read-link-' + piece.slug, text: piece.title })),
    piece.summary ? h('p', { class: 'read-card-summary', lang: 'zh-CN', text: piece.summary }) : null,
    basis.length ? h('p', { class: 'read-card-basis' },
      h('span', { class: 'read-card-basis-label', i18n: 'read.basisLabel' }),
      h('span', { lang: 'zh-CN', text: basis[0] }),
      basis.length > 1 ? h('span', { i18n: 'read.basisMore', args: { n: basis.length - 1 } }) : null) : null,
    h('p', { class: 'read-card-meta' },
      h('span', { class: 'chips' }, (piece.topics || []).slice(0, 3).map(function (topic) {
        return h('span', { class: 'chip', lang: 'zh-CN', text: topic });
      })),
      date ? h('span', { class: 'read-card-date', i18n: 'read.date', args: date }) : null));
}

function nothingFound(total, reset) {
  return h('div', { class: 'card empty-state', id: 'read-none' },
    h('p', { class: 'empty-title', i18n: total || state.q ? 'read.none' : 'read.empty' }),
    h('p', { class: 'muted', i18n: total || state.q ? 'read.noneHint' : 'read.emptyHint' }),
    total || state.q || state.group !== 'all' ? h('button', { type: 'button', class: 'btn btn-primary btn-large', id: 'read-show-all',
      i18n: 'read.showAll', onclick: reset }) : null);
}
