// 新建考试 / 考试设置: title, year, the window (Beijing time, sent as UTC), duration, pass mark, attempts and
// which one counts, shuffles, multiple-choice scoring, what candidates see afterwards, and the paper.
// Published exams show the same form read-only (the server refuses changes with 409 exam_published).
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy } from '../feedback.js';
import { loadQuestionRefs, problemList } from './questions-data.js';
import { examAdminApi, examHash, REVIEW, COUNTING, SCORING, toLocalInput, fromLocalInput, beijingYear, num } from './exams-data.js';
import { examHeader } from './exams-head.js';
import { paperEditor } from './exams-paper.js';

/** Draws the settings form of exam id (null: a new exam) into container. */
export function renderExamEditor(container, ctx, id) {
  const body = h('div', { id: 'exam-editor', 'aria-busy': 'true' }, loadingView());
  replace(container, id ? null : h('a', { class: 'back-link', href: '#/exams', i18n: 'exams.backToList' }),
    id ? null : h('div', { class: 'section-head' }, h('h1', { i18n: 'exams.newTitle' })), body);
  load();

  function load() {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    const refs = loadQuestionRefs().catch(function () { return { banks: [], categories: [] }; });
    Promise.all([id ? examAdminApi.get(id) : Promise.resolve(null), refs]).then(function (answers) {
      body.removeAttribute('aria-busy');
      const exam = answers[0];
      if (exam) container.insertBefore(examHeader(ctx, exam, 'edit', function () { ctx.go(examHash('edit', exam.id)); }), body);
      draw(body, ctx, exam, answers[1]);
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
}

function label(id, key, required) {
  return h('label', { for: id }, h('span', { i18n: key }), required ? h('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null);
}

function numberField(id, name, key, value, attrs, hintKey) {
  return h('div', { class: 'field' }, label(id, key, true),
    h('input', Object.assign({ type: 'number', id: id, name: name, value: value === undefined || value === null ? '' : String(value),
      'aria-required': 'true', inputmode: 'numeric', 'aria-describedby': hintKey ? id + '-hint' : null }, attrs)),
    hintKey ? h('p', { class: 'hint', id: id + '-hint', i18n: hintKey }) : null);
}

function selectField(id, name, key, values, prefix, selected, hintKey) {
  return h('div', { class: 'field' }, label(id, key),
    h('select', { id: id, name: name, 'aria-describedby': hintKey ? id + '-hint' : null }, values.map(function (v) {
      return h('option', { value: v, selected: v === selected, i18n: prefix + v });
    })),
    hintKey ? h('p', { class: 'hint', id: id + '-hint', i18n: hintKey }) : null);
}

function check(id, name, key, checked) {
  return h('div', { class: 'check' }, h('input', { type: 'checkbox', id: id, name: name, checked: checked }), h('label', { for: id, i18n: key }));
}

// A new exam starts with a window a first-time organizer can simply adjust: tomorrow 09:00 to a week later
// 18:00, Beijing time.
function defaults() {
  const year = beijingYear();
  const day = 24 * 3600 * 1000;
  const today = toLocalInput(new Date().toISOString()).slice(0, 10);
  const base = Date.parse(today + 'T00:00:00.000Z') - 8 * 3600 * 1000;
  return {
    title: '', year: year, opensAt: new Date(base + day + 9 * 3600 * 1000).toISOString(),
    closesAt: new Date(base + 8 * day + 18 * 3600 * 1000).toISOString(), durationMinutes: 60, passPercent: 60, attemptsAllowed: 1,
    counting: 'highest', shuffleQuestions: true, shuffleOptions: true, multipleScoring: 'allOrNothing',
    review: 'answersAfterClose', paper: null,
  };
}

function draw(box, ctx, exam, refs) {
  const e = exam || defaults();
  const isNew = !exam;
  const readOnly = Boolean(exam && exam.status !== 'draft');
  const paper = paperEditor(e.paper, { readOnly: readOnly, categories: refs.categories || [], banks: refs.banks || [] });
  const errorBox = h('div', { class: 'form-error', id: 'exam-form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'exam-save', i18n: isNew ? 'exams.create' : 'exams.save' });
  const settings = h('fieldset', { class: 'exam-settings', disabled: readOnly },
    h('legend', { class: 'visually-hidden', i18n: 'exams.settings' }),
    h('h3', { class: 'q-group-title', i18n: 'exams.groupBasics' }),
    h('div', { class: 'field' }, label('exam-f-title', 'exams.title', true),
      h('input', { type: 'text', id: 'exam-f-title', name: 'title', value: e.title || '', maxlength: 200, autocomplete: 'off', 'aria-required': 'true',
        'aria-describedby': 'exam-f-title-hint' }),
      h('p', { class: 'hint', id: 'exam-f-title-hint', i18n: 'exams.titleHint' })),
    h('div', { class: 'exam-field-grid' },
      numberField('exam-f-year', 'year', 'exams.year', e.year, { min: '2000', max: '2100', step: '1' }),
      numberField('exam-f-duration', 'durationMinutes', 'exams.durationField', e.durationMinutes, { min: '1', max: '600', step: '1' }, 'exams.durationHint')),
    h('div', { class: 'exam-field-grid' },
      h('div', { class: 'field' }, label('exam-f-opens', 'exams.opensAt', true),
        h('input', { type: 'datetime-local', id: 'exam-f-opens', name: 'opensAt', value: toLocalInput(e.opensAt), 'aria-required': 'true',
          'aria-describedby': 'exam-f-window-hint' })),
      h('div', { class: 'field' }, label('exam-f-closes', 'exams.closesAt', true),
        h('input', { type: 'datetime-local', id: 'exam-f-closes', name: 'closesAt', value: toLocalInput(e.closesAt), 'aria-required': 'true',
          'aria-describedby': 'exam-f-window-hint' }))),
    h('p', { class: 'hint exam-window-hint', id: 'exam-f-window-hint', i18n: 'exams.windowHint' }),
    h('h3', { class: 'q-group-title', i18n: 'exams.groupRules' }),
    h('div', { class: 'exam-field-grid' },
      numberField('exam-f-pass', 'passPercent', 'exams.passPercent', e.passPercent, { min: '0', max: '100', step: '1' }, 'exams.passHint'),
      numberField('exam-f-attempts', 'attemptsAllowed', 'exams.attemptsAllowed', e.attemptsAllowed, { min: '1', max: '10', step: '1' })),
    h('div', { class: 'exam-field-grid' },
      selectField('exam-f-counting', 'counting', 'exams.counting', COUNTING, 'exams.counting.', e.counting, 'exams.countingHint'),
      selectField('exam-f-scoring', 'multipleScoring', 'exams.multipleScoring', SCORING, 'exams.scoring.', e.multipleScoring, 'exams.scoringHint')),
    h('fieldset', { class: 'field' }, h('legend', { i18n: 'exams.shuffle' }),
      h('div', { class: 'checks' },
        check('exam-f-shuffle-q', 'shuffleQuestions', 'exams.shuffleQuestions', e.shuffleQuestions),
        check('exam-f-shuffle-o', 'shuffleOptions', 'exams.shuffleOptions', e.shuffleOptions))),
    selectField('exam-f-review', 'review', 'exams.review', REVIEW, 'exams.review.', e.review, 'exams.reviewHint'));
  const form = h('form', { class: 'card exam-form', id: 'exam-form', novalidate: true, 'aria-labelledby': 'exam-form-title' },
    h('h2', { id: 'exam-form-title', class: 'visually-hidden', i18n: isNew ? 'exams.newTitle' : 'exams.tabSettings' }),
    readOnly ? h('p', { class: 'notice', id: 'exam-readonly', i18n: 'exams.readOnly' }) : h('p', { class: 'hint', i18n: 'exams.requiredNote' }),
    settings,
    paper.el,
    readOnly ? null : h('div', { class: 'q-form-footer' }, errorBox, h('div', { class: 'form-actions' }, submit,
      h('a', { class: 'btn', href: isNew ? '#/exams' : examHash('roster', exam.id), i18n: isNew ? 'cancel' : 'exams.toRoster' }))));
  replace(box, form);

  function read() {
    const els = form.elements;
    return {
      title: els.title.value.trim(),
      year: num(els.year.value),
      opensAt: fromLocalInput(els.opensAt.value),
      closesAt: fromLocalInput(els.closesAt.value),
      durationMinutes: num(els.durationMinutes.value),
      passPercent: num(els.passPercent.value),
      attemptsAllowed: num(els.attemptsAllowed.value),
      counting: els.counting.value,
      shuffleQuestions: els.shuffleQuestions.checked,
      shuffleOptions: els.shuffleOptions.checked,
      multipleScoring: els.multipleScoring.value,
      review: els.review.value,
      paper: paper.read(),
    };
  }

  function problems(v) {
    const out = [];
    if (!v.title) out.push({ key: 'exams.problemTitle', focus: 'exam-f-title' });
    if (!(v.year >= 2000 && v.year <= 2100)) out.push({ key: 'exams.problemYear', focus: 'exam-f-year' });
    if (!v.opensAt) out.push({ key: 'exams.problemOpens', focus: 'exam-f-opens' });
    if (!v.closesAt) out.push({ key: 'exams.problemCloses', focus: 'exam-f-closes' });
    else if (v.opensAt && Date.parse(v.closesAt) <= Date.parse(v.opensAt)) out.push({ key: 'exams.problemWindow', focus: 'exam-f-closes' });
    if (!(v.durationMinutes >= 1 && v.durationMinutes <= 600) || Math.floor(v.durationMinutes) !== v.durationMinutes) {
      out.push({ key: 'exams.problemDuration', focus: 'exam-f-duration' });
    } else if (v.opensAt && v.closesAt && Date.parse(v.closesAt) - Date.parse(v.opensAt) < v.durationMinutes * 60000) {
      out.push({ key: 'exams.problemShortWindow', focus: 'exam-f-closes' });
    }
    if (!(v.passPercent >= 0 && v.passPercent <= 100)) out.push({ key: 'exams.problemPass', focus: 'exam-f-pass' });
    if (!(v.attemptsAllowed >= 1 && v.attemptsAllowed <= 10) || Math.floor(v.attemptsAllowed) !== v.attemptsAllowed) {
      out.push({ key: 'exams.problemAttempts', focus: 'exam-f-attempts' });
    }
    return out.concat(paper.problems());
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (readOnly) return;
    clearInvalid(form);
    const v = read();
    const found = problems(v);
    if (found.length) {
      showProblems(errorBox, found.map(function (p) { return { text: t(p.key, p.args), field: p.focus }; }));
      found.forEach(function (p) { markInvalid(p.focus); });
      errorBox.setAttribute('tabindex', '-1');
      errorBox.focus();
      return;
    }
    hide(errorBox);
    withBusy(submit, function () { return isNew ? examAdminApi.create(v) : examAdminApi.update(exam.id, v); }).then(function (saved) {
      if (isNew) {
        announce(t('exams.created', { title: saved.title }));
        ctx.go(examHash('roster', saved.id));
      } else {
        announce(t('exams.saved', { title: saved.title }));
        ctx.go(examHash('edit', saved.id));
      }
    }, function (err) {
      if (err && err.code === 'validation_failed') showProblems(errorBox, problemList(err.serverMessage));
      else showProblems(errorBox, [describeError(err)], true);
      errorBox.setAttribute('tabindex', '-1');
      errorBox.focus();
    });
  });
}

/** Marks the field with this id invalid (shared with the quiz form). */
export function markInvalid(id) {
  const el = id ? document.getElementById(id) : null;
  if (el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) el.setAttribute('aria-invalid', 'true');
}

/** Clears every invalid mark in form. */
export function clearInvalid(form) {
  const bad = form.querySelectorAll('[aria-invalid]');
  for (let i = 0; i < bad.length; i++) bad[i].removeAttribute('aria-invalid');
}

function hide(box) {
  replace(box);
  box.hidden = true;
}

// One problem reads as a sentence; several as a list. A problem naming a field is a button that moves there.
// messages: strings or {text, field}; plain shows the first as it is (a network error, say).
export function showProblems(box, messages, plain) {
  function line(m) {
    if (typeof m === 'string' || !m.field) return typeof m === 'string' ? m : m.text;
    return h('button', { type: 'button', class: 'link-button', 'data-field': m.field, text: m.text, onclick: function () {
      const el = document.getElementById(m.field);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.focus();
    } });
  }
  if (plain) replace(box, h('p', { text: messages[0] }));
  else if (messages.length === 1) replace(box, h('p', null, t('exams.cannotSave'), line(messages[0])));
  else {
    replace(box, h('p', { i18n: 'exams.cannotSaveList', args: { n: messages.length } }),
      h('ul', { class: 'problem-list' }, messages.map(function (m) { return h('li', null, line(m)); })));
  }
  box.hidden = false;
}
