// The question picker of a fixed paper: the bank search (text of 2+ characters, bank, type; active questions
// only, ten at a time), each result with 加入 or 已加入. It lists the first page at once, so a first-time
// organizer sees what the bank holds before typing anything. The prize quizzes (竞答) use it too, offering only
// the types they can judge at once.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { describeError } from '../feedback.js';
import { questionApi } from './questions-data.js';
import { TYPES, say, option } from './exams-data.js';

const PAGE_SIZE = 10;
const STEM_CHARS = 70;

/** A stem cut to one line's worth, for lists. */
export function truncate(stem) {
  const chars = Array.from((stem || '').replace(/\s+/g, ' ').trim());
  return chars.length > STEM_CHARS ? chars.slice(0, STEM_CHARS - 1).join('') + '…' : chars.join('');
}

/**
 * banks: [{id, name}]; isChosen(question) tells whether it is on the paper already; onAdd(question) adds it.
 * opts (optional): types, the types the type filter offers (default all); refuse(question), the key of the reason a
 * question cannot be added (its button is then disabled and the reason shown), or null; addLabel and addedLabel,
 * the keys of the button's accessible name (given {stem}) before and after adding.
 * Returns {el, refresh()} (refresh redraws the buttons after the paper changed).
 */
export function searchPanel(banks, isChosen, onAdd, opts) {
  const types = (opts && opts.types) || TYPES;
  const refuse = (opts && opts.refuse) || function () { return null; };
  const addLabel = (opts && opts.addLabel) || 'exams.addLabel';
  const addedLabel = (opts && opts.addedLabel) || 'exams.addedLabel';
  let page = 1;
  let last = null;
  const q = h('input', { type: 'search', id: 'paper-search-q', autocomplete: 'off', 'aria-describedby': 'paper-search-hint' });
  const type = h('select', { id: 'paper-search-type' }, option('', '', 'questions.allTypes'), types.map(function (v) { return option(v, '', 'qtype.' + v); }));
  const bank = h('select', { id: 'paper-search-bank' }, option('', '', 'questions.allBanks'), banks.map(function (b) { return option(b.id, '', null, b.name); }));
  [type, bank].forEach(function (sel) { sel.addEventListener('change', function () { page = 1; run(); }); });
  const status = h('p', { class: 'q-count', id: 'paper-search-status', role: 'status' });
  const results = h('ul', { class: 'paper-results', id: 'paper-search-results' });
  const pagerBox = h('div', { class: 'pager', hidden: true });
  const go = h('button', { type: 'button', class: 'btn', id: 'paper-search-button', i18n: 'exams.searchBank', onclick: function () { page = 1; run(); } });
  q.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      // Inside the exam form Enter would save the exam; here it searches.
      event.preventDefault();
      page = 1;
      run();
    }
  });
  function run() {
    const text = q.value.trim();
    if (text && Array.from(text).length < 2) {
      say(status, 'questions.searchTooShort');
      return;
    }
    say(status, 'loading');
    const ask = { q: text, type: type.value, bankId: bank.value, status: 'active', page: page, pageSize: PAGE_SIZE };
    questionApi.list(ask).then(function (data) {
      last = data;
      draw();
    }, function (err) {
      last = null;
      replace(results);
      pagerBox.hidden = true;
      if (err && err.status === 403) say(status, 'exams.bankForbidden');
      else {
        status.removeAttribute('data-i18n');
        status.textContent = describeError(err);
      }
    });
  }
  function draw() {
    if (!last) return;
    const items = last.items || [];
    say(status, 'questions.found', { n: last.total || 0 });
    replace(results, items.map(function (item) {
      const chosen = isChosen(item);
      const refused = chosen ? null : refuse(item);
      const add = h('button', { type: 'button', class: 'btn btn-small' + (chosen || refused ? '' : ' btn-primary'), 'data-action': 'add',
        'data-question-id': item.id, disabled: chosen || Boolean(refused), i18n: chosen ? 'exams.added' : 'exams.add',
        args: { stem: truncate(item.stem) }, i18nAttr: { 'aria-label': chosen ? addedLabel : addLabel } });
      add.addEventListener('click', function () {
        onAdd(item);
        draw();
        const again = results.querySelector('button[data-action=add]:not([disabled])');
        if (again) again.focus();
        else q.focus();
      });
      return h('li', { class: 'paper-result', 'data-question-id': item.id },
        h('div', { class: 'paper-q' },
          h('span', { class: 'chip chip-type', i18n: 'qtype.' + item.type }),
          h('span', { class: 'paper-stem', title: item.stem, text: truncate(item.stem) }),
          item.basis ? h('span', { class: 'muted paper-basis', text: item.basis }) : null,
          refused ? h('span', { class: 'paper-refused', i18n: refused }) : null),
        add);
    }));
    const pages = Math.max(1, Math.ceil((last.total || 0) / PAGE_SIZE));
    pagerBox.hidden = pages < 2;
    replace(pagerBox,
      h('button', { type: 'button', class: 'btn btn-small', i18n: 'paging.prev', disabled: page <= 1, onclick: function () { page--; run(); } }),
      h('span', { class: 'pager-summary', i18n: 'paging.summary', args: { page: page, pages: pages, total: last.total || 0 } }),
      h('button', { type: 'button', class: 'btn btn-small', i18n: 'paging.next', disabled: page >= pages, onclick: function () { page++; run(); } }));
  }
  const el = h('div', { class: 'paper-search', role: 'search' },
    h('div', { class: 'toolbar' },
      h('div', { class: 'field field-grow' }, h('label', { for: 'paper-search-q', i18n: 'exams.searchLabel' }), q,
        h('p', { class: 'hint', id: 'paper-search-hint', i18n: 'exams.searchHint' })),
      h('div', { class: 'field field-button' }, go)),
    h('div', { class: 'paper-filters' },
      h('div', { class: 'field' }, h('label', { for: 'paper-search-bank', i18n: 'questions.bank' }), bank),
      h('div', { class: 'field' }, h('label', { for: 'paper-search-type', i18n: 'questions.type' }), type)),
    status, results, pagerBox);
  run();
  return { el: el, refresh: draw };
}
