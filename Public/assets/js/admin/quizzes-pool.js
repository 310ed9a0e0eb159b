// The question pool of a round: the chosen questions in order (each entry draws "questions per entry" of them, or
// all of them in this order when the numbers are equal) and the bank search from the exam paper's picker, offering
// only objective questions — a quiz judges every answer at once, so the server refuses case analysis.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { questionApi } from './questions-data.js';
import { say } from './exams-data.js';
import { searchPanel, truncate } from './exams-picker.js';

/** The types a quiz can judge at once. */
export const QUIZ_TYPES = ['single', 'multiple', 'judge', 'blank'];

/**
 * ids: the round's questionIds (or []); opts.readOnly, opts.banks, opts.onChange() after every change.
 * Returns {el, read() → ids, problems() → [{key, args, focus}]}.
 */
export function poolEditor(ids, opts) {
  const readOnly = Boolean(opts.readOnly);
  const chosen = (ids || []).map(function (id) { return { id: id, q: null }; });
  const list = h('ol', { class: 'paper-list', id: 'qa-pool-list' });
  const count = h('p', { class: 'paper-total', id: 'qa-pool-count', role: 'status' });
  const changed = opts.onChange || function () {};
  const search = readOnly ? null : searchPanel(opts.banks || [], function (q) {
    return chosen.some(function (c) { return c.id === q.id; });
  }, function (q) {
    chosen.push({ id: q.id, q: q });
    drawList();
    changed();
  }, {
    types: QUIZ_TYPES,
    refuse: function (q) { return QUIZ_TYPES.indexOf(q.type) < 0 ? 'qadmin.caseRefused' : null; },
    addLabel: 'qadmin.addLabel',
    addedLabel: 'qadmin.addedLabel',
  });
  const el = h('div', { class: 'qa-pool', id: 'qa-pool' },
    h('h4', { class: 'paper-sub', i18n: 'qadmin.poolChosen' }),
    list, count,
    readOnly ? null : h('div', { class: 'paper-picker' },
      h('h4', { class: 'paper-sub', i18n: 'qadmin.poolPick' }),
      h('p', { class: 'hint', id: 'qa-pool-hint', i18n: 'qadmin.poolHint' }),
      search.el));

  function drawList() {
    say(count, 'qadmin.poolCountLine', { n: chosen.length });
    count.hidden = !chosen.length;
    if (!chosen.length) {
      replace(list, h('li', { class: 'paper-empty muted', id: 'qa-pool-empty', i18n: 'qadmin.poolEmpty' }));
      if (search) search.refresh();
      return;
    }
    replace(list, chosen.map(function (item, i) {
      const q = item.q;
      return h('li', { class: 'paper-row', 'data-question-id': item.id },
        h('span', { class: 'paper-no', text: (i + 1) + '.' }),
        h('div', { class: 'paper-q' },
          q ? h('span', { class: 'chip chip-type', i18n: 'qtype.' + q.type }) : null,
          h('span', { class: 'paper-stem', title: q ? q.stem : '', text: q ? truncate(q.stem) : t('exams.questionN', { id: item.id }) }),
          q && QUIZ_TYPES.indexOf(q.type) < 0 ? h('span', { class: 'paper-refused', i18n: 'qadmin.caseRefused' }) : null,
          q && q.status && q.status !== 'active' ? h('span', { class: 'badge qstatus-' + q.status, i18n: 'qstatus.' + q.status }) : null),
        readOnly ? null : h('div', { class: 'paper-row-controls' },
          h('button', { type: 'button', class: 'btn btn-small', i18n: 'exams.moveUp', disabled: i === 0,
            args: { n: i + 1 }, i18nAttr: { 'aria-label': 'exams.moveUpLabel' }, onclick: function () { move(i, -1); } }),
          h('button', { type: 'button', class: 'btn btn-small', i18n: 'exams.moveDown', disabled: i === chosen.length - 1,
            args: { n: i + 1 }, i18nAttr: { 'aria-label': 'exams.moveDownLabel' }, onclick: function () { move(i, 1); } }),
          h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-action': 'remove', i18n: 'exams.remove',
            args: { n: i + 1 }, i18nAttr: { 'aria-label': 'exams.removeLabel' }, onclick: function () { removeAt(i); } })));
    }));
    if (search) search.refresh();
  }

  function move(i, by) {
    const j = i + by;
    const tmp = chosen[i];
    chosen[i] = chosen[j];
    chosen[j] = tmp;
    drawList();
    changed();
    const row = list.children[j];
    const again = row && row.querySelectorAll('button')[by < 0 ? 0 : 1];
    if (again && !again.disabled) again.focus();
    else if (row) row.querySelector('button[data-action=remove]').focus();
  }

  function removeAt(i) {
    chosen.splice(i, 1);
    drawList();
    changed();
    const row = list.children[Math.min(i, list.children.length - 1)];
    const focus = row && row.querySelector('button[data-action=remove]');
    (focus || document.getElementById('paper-search-q')).focus();
  }

  // The stems of a saved pool: one request per question, drawn as they arrive.
  chosen.forEach(function (item) {
    questionApi.get(item.id).then(function (q) { item.q = q; drawList(); }, function () { /* the number stays */ });
  });
  drawList();

  return {
    el: el,
    read: function () { return chosen.map(function (c) { return c.id; }); },
    problems: function () {
      const out = [];
      if (!chosen.length) out.push({ key: 'qadmin.problemNoQuestions', focus: readOnly ? null : 'paper-search-q' });
      chosen.forEach(function (c, i) {
        if (c.q && QUIZ_TYPES.indexOf(c.q.type) < 0) out.push({ key: 'qadmin.problemCase', args: { n: i + 1 } });
      });
      return out;
    },
  };
}
