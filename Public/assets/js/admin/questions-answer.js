// The parts of the question form that change with the type: the options (2–8, added and removed in place)
// and the key — a radio per option for single choice, checkboxes for multiple, 正确/错误 for judge, one
// input per blank of the stem (variants separated by ／ or /), the reference answer and scoring points for a case.
// The state here is the truth; the controls are redrawn only when their number changes, so typing never loses focus.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { announce } from '../feedback.js';
import { letter, keyIndexes, splitVariants, joinVariants, MIN_OPTIONS, MAX_OPTIONS } from './questions-data.js';

/**
 * question: the loaded question or null. onChange() runs after every edit.
 * Returns {optionsBox, keyBox, setType(type), setBlanks(n), read() → {options, answer, rubric, points}, problems()}.
 */
export function answerEditor(question, onChange) {
  const q = question || {};
  const type = q.type || 'single';
  const state = {
    type: type,
    options: q.options && q.options.length ? q.options.slice() : ['', '', '', ''],
    choice: type === 'single' || type === 'multiple' ? keyIndexes(q.answer) : [],
    judge: type === 'judge' && typeof q.answer === 'boolean' ? q.answer : null,
    blanks: type === 'blank' && Array.isArray(q.answer) ? q.answer.map(joinVariants) : [],
    text: type === 'case' && typeof q.answer === 'string' ? q.answer : '',
    rubric: (q.rubric || []).join('\n'),
    points: q.points === null || q.points === undefined ? '' : String(q.points),
    blankCount: 0,
  };
  const optionsBox = h('fieldset', { class: 'field q-options', id: 'q-options' });
  const keyBox = h('fieldset', { class: 'field q-key', id: 'q-key' });
  let shape = '';

  function hasOptions() { return state.type === 'single' || state.type === 'multiple'; }

  function changed() { onChange(); }

  function drawOptions() {
    optionsBox.hidden = !hasOptions();
    const rows = state.options.map(function (text, i) {
      const id = 'q-option-' + i;
      // A text area of one row that grows: long options stay readable while they are edited.
      const input = h('textarea', { id: id, name: 'option', rows: 1, value: text, 'data-index': i, class: 'q-option-text' });
      input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') event.preventDefault();  // an option is one line
      });
      input.addEventListener('input', function () {
        state.options[i] = input.value;
        relabelKeys();
        changed();
      });
      const remove = h('button', { type: 'button', class: 'btn btn-small btn-quiet q-option-remove', i18n: 'questions.removeOption',
        args: { letter: letter(i) }, i18nAttr: { 'aria-label': 'questions.removeOptionLabel' },
        disabled: state.options.length <= MIN_OPTIONS, onclick: function () { removeOption(i); } });
      return h('div', { class: 'q-option-row' },
        h('label', { for: id, class: 'q-option-letter', i18n: 'questions.optionN', args: { letter: letter(i) } }), input, remove);
    });
    const add = h('button', { type: 'button', class: 'btn btn-small', id: 'q-option-add', i18n: 'questions.addOption',
      disabled: state.options.length >= MAX_OPTIONS, onclick: addOption });
    replace(optionsBox,
      h('legend', { i18n: 'questions.options' }),
      h('p', { class: 'hint', i18n: 'questions.optionsHint', args: { min: MIN_OPTIONS, max: MAX_OPTIONS } }),
      rows, add);
    const areas = optionsBox.querySelectorAll('textarea');
    for (let i = 0; i < areas.length; i++) fitTextArea(areas[i]);
  }

  function addOption() {
    if (state.options.length >= MAX_OPTIONS) return;
    state.options.push('');
    redraw(true);
    document.getElementById('q-option-' + (state.options.length - 1)).focus();
    changed();
  }

  function removeOption(i) {
    if (state.options.length <= MIN_OPTIONS) return;
    state.options.splice(i, 1);
    // The key follows its options: removing B makes the old C the new B.
    state.choice = state.choice.filter(function (k) { return k !== i; }).map(function (k) { return k > i ? k - 1 : k; });
    redraw(true);
    const next = document.getElementById('q-option-' + Math.min(i, state.options.length - 1));
    if (next) next.focus();
    announce(t('questions.optionRemoved', { letter: letter(i) }));
    changed();
  }

  function keyLabel(i) {
    const text = (state.options[i] || '').trim();
    return letter(i) + (text ? '．' + text : '');
  }

  function relabelKeys() {
    const labels = keyBox.querySelectorAll('[data-key-label]');
    for (let i = 0; i < labels.length; i++) labels[i].textContent = keyLabel(Number(labels[i].getAttribute('data-key-label')));
  }

  function check(kind, name, value, checked, labelNode, onPick) {
    const id = 'q-key-' + name + '-' + value;
    const input = h('input', { type: kind, id: id, name: name, value: String(value), checked: checked });
    input.addEventListener('change', function () { onPick(input); changed(); });
    return h('div', { class: 'check' }, input, h('label', { for: id }, labelNode));
  }

  function drawKey() {
    let body;
    if (hasOptions()) {
      const multiple = state.type === 'multiple';
      if (!multiple && state.choice.length > 1) state.choice = state.choice.slice(0, 1);
      body = [
        h('legend', { i18n: multiple ? 'questions.keyMultiple' : 'questions.keySingle' }),
        h('div', { class: 'checks checks-column' }, state.options.map(function (text, i) {
          return check(multiple ? 'checkbox' : 'radio', 'key', i, state.choice.indexOf(i) >= 0,
            h('span', { 'data-key-label': i, text: keyLabel(i) }), function (input) {
              if (!multiple) state.choice = [i];
              else if (input.checked) state.choice = state.choice.concat([i]).sort(byNumber);
              else state.choice = state.choice.filter(function (k) { return k !== i; });
            });
        })),
      ];
    } else if (state.type === 'judge') {
      body = [
        h('legend', { i18n: 'questions.keyJudge' }),
        h('div', { class: 'checks' }, [true, false].map(function (v) {
          return check('radio', 'judge', v, state.judge === v, h('span', { i18n: v ? 'questions.true' : 'questions.false' }),
            function () { state.judge = v; });
        })),
      ];
    } else if (state.type === 'blank') {
      body = [h('legend', { i18n: 'questions.keyBlanks' })].concat(blankInputs());
    } else {
      body = caseInputs();
    }
    replace(keyBox, body);
  }

  function blankInputs() {
    if (!state.blankCount) return [h('p', { class: 'notice q-no-blanks', id: 'q-no-blanks', i18n: 'questions.noBlanks' })];
    const out = [];
    for (let i = 0; i < state.blankCount; i++) {
      const id = 'q-blank-' + i;
      const input = h('input', { type: 'text', id: id, name: 'blank', value: state.blanks[i] || '', autocomplete: 'off',
        'aria-describedby': 'q-blank-hint' });
      input.addEventListener('input', function () { state.blanks[i] = input.value; changed(); });
      out.push(h('div', { class: 'q-blank-row' }, h('label', { for: id, i18n: 'questions.blankN', args: { n: i + 1 } }), input));
    }
    out.push(h('p', { class: 'hint', id: 'q-blank-hint', i18n: 'questions.blankHint' }));
    return out;
  }

  function caseInputs() {
    const reference = h('textarea', { id: 'q-reference', name: 'reference', rows: 5, value: state.text });
    reference.addEventListener('input', function () { state.text = reference.value; changed(); });
    const rubric = h('textarea', { id: 'q-rubric', name: 'rubric', rows: 3, value: state.rubric, 'aria-describedby': 'q-rubric-hint' });
    rubric.addEventListener('input', function () { state.rubric = rubric.value; changed(); });
    const points = h('input', { type: 'number', id: 'q-points', name: 'points', min: 1, max: 100, step: 1, inputmode: 'numeric', value: state.points });
    points.addEventListener('input', function () { state.points = points.value; changed(); });
    return [
      h('legend', { class: 'visually-hidden', i18n: 'questions.keyCase' }),
      h('div', { class: 'field' }, h('label', { for: 'q-reference', i18n: 'questions.reference' }), reference),
      h('div', { class: 'field' }, h('label', { for: 'q-rubric', i18n: 'questions.rubric' }), rubric,
        h('p', { class: 'hint', id: 'q-rubric-hint', i18n: 'questions.rubricHint' })),
      h('div', { class: 'field field-short' }, h('label', { for: 'q-points', i18n: 'questions.points' }), points),
    ];
  }

  // Redraws only when the number of controls changes; force after adding or removing an option.
  function redraw(force) {
    const next = [state.type, state.options.length, state.blankCount].join('|');
    if (!force && next === shape) return;
    shape = next;
    drawOptions();
    drawKey();
  }

  function read() {
    const out = { options: [], answer: null, rubric: [], points: null };
    if (hasOptions()) {
      out.options = state.options.map(function (o) { return o.replace(/\s*[\r\n]+\s*/g, ' ').trim(); });
      out.answer = state.choice.filter(function (k) { return k < state.options.length; }).sort(byNumber).map(letter).join('');
    } else if (state.type === 'judge') {
      out.answer = state.judge;
    } else if (state.type === 'blank') {
      out.answer = state.blanks.slice(0, state.blankCount).map(splitVariants);
      while (out.answer.length < state.blankCount) out.answer.push([]);
    } else {
      out.answer = state.text.trim();
      out.rubric = state.rubric.split('\n').map(function (s) { return s.trim(); }).filter(Boolean);
      const n = parseInt(state.points, 10);
      out.points = n > 0 ? n : null;
    }
    return out;
  }

  /** What keeps the answer part from being saved: [{key, args, focus: element id}]. */
  function problems() {
    const v = read();
    const out = [];
    if (hasOptions()) {
      v.options.forEach(function (o, i) {
        if (!o) out.push({ key: 'questions.problemOptionEmpty', args: { letter: letter(i) }, focus: 'q-option-' + i });
      });
      const n = v.answer.length;
      if (state.type === 'single' && n !== 1) out.push({ key: 'questions.problemKeySingle', focus: 'q-key-key-0' });
      if (state.type === 'multiple' && n < 2) out.push({ key: 'questions.problemKeyMultiple', focus: 'q-key-key-0' });
    } else if (state.type === 'judge') {
      if (v.answer === null) out.push({ key: 'questions.problemKeyJudge', focus: 'q-key-judge-true' });
    } else if (state.type === 'blank') {
      if (!state.blankCount) out.push({ key: 'questions.problemNoBlanks', focus: 'q-stem' });
      v.answer.forEach(function (variants, i) {
        if (!variants.length) out.push({ key: 'questions.problemBlankEmpty', args: { n: i + 1 }, focus: 'q-blank-' + i });
      });
    } else if (!v.answer) {
      out.push({ key: 'questions.problemReference', focus: 'q-reference' });
    }
    return out;
  }

  redraw(true);
  return {
    optionsBox: optionsBox,
    keyBox: keyBox,
    setType: function (next) { state.type = next; redraw(false); },
    setBlanks: function (n) { state.blankCount = n; redraw(false); },
    read: read,
    problems: problems,
  };
}

function byNumber(a, b) {
  return a - b;
}

/** Sizes a text area to its text (up to 640 px); does nothing until it is on the page. */
export function fitTextArea(area) {
  if (!area.offsetParent) return;
  area.style.height = 'auto';
  area.style.height = Math.min(area.scrollHeight + 2, 640) + 'px';
}
