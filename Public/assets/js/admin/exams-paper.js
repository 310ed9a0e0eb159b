// The paper (试卷) part of the exam form: either a fixed paper — questions picked from the bank with the
// question search, each with its points, in order — or blueprint rules that draw questions for every
// candidate (category, type, difficulty, how many, points each), with how many active questions fit each rule.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { questionApi } from './questions-data.js';
import { TYPES, DIFFICULTIES, num, paperTotal, paperCount, say, option } from './exams-data.js';
import { searchPanel, truncate } from './exams-picker.js';


/**
 * paper: the exam's paper or null; opts.readOnly (published), opts.categories (paths for the datalist).
 * Returns {el, read(), problems()}; problems() lists {key, args, focus} to fix before saving.
 */
export function paperEditor(paper, opts) {
  const readOnly = Boolean(opts.readOnly);
  let mode = paper && paper.blueprint ? 'blueprint' : 'fixed';
  const fixed = (paper && paper.fixed ? paper.fixed : []).map(function (i) { return { questionId: i.questionId, points: i.points, q: null }; });
  const rules = (paper && paper.blueprint ? paper.blueprint : []).map(function (r) { return Object.assign({}, r); });
  if (!rules.length) rules.push({ category: '', type: 'single', difficulty: null, count: 10, points: 2 });

  const total = h('p', { class: 'paper-total', id: 'paper-total', role: 'status' });
  const fixedBox = h('div', { class: 'paper-fixed', id: 'paper-fixed' });
  const blueprintBox = h('div', { class: 'paper-blueprint', id: 'paper-blueprint' });
  const categories = h('datalist', { id: 'paper-category-list' }, (opts.categories || []).map(function (c) { return h('option', { value: c }); }));

  function modeRadio(value, key, hintKey) {
    const id = 'paper-mode-' + value;
    return h('div', { class: 'check check-described' },
      h('input', { type: 'radio', id: id, name: 'paperMode', value: value, checked: mode === value, disabled: readOnly,
        onchange: function () { mode = value; draw(); } }),
      h('label', { for: id }, h('span', { i18n: key }), h('span', { class: 'hint', i18n: hintKey })));
  }

  const el = h('fieldset', { class: 'field paper-editor', id: 'paper-editor' },
    h('legend', { class: 'q-group-title', i18n: 'exams.paper' }),
    h('div', { class: 'checks checks-column paper-modes' },
      modeRadio('fixed', 'exams.paperFixed', 'exams.paperFixedHint'),
      modeRadio('blueprint', 'exams.paperBlueprint', 'exams.paperBlueprintHint')),
    fixedBox, blueprintBox, categories, total);

  // ---------- fixed paper ----------
  const selected = h('ol', { class: 'paper-list', id: 'paper-fixed-list' });
  const defaultPoints = h('input', { type: 'number', id: 'paper-default-points', min: '0.5', step: '0.5', value: '2', inputmode: 'decimal' });
  const search = readOnly ? null : searchPanel(opts.banks || [], function (q) { return fixed.some(function (i) { return i.questionId === q.id; }); }, function (q) {
    const pts = num(defaultPoints.value);
    fixed.push({ questionId: q.id, points: pts > 0 ? pts : 2, q: q });
    drawSelected();
    updateTotal();
  });
  replace(fixedBox,
    h('h3', { class: 'paper-sub', i18n: 'exams.paperSelected' }),
    selected,
    readOnly ? null : h('div', { class: 'paper-picker' },
      h('h3', { class: 'paper-sub', i18n: 'exams.paperPick' }),
      h('div', { class: 'field field-short' }, h('label', { for: 'paper-default-points', i18n: 'exams.defaultPoints' }), defaultPoints),
      search ? search.el : null));

  function drawSelected() {
    if (!fixed.length) {
      replace(selected, h('li', { class: 'paper-empty muted', id: 'paper-fixed-empty', i18n: 'exams.paperEmpty' }));
      return;
    }
    replace(selected, fixed.map(function (item, i) {
      const pid = 'paper-points-' + item.questionId;
      const points = h('input', { type: 'number', id: pid, class: 'paper-points', min: '0.5', step: '0.5', inputmode: 'decimal',
        value: String(item.points), disabled: readOnly, 'data-question-id': item.questionId });
      points.addEventListener('input', function () { item.points = num(points.value); updateTotal(); });
      const q = item.q;
      return h('li', { class: 'paper-row', 'data-question-id': item.questionId },
        h('span', { class: 'paper-no', text: (i + 1) + '.' }),
        h('div', { class: 'paper-q' },
          q ? h('span', { class: 'chip chip-type', i18n: 'qtype.' + q.type }) : null,
          h('span', { class: 'paper-stem', title: q ? q.stem : '', text: q ? truncate(q.stem) : t('exams.questionN', { id: item.questionId }) }),
          q && q.status && q.status !== 'active' ? h('span', { class: 'badge qstatus-' + q.status, i18n: 'qstatus.' + q.status }) : null),
        h('div', { class: 'paper-row-controls' },
          h('label', { for: pid, class: 'paper-points-label', i18n: 'exams.points' }), points,
          readOnly ? null : [
            h('button', { type: 'button', class: 'btn btn-small', i18n: 'exams.moveUp', disabled: i === 0,
              args: { n: i + 1 }, i18nAttr: { 'aria-label': 'exams.moveUpLabel' }, onclick: function () { move(i, -1); } }),
            h('button', { type: 'button', class: 'btn btn-small', i18n: 'exams.moveDown', disabled: i === fixed.length - 1,
              args: { n: i + 1 }, i18nAttr: { 'aria-label': 'exams.moveDownLabel' }, onclick: function () { move(i, 1); } }),
            h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-action': 'remove', i18n: 'exams.remove',
              args: { n: i + 1 }, i18nAttr: { 'aria-label': 'exams.removeLabel' }, onclick: function () { removeAt(i); } })]));
    }));
  }

  function move(i, by) {
    const j = i + by;
    const tmp = fixed[i];
    fixed[i] = fixed[j];
    fixed[j] = tmp;
    drawSelected();
    const row = selected.children[j];
    const again = row && row.querySelectorAll('button')[by < 0 ? 0 : 1];
    if (again && !again.disabled) again.focus();
    else if (row) row.querySelector('input').focus();
  }

  function removeAt(i) {
    fixed.splice(i, 1);
    drawSelected();
    updateTotal();
    if (search) search.refresh();
    const row = selected.children[Math.min(i, selected.children.length - 1)];
    const focus = row && row.querySelector('button[data-action=remove]');
    (focus || defaultPoints).focus();
  }

  // The stems of an existing paper: one request per question, drawn as they arrive.
  fixed.forEach(function (item) {
    questionApi.get(item.questionId).then(function (q) { item.q = q; drawSelected(); }, function () { /* the number stays */ });
  });

  // ---------- blueprint ----------
  const ruleList = h('ol', { class: 'paper-rules', id: 'paper-rules' });
  replace(blueprintBox,
    h('p', { class: 'hint', i18n: 'exams.blueprintHint' }),
    ruleList,
    readOnly ? null : h('button', { type: 'button', class: 'btn', id: 'paper-add-rule', i18n: 'exams.addRule', onclick: function () {
      rules.push({ category: '', type: 'single', difficulty: null, count: 5, points: 2 });
      drawRules();
      const inputs = ruleList.querySelectorAll('input[name=category]');
      if (inputs.length) inputs[inputs.length - 1].focus();
      updateTotal();
    } }));

  function drawRules() {
    replace(ruleList, rules.map(function (rule, i) {
      const base = 'rule-' + i + '-';
      const available = h('p', { class: 'hint paper-available', id: base + 'available', 'aria-live': 'polite' });
      function changed() { updateTotal(); countAvailable(rule, available); }
      const category = h('input', { type: 'text', id: base + 'category', name: 'category', list: 'paper-category-list', value: rule.category || '',
        autocomplete: 'off', disabled: readOnly });
      category.addEventListener('change', function () { rule.category = category.value.trim(); changed(); });
      category.addEventListener('input', function () { rule.category = category.value.trim(); updateTotal(); });
      const type = h('select', { id: base + 'type', disabled: readOnly }, TYPES.map(function (v) { return option(v, rule.type, 'qtype.' + v); }));
      type.addEventListener('change', function () { rule.type = type.value; changed(); });
      const difficulty = h('select', { id: base + 'difficulty', disabled: readOnly },
        option('', rule.difficulty || '', 'exams.anyDifficulty'),
        DIFFICULTIES.map(function (v) { return option(v, rule.difficulty || '', 'difficulty.' + v); }));
      difficulty.addEventListener('change', function () { rule.difficulty = difficulty.value ? Number(difficulty.value) : null; changed(); });
      const count = h('input', { type: 'number', id: base + 'count', min: '1', step: '1', value: String(rule.count), inputmode: 'numeric', disabled: readOnly });
      count.addEventListener('input', function () { rule.count = num(count.value); updateTotal(); judge(rule, available); });
      const points = h('input', { type: 'number', id: base + 'points', min: '0.5', step: '0.5', value: String(rule.points), inputmode: 'decimal', disabled: readOnly });
      points.addEventListener('input', function () { rule.points = num(points.value); updateTotal(); });
      function cell(id, key, input, cls) {
        return h('div', { class: 'field ' + (cls || '') }, h('label', { for: id, i18n: key }), input);
      }
      const li = h('li', { class: 'paper-rule card', 'data-rule': i },
        h('div', { class: 'paper-rule-head' },
          h('h4', { i18n: 'exams.ruleN', args: { n: i + 1 } }),
          readOnly || rules.length < 2 ? null : h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', i18n: 'exams.remove',
            args: { n: i + 1 }, i18nAttr: { 'aria-label': 'exams.removeRuleLabel' }, onclick: function () {
              rules.splice(i, 1);
              drawRules();
              updateTotal();
              document.getElementById('paper-add-rule').focus();
            } })),
        h('div', { class: 'paper-rule-grid' },
          cell(base + 'category', 'exams.ruleCategory', category, 'paper-rule-category'),
          cell(base + 'type', 'exams.ruleType', type),
          cell(base + 'difficulty', 'exams.ruleDifficulty', difficulty),
          cell(base + 'count', 'exams.ruleCount', count),
          cell(base + 'points', 'exams.rulePoints', points)),
        available);
      countAvailable(rule, available);
      return li;
    }));
  }

  function countAvailable(rule, box) {
    if (!rule.category) {
      box.className = 'hint paper-available';
      box.removeAttribute('data-available');
      say(box, 'exams.ruleNeedsCategory');
      return;
    }
    const params = { category: rule.category, type: rule.type, status: 'active', difficulty: rule.difficulty || '', page: 1, pageSize: 1 };
    const asked = JSON.stringify(params);
    box.setAttribute('data-asked', asked);
    box.removeAttribute('data-available');
    questionApi.list(params).then(function (page) {
      if (box.getAttribute('data-asked') !== asked) return;
      box.setAttribute('data-available', String(page.total || 0));
      judge(rule, box);
    }, function () {
      if (box.getAttribute('data-asked') === asked) {
        box.removeAttribute('data-i18n');
        box.textContent = '';
      }
    });
  }

  // Enough active questions for the rule's count? (The number available is kept from the last look-up.)
  function judge(rule, box) {
    const known = box.getAttribute('data-available');
    if (known === null || !rule.category) return;
    const n = Number(known);
    box.className = 'hint paper-available' + (n < rule.count ? ' is-short' : '');
    say(box, n < rule.count ? 'exams.ruleShort' : 'exams.ruleAvailable', { n: n });
  }

  function read() {
    if (mode === 'fixed') return { fixed: fixed.map(function (i) { return { questionId: i.questionId, points: i.points }; }) };
    return { blueprint: rules.map(function (r) {
      return { category: r.category, type: r.type, difficulty: r.difficulty || null, count: r.count, points: r.points };
    }) };
  }

  function updateTotal() {
    const p = read();
    say(total, 'exams.paperCountTotal', { n: paperCount(p), total: Math.round(paperTotal(p) * 100) / 100 });
  }

  function problems() {
    const out = [];
    if (mode === 'fixed') {
      if (!fixed.length) out.push({ key: 'exams.problemNoQuestions', focus: readOnly ? null : 'paper-search-q' });
      fixed.forEach(function (item, i) {
        if (!(item.points > 0)) out.push({ key: 'exams.problemPoints', args: { n: i + 1 }, focus: 'paper-points-' + item.questionId });
      });
    } else {
      rules.forEach(function (r, i) {
        if (!r.category) out.push({ key: 'exams.problemRuleCategory', args: { n: i + 1 }, focus: 'rule-' + i + '-category' });
        if (!(r.count >= 1) || Math.floor(r.count) !== r.count) out.push({ key: 'exams.problemRuleCount', args: { n: i + 1 }, focus: 'rule-' + i + '-count' });
        if (!(r.points > 0)) out.push({ key: 'exams.problemRulePoints', args: { n: i + 1 }, focus: 'rule-' + i + '-points' });
      });
    }
    return out;
  }

  function draw() {
    fixedBox.hidden = mode !== 'fixed';
    blueprintBox.hidden = mode !== 'blueprint';
    updateTotal();
  }

  drawSelected();
  drawRules();
  draw();
  return { el: el, read: read, problems: problems };
}
