// 新建竞答 / 竞答设置: title, topic and intro, the window (Beijing time, sent as UTC), the question pool (objective
// questions from the bank), questions per entry and time per question, entry limits per device, prizes with the
// draw threshold and the public random source, and what to read next. A published round shows the same form
// read-only (the server refuses changes with 409 round_published) with its commitment.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy } from '../feedback.js';
import { loadQuestionRefs, problemList } from './questions-data.js';
import { toLocalInput, fromLocalInput, num } from './exams-data.js';
import { showProblems, markInvalid, clearInvalid } from './exams-form.js';
import { quizAdminApi, quizHash } from './quizzes-data.js';
import { quizHeader, commitmentBlock } from './quizzes-head.js';
import { poolEditor } from './quizzes-pool.js';
import { prizeEditor } from './quizzes-prizes.js';

/** Draws the settings form of round id (null: a new round) into container. */
export function renderQuizEditor(container, ctx, id) {
  const body = h('div', { id: 'qa-editor', 'aria-busy': 'true' }, loadingView());
  replace(container, id ? null : h('a', { class: 'back-link', href: '#/quizzes', i18n: 'qadmin.backToList' }),
    id ? null : h('div', { class: 'section-head' }, h('h1', { i18n: 'qadmin.newTitle' })), body);
  load();

  function load() {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    const refs = loadQuestionRefs().catch(function () { return { banks: [], categories: [] }; });
    Promise.all([id ? quizAdminApi.get(id) : Promise.resolve(null), refs]).then(function (answers) {
      body.removeAttribute('aria-busy');
      const round = answers[0];
      const form = draw(body, ctx, round, answers[1]);
      if (round) {
        container.insertBefore(quizHeader(ctx, round, 'edit', function () { ctx.go(quizHash('edit', round.id)); },
          { unsaved: function () { return form.dirty(); } }), body);
      }
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
}

function label(id, key, required) {
  return h('label', { for: id }, h('span', { i18n: key }), required ? h('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null);
}

function field(id, key, control, hintKey, required) {
  if (hintKey) control.setAttribute('aria-describedby', id + '-hint');
  if (required) control.setAttribute('aria-required', 'true');
  return h('div', { class: 'field' }, label(id, key, required), control, hintKey ? h('p', { class: 'hint', id: id + '-hint', i18n: hintKey }) : null);
}

function numberInput(id, name, value, min, max) {
  return h('input', { type: 'number', id: id, name: name, min: min, max: max, step: '1', inputmode: 'numeric',
    value: value === undefined || value === null ? '' : String(value) });
}

// A new round starts with a window a first-time organizer can simply adjust: tomorrow 09:00 to a week later 18:00.
function defaults() {
  const day = 24 * 3600 * 1000;
  const today = toLocalInput(new Date().toISOString()).slice(0, 10);
  const base = Date.parse(today + 'T00:00:00.000Z') - 8 * 3600 * 1000;
  return {
    title: '', topic: '', intro: '', opensAt: new Date(base + day + 9 * 3600 * 1000).toISOString(),
    closesAt: new Date(base + 8 * day + 18 * 3600 * 1000).toISOString(), questionIds: [], questionsPerEntry: null,
    secondsPerQuestion: null, entriesPerDay: 3, entriesPerRound: 20, readMoreTitle: '', readMoreURL: '',
  };
}

function draw(box, ctx, round, refs) {
  const r = round || defaults();
  const isNew = !round;
  const readOnly = Boolean(round && round.status !== 'draft');
  let dirty = false;
  function touched() { dirty = true; }
  const pool = poolEditor(r.questionIds || [], { readOnly: readOnly, banks: refs.banks || [], onChange: touched });
  const prizes = prizeEditor(round, { readOnly: readOnly, onChange: touched });
  const errorBox = h('div', { class: 'form-error', id: 'qa-form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'qa-save', i18n: isNew ? 'qadmin.create' : 'qadmin.save' });
  const intro = h('textarea', { id: 'qa-f-intro', name: 'intro', rows: 3, maxlength: 500 });
  intro.value = r.intro || '';
  const opens = h('input', { type: 'datetime-local', id: 'qa-f-opens', name: 'opensAt', value: toLocalInput(r.opensAt) });
  const closes = h('input', { type: 'datetime-local', id: 'qa-f-closes', name: 'closesAt', value: toLocalInput(r.closesAt) });
  const settings = h('fieldset', { class: 'exam-settings', disabled: readOnly },
    h('legend', { class: 'visually-hidden', i18n: 'qadmin.tabSettings' }),
    h('h3', { class: 'q-group-title', i18n: 'qadmin.groupBasics' }),
    field('qa-f-title', 'qadmin.title', h('input', { type: 'text', id: 'qa-f-title', name: 'title', value: r.title || '', maxlength: 80, autocomplete: 'off' }),
      'qadmin.titleHint', true),
    field('qa-f-topic', 'qadmin.topic', h('input', { type: 'text', id: 'qa-f-topic', name: 'topic', value: r.topic || '', maxlength: 40, autocomplete: 'off' }),
      'qadmin.topicHint'),
    field('qa-f-intro', 'qadmin.introField', intro, 'qadmin.introHint'),
    h('div', { class: 'exam-field-grid' }, field('qa-f-opens', 'qadmin.opensAt', opens, null, true), field('qa-f-closes', 'qadmin.closesAt', closes, null, true)),
    h('p', { class: 'hint exam-window-hint', id: 'qa-f-window-hint', i18n: 'qadmin.windowHint' }),
    h('h3', { class: 'q-group-title', i18n: 'qadmin.groupQuestions' }),
    pool.el,
    h('div', { class: 'exam-field-grid' },
      field('qa-f-per-entry', 'qadmin.perEntry', numberInput('qa-f-per-entry', 'questionsPerEntry', r.questionsPerEntry, '1', '50'), 'qadmin.perEntryHint'),
      field('qa-f-seconds', 'qadmin.seconds', numberInput('qa-f-seconds', 'secondsPerQuestion', r.secondsPerQuestion, '5', '600'), 'qadmin.secondsHint')),
    h('h3', { class: 'q-group-title', i18n: 'qadmin.groupLimits' }),
    h('div', { class: 'exam-field-grid' },
      field('qa-f-per-day', 'qadmin.perDay', numberInput('qa-f-per-day', 'entriesPerDay', r.entriesPerDay, '1', '100'), null, true),
      field('qa-f-per-round', 'qadmin.perRound', numberInput('qa-f-per-round', 'entriesPerRound', r.entriesPerRound, '1', '1000'), null, true)),
    h('p', { class: 'hint exam-window-hint', i18n: 'qadmin.limitsHint' }),
    h('h3', { class: 'q-group-title', i18n: 'qadmin.groupPrizes' }),
    prizes.el,
    h('h3', { class: 'q-group-title', i18n: 'qadmin.groupReadMore' }),
    h('div', { class: 'exam-field-grid' },
      field('qa-f-more-title', 'qadmin.readMoreTitle', h('input', { type: 'text', id: 'qa-f-more-title', name: 'readMoreTitle', value: r.readMoreTitle || '', maxlength: 80 })),
      field('qa-f-more-url', 'qadmin.readMoreURL', h('input', { type: 'text', id: 'qa-f-more-url', name: 'readMoreURL', value: r.readMoreURL || '', maxlength: 300,
        inputmode: 'url', placeholder: 'https://' }), 'qadmin.readMoreHint')));
  const form = h('form', { class: 'card exam-form qa-form', id: 'qa-form', novalidate: true, 'aria-labelledby': 'qa-form-title' },
    h('h2', { id: 'qa-form-title', class: 'visually-hidden', i18n: isNew ? 'qadmin.newTitle' : 'qadmin.tabSettings' }),
    readOnly ? h('div', { class: 'notice', id: 'qa-readonly' }, h('p', { i18n: 'qadmin.readOnly' }), commitmentBlock(round))
      : h('p', { class: 'hint', i18n: 'exams.requiredNote' }),
    settings,
    readOnly ? null : h('div', { class: 'q-form-footer' }, errorBox, h('div', { class: 'form-actions' }, submit,
      h('a', { class: 'btn', href: isNew ? '#/quizzes' : quizHash('entries', round.id), i18n: isNew ? 'cancel' : 'qadmin.toEntries' }),
      isNew ? null : h('p', { class: 'hint', i18n: 'qadmin.publishAfterSave' }))));
  replace(box, form);
  // Typing in the bank search changes nothing to save.
  form.addEventListener('input', function (event) { if (!event.target.closest('.paper-search')) touched(); });
  closes.addEventListener('change', function () { prizes.noteClose(fromLocalInput(closes.value)); });
  prizes.noteClose(r.closesAt);

  function read() {
    const els = form.elements;
    const per = num(els.questionsPerEntry.value);
    const seconds = num(els.secondsPerQuestion.value);
    const p = prizes.read();
    return {
      title: els.title.value.trim(), topic: els.topic.value.trim(), intro: intro.value.trim(),
      opensAt: fromLocalInput(opens.value), closesAt: fromLocalInput(closes.value),
      questionIds: pool.read(), questionsPerEntry: isNaN(per) ? null : per, secondsPerQuestion: isNaN(seconds) ? null : seconds,
      entriesPerDay: num(els.entriesPerDay.value), entriesPerRound: num(els.entriesPerRound.value),
      drawThresholdPercent: p.drawThresholdPercent, prizes: p.prizes, publicSeed: p.publicSeed,
      readMoreTitle: els.readMoreTitle.value.trim() || null, readMoreURL: els.readMoreURL.value.trim() || null,
    };
  }

  function whole(n, lo, hi) { return n >= lo && n <= hi && Math.floor(n) === n; }

  function problems(v) {
    const out = [];
    if (!v.title || Array.from(v.title).length > 80) out.push({ key: 'qadmin.problemTitle', focus: 'qa-f-title' });
    if (!v.opensAt) out.push({ key: 'qadmin.problemOpens', focus: 'qa-f-opens' });
    if (!v.closesAt) out.push({ key: 'qadmin.problemCloses', focus: 'qa-f-closes' });
    else if (v.opensAt && Date.parse(v.closesAt) <= Date.parse(v.opensAt)) out.push({ key: 'qadmin.problemWindow', focus: 'qa-f-closes' });
    out.push.apply(out, pool.problems());
    if (v.questionsPerEntry !== null && !whole(v.questionsPerEntry, 1, Math.min(50, Math.max(1, v.questionIds.length)))) {
      out.push({ key: 'qadmin.problemPerEntry', args: { n: Math.min(50, v.questionIds.length) }, focus: 'qa-f-per-entry' });
    }
    if (v.secondsPerQuestion !== null && !whole(v.secondsPerQuestion, 5, 600)) out.push({ key: 'qadmin.problemSeconds', focus: 'qa-f-seconds' });
    if (!whole(v.entriesPerDay, 1, 100)) out.push({ key: 'qadmin.problemPerDay', focus: 'qa-f-per-day' });
    if (!whole(v.entriesPerRound, 1, 1000) || v.entriesPerRound < v.entriesPerDay) out.push({ key: 'qadmin.problemPerRound', focus: 'qa-f-per-round' });
    out.push.apply(out, prizes.problems(v.closesAt));
    if (v.readMoreURL && !/^(https:\/\/|\/)/.test(v.readMoreURL)) out.push({ key: 'qadmin.problemReadMore', focus: 'qa-f-more-url' });
    return out;
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
    replace(errorBox);
    errorBox.hidden = true;
    withBusy(submit, function () { return isNew ? quizAdminApi.create(v) : quizAdminApi.update(round.id, v); }).then(function (saved) {
      dirty = false;
      announce(t(isNew ? 'qadmin.created' : 'qadmin.saved', { title: saved.title }));
      ctx.go(quizHash('edit', saved.id));
    }, function (err) {
      if (err && err.code === 'validation_failed') showProblems(errorBox, problemList(err.serverMessage));
      else showProblems(errorBox, [describeError(err)], true);
      errorBox.setAttribute('tabindex', '-1');
      errorBox.focus();
    });
  });
  return { dirty: function () { return dirty; } };
}
