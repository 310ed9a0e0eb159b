// The question form: bank (new questions only), type, stem, options and key (questions-answer.js),
// explanation, legal basis, quote, category, topics, difficulty, audiences, status and, for an edit, a note.
// read() gives the body the API takes; problems() what must be fixed first, each with the field to focus.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { answerEditor, fitTextArea } from './questions-answer.js';
import { TYPES, STATUSES, AUDIENCES, DIFFICULTIES, blankCount, splitTopics, charCount } from './questions-data.js';

const MAX_STEM = 4000;

function label(id, key, required) {
  return h('label', { for: id }, h('span', { i18n: key }), required ? h('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null);
}

function hintFor(id, key) {
  return h('p', { class: 'hint', id: id + '-hint', i18n: key });
}

function input(id, name, value, required, extra) {
  return h('input', Object.assign({ type: 'text', id: id, name: name, value: value || '', autocomplete: 'off',
    'aria-required': required ? 'true' : null }, extra || {}));
}

function textarea(id, name, value, rows, required, extra) {
  return h('textarea', Object.assign({ id: id, name: name, rows: rows, value: value || '',
    'aria-required': required ? 'true' : null }, extra || {}));
}

function options(values, selected, keyPrefix) {
  return values.map(function (v) {
    return h('option', { value: v, selected: String(v) === String(selected), i18n: keyPrefix + v });
  });
}

/**
 * question: the loaded question, or null for a new one. refs: {banks, categories}. defaults: {bankId}.
 * onChange() runs after every edit. Returns {form, read(), problems()}.
 */
export function questionForm(question, refs, defaults, onChange) {
  const q = question || { type: 'single', difficulty: 2, status: 'draft', audiences: [], topics: [] };
  const isNew = !question;
  const answers = answerEditor(question, changed);
  const typeSelect = h('select', { id: 'q-type', name: 'type' }, options(TYPES, q.type, 'qtype.'));
  const stem = textarea('q-stem', 'stem', q.stem, 4, true, { 'aria-describedby': 'q-stem-hint', maxlength: MAX_STEM });
  const insertBlank = h('button', { type: 'button', class: 'btn btn-small', id: 'q-insert-blank', i18n: 'questions.insertBlank',
    onclick: function () { insertAtCursor(stem, '____'); changed(); stem.focus(); } });
  const stemHint = h('p', { class: 'hint', id: 'q-stem-hint', i18n: 'questions.stemHint' });
  const categoryList = h('datalist', { id: 'q-category-list' }, (refs.categories || []).map(function (c) {
    return h('option', { value: c });
  }));

  const form = h('form', { class: 'q-form card', id: 'question-form', novalidate: true, 'aria-labelledby': 'q-form-title' },
    h('h2', { id: 'q-form-title', class: 'visually-hidden', i18n: isNew ? 'questions.newTitle' : 'questions.editTitle' }),
    h('p', { class: 'hint q-required-note', i18n: 'questions.requiredNote' }),
    h('h3', { class: 'q-group-title', i18n: 'questions.groupQuestion' }),
    isNew ? bankField(refs.banks, defaults.bankId) : null,
    h('div', { class: 'field field-short' }, label('q-type', 'questions.type'), typeSelect),
    h('div', { class: 'field' }, label('q-stem', 'questions.stem', true), stem, stemHint, insertBlank),
    answers.optionsBox,
    answers.keyBox,
    h('h3', { class: 'q-group-title', i18n: 'questions.groupExplain' }),
    h('div', { class: 'field' }, label('q-explanation', 'questions.explanation', true),
      textarea('q-explanation', 'explanation', q.explanation, 4, true, { 'aria-describedby': 'q-explanation-hint' }),
      hintFor('q-explanation', 'questions.explanationHint')),
    h('div', { class: 'field' }, label('q-basis', 'questions.basis', true),
      input('q-basis', 'basis', q.basis, true, { 'aria-describedby': 'q-basis-hint' }), hintFor('q-basis', 'questions.basisHint')),
    h('div', { class: 'field' }, label('q-quote', 'questions.quote'),
      textarea('q-quote', 'quote', q.quote, 3, false, { 'aria-describedby': 'q-quote-hint' }), hintFor('q-quote', 'questions.quoteHint')),
    h('h3', { class: 'q-group-title', i18n: 'questions.groupClassify' }),
    h('div', { class: 'field' }, label('q-category', 'questions.category'),
      input('q-category', 'category', q.category, false, { list: 'q-category-list', 'aria-describedby': 'q-category-hint' }),
      categoryList, hintFor('q-category', 'questions.categoryHint')),
    h('div', { class: 'field' }, label('q-topics', 'questions.topics'),
      input('q-topics', 'topics', (q.topics || []).join('、'), false, { 'aria-describedby': 'q-topics-hint' }),
      hintFor('q-topics', 'questions.topicsHint')),
    h('div', { class: 'q-field-pair' },
      h('div', { class: 'field' }, label('q-difficulty', 'questions.difficulty'),
        h('select', { id: 'q-difficulty', name: 'difficulty' }, options(DIFFICULTIES, q.difficulty || 2, 'difficulty.'))),
      h('div', { class: 'field' }, label('q-status', 'questions.status'),
        h('select', { id: 'q-status', name: 'status', 'aria-describedby': 'q-status-hint' }, options(STATUSES, q.status || 'draft', 'qstatus.')),
        hintFor('q-status', 'questions.statusHint'))),
    h('fieldset', { class: 'field q-audiences' },
      h('legend', { i18n: 'questions.audiences' }),
      h('div', { class: 'checks' }, AUDIENCES.map(function (a) {
        const id = 'q-audience-' + a;
        return h('div', { class: 'check' },
          h('input', { type: 'checkbox', id: id, name: 'audiences', value: a, checked: (q.audiences || []).indexOf(a) >= 0 }),
          h('label', { for: id, i18n: 'audience.' + a }));
      }))),
    isNew ? null : h('div', { class: 'field' }, label('q-note', 'questions.note'),
      input('q-note', 'note', '', false, { 'aria-describedby': 'q-note-hint', maxlength: 200 }), hintFor('q-note', 'questions.noteHint')));

  function changed() {
    const type = typeSelect.value;
    insertBlank.hidden = type !== 'blank';
    const hintKey = type === 'blank' ? 'questions.stemHintBlank' : 'questions.stemHint';
    if (stemHint.getAttribute('data-i18n') !== hintKey) {
      stemHint.setAttribute('data-i18n', hintKey);
      stemHint.textContent = t(hintKey);
    }
    answers.setType(type);
    answers.setBlanks(blankCount(stem.value));
    onChange();
  }
  form.addEventListener('input', function (event) {
    // The answer part reports its own edits; everything else is read from the form.
    if (!answers.keyBox.contains(event.target) && !answers.optionsBox.contains(event.target)) changed();
  });
  form.addEventListener('change', function (event) {
    if (event.target.tagName === 'SELECT' || event.target.name === 'audiences') changed();
  });

  function read() {
    const els = form.elements;
    const a = answers.read();
    const body = {
      type: typeSelect.value,
      stem: stem.value.trim(),
      options: a.options,
      answer: a.answer,
      explanation: els.explanation.value.trim(),
      basis: els.basis.value.trim(),
      quote: els.quote.value.trim(),
      category: els.category.value.trim().replace(/\s*\/\s*/g, '/'),
      topics: splitTopics(els.topics.value),
      difficulty: Number(els.difficulty.value),
      audiences: checked(form, 'audiences'),
      rubric: a.rubric,
      points: a.points,
      status: els.status.value,
    };
    if (isNew) body.bankId = els.bankId.value ? Number(els.bankId.value) : null;
    else body.note = els.note.value.trim() || null;
    return body;
  }

  function problems() {
    const v = read();
    const out = [];
    if (isNew && !v.bankId) out.push({ key: 'questions.problemBank', focus: 'q-bank' });
    if (!v.stem) out.push({ key: 'questions.problemStem', focus: 'q-stem' });
    else if (charCount(v.stem) > MAX_STEM) out.push({ key: 'questions.problemStemLong', args: { n: MAX_STEM }, focus: 'q-stem' });
    answers.problems().forEach(function (p) { out.push(p); });
    if (!v.explanation) out.push({ key: 'questions.problemExplanation', focus: 'q-explanation' });
    if (!v.basis) out.push({ key: 'questions.problemBasis', focus: 'q-basis' });
    return out;
  }

  // Long explanations and quotes are the norm: text areas grow with their text instead of scrolling.
  form.addEventListener('input', function (event) { if (event.target.tagName === 'TEXTAREA') fitTextArea(event.target); });

  changed();
  return {
    form: form,
    read: read,
    problems: problems,
    /** Sizes every text area to its text; call once the form is in the page. */
    fitText: function () {
      const areas = form.querySelectorAll('textarea');
      for (let i = 0; i < areas.length; i++) fitTextArea(areas[i]);
    },
  };
}

function bankField(banks, selected) {
  return h('div', { class: 'field' }, label('q-bank', 'questions.bank', true),
    h('select', { id: 'q-bank', name: 'bankId', 'aria-required': 'true' },
      h('option', { value: '', i18n: 'questions.chooseBank' }),
      banks.map(function (b) { return h('option', { value: b.id, selected: String(b.id) === String(selected), text: b.name }); })));
}

function checked(form, name) {
  const out = [];
  const boxes = form.querySelectorAll('input[name=' + name + ']');
  for (let i = 0; i < boxes.length; i++) if (boxes[i].checked) out.push(boxes[i].value);
  return out;
}

// Puts text where the caret is (replacing a selection), as if typed.
function insertAtCursor(field, text) {
  const start = field.selectionStart === undefined ? field.value.length : field.selectionStart;
  const end = field.selectionEnd === undefined ? start : field.selectionEnd;
  field.value = field.value.slice(0, start) + text + field.value.slice(end);
  field.selectionStart = field.selectionEnd = start + text.length;
}
