// 新建题目 / 编辑题目: the form beside a live preview (stacked on a phone), saving as a new version, and the
// version history. An edit carries the version it started from; if someone saved a newer one meanwhile the
// server answers 409 stale_version and the page offers to reload the latest version.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy } from '../feedback.js';
import { dataTable } from './table.js';
import { backToList, listHash } from './questions-list.js';
import { questionForm } from './questions-form.js';
import { previewPanel } from './questions-preview.js';
import { questionApi, loadQuestionRefs, clearQuestionRefs, problemList, keyIndexes, letter } from './questions-data.js';

/** Draws the editor for question id (null: a new question, in params.bankId if given) into container. */
export function renderQuestionEditor(container, ctx, id, params) {
  const body = h('div', { id: 'question-editor', 'aria-busy': 'true' }, loadingView());
  const title = h('h1', { i18n: id ? 'questions.editTitle' : 'questions.newTitle' });
  replace(container, backToList(), h('div', { class: 'section-head' }, title), body);
  load();

  function load() {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    Promise.all([id ? questionApi.get(id) : Promise.resolve(null), loadQuestionRefs()]).then(function (answers) {
      body.removeAttribute('aria-busy');
      if (!id && !answers[1].banks.length) replace(body, noBanks());
      else draw(body, ctx, answers[0], answers[1], params, load);
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
}

function noBanks() {
  return h('div', { class: 'card empty-state', id: 'questions-no-banks' },
    h('p', { class: 'empty-title', i18n: 'questions.noBanks' }),
    h('p', { class: 'muted', i18n: 'questions.noBanksHint' }),
    h('a', { class: 'btn btn-primary', href: '#/questions?view=import', i18n: 'questions.importFirst' }));
}

function draw(box, ctx, question, refs, params, reload) {
  const isNew = !question;
  let current = question;
  const preview = previewPanel();
  let qf = null;
  qf = questionForm(question, refs, { bankId: params.bankId }, function () { if (qf) preview.update(qf.read()); });
  const errorBox = h('div', { class: 'form-error', id: 'question-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'question-save', i18n: isNew ? 'questions.create' : 'questions.save' });
  const meta = h('p', { class: 'q-meta muted', id: 'question-meta' });
  const history = h('section', { class: 'card q-history', id: 'question-history', 'aria-labelledby': 'q-history-title' });
  qf.form.appendChild(h('div', { class: 'q-form-footer' }, errorBox,
    h('div', { class: 'form-actions' }, submit, h('a', { class: 'btn', href: listHash(), i18n: 'cancel' }))));
  preview.update(qf.read());
  // What the form held when loaded or last saved: saving it again unchanged would only add an identical version.
  let savedShape = shape(qf.read());
  const jump = h('button', { type: 'button', class: 'btn btn-small q-jump', i18n: 'questions.jumpToPreview', onclick: function () {
    preview.panel.scrollIntoView();
    preview.panel.setAttribute('tabindex', '-1');
    preview.panel.focus();
  } });
  replace(box,
    isNew ? null : meta,
    jump,
    h('div', { class: 'q-editor' }, qf.form, preview.panel),
    isNew ? null : history);
  qf.fitText();
  if (!isNew) showVersion();

  function showVersion() {
    replace(meta,
      current.externalId ? h('span', { i18n: 'questions.externalId', args: { id: current.externalId } }) : null,
      h('span', { i18n: 'questions.inBank', args: { bank: bankName(refs.banks, current.bankId) } }),
      h('span', { id: 'question-version', i18n: 'questions.currentVersion', args: { n: current.version } }),
      h('span', { i18n: 'questions.updatedAt', args: { time: formatTime(current.updatedAt) } }));
    drawHistory(history, current.versions || []);
  }

  qf.form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearInvalid(qf.form);
    const problems = qf.problems();
    if (problems.length) {
      // The summary sits by the button the user just pressed; each line takes them to its field.
      showProblems(errorBox, problems.map(function (p) { return { text: t(p.key, p.args), field: p.focus }; }));
      problems.forEach(function (p) { markInvalid(p.focus); });
      errorBox.setAttribute('tabindex', '-1');
      errorBox.focus();
      return;
    }
    const input = qf.read();
    if (!isNew && shape(input) === savedShape) {
      hideError(errorBox);
      announce(t('questions.nothingChanged'));
      return;
    }
    if (!isNew) input.expectedVersion = current.version;
    hideError(errorBox);
    withBusy(submit, function () {
      return isNew ? questionApi.create(input) : questionApi.update(current.id, input);
    }).then(function (saved) {
      clearQuestionRefs();
      if (isNew) {
        announce(t('questions.created'));
        ctx.go('#/questions?view=edit&id=' + encodeURIComponent(saved.id));
        return;
      }
      announce(t('questions.saved', { n: saved.version }));
      savedShape = shape(input);
      qf.form.elements.note.value = '';
      if (saved.versions) {
        current = saved;
        showVersion();
      } else {
        questionApi.get(saved.id).then(function (full) { current = full; showVersion(); }, function () { current = saved; showVersion(); });
      }
    }, function (err) {
      if (err && err.code === 'stale_version') showStale(errorBox, reload);
      else if (err && err.code === 'validation_failed') showProblems(errorBox, problemList(err.serverMessage));
      else showProblems(errorBox, [describeError(err)], true);
    });
  });
}

function shape(input) {
  const copy = Object.assign({}, input);
  delete copy.note;
  delete copy.expectedVersion;
  return JSON.stringify(copy);
}

function bankName(banks, id) {
  for (let i = 0; i < banks.length; i++) if (banks[i].id === id) return banks[i].name;
  return '#' + id;
}

function markInvalid(id) {
  const el = document.getElementById(id);
  if (el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) el.setAttribute('aria-invalid', 'true');
}

function clearInvalid(form) {
  const bad = form.querySelectorAll('[aria-invalid]');
  for (let i = 0; i < bad.length; i++) bad[i].removeAttribute('aria-invalid');
}

function hideError(box) {
  replace(box);
  box.hidden = true;
}

// One problem reads as a sentence; several as a list under "无法保存". A problem may name the field to fix
// ({text, field}): it then becomes a button that moves there.
function showProblems(box, messages, plain) {
  function line(m) {
    if (typeof m === 'string' || !m.field) return typeof m === 'string' ? m : m.text;
    return h('button', { type: 'button', class: 'link-button', 'data-field': m.field, text: m.text, onclick: function () {
      const el = document.getElementById(m.field);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.focus();
    } });
  }
  if (plain) {
    replace(box, h('p', { text: messages[0] }));
  } else if (messages.length === 1) {
    replace(box, h('p', null, t('questions.cannotSave'), line(messages[0])));
  } else {
    replace(box, h('p', { i18n: 'questions.cannotSaveList', args: { n: messages.length } }),
      h('ul', { class: 'problem-list' }, messages.map(function (m) { return h('li', null, line(m)); })));
  }
  box.hidden = false;
}

function showStale(box, reload) {
  replace(box,
    h('p', { class: 'q-stale-title', i18n: 'questions.staleTitle' }),
    h('p', { i18n: 'questions.staleHint' }),
    h('button', { type: 'button', class: 'btn', id: 'question-reload', i18n: 'questions.reloadLatest', onclick: function () {
      reload();
      announce(t('questions.reloaded'));
    } }));
  box.hidden = false;
  box.querySelector('button').focus();
}

function drawHistory(box, versions) {
  const rows = versions.slice().sort(function (a, b) { return b.version - a.version; });
  replace(box,
    h('h2', { id: 'q-history-title', i18n: 'questions.history' }),
    h('p', { class: 'hint', i18n: 'questions.historyHint' }),
    dataTable([
      { label: 'questions.colVersion', class: 'nowrap', cell: function (v) { return h('span', { i18n: 'questions.versionN', args: { n: v.version } }); } },
      { label: 'questions.colTime', class: 'nowrap', cell: function (v) { return h('time', { datetime: v.createdAt, text: formatTime(v.createdAt) }); } },
      { label: 'questions.colAuthor', cell: function (v) { return v.author ? h('span', { class: 'mono', text: v.author }) : h('span', { class: 'muted', text: '—' }); } },
      { label: 'questions.colNote', cell: function (v) { return v.note ? v.note : h('span', { class: 'muted', text: '—' }); } },
      { label: 'questions.colContent', cell: function (v) {
        return h('details', { class: 'json-details' }, h('summary', { i18n: 'questions.showVersion' }),
          h('p', { class: 'q-version-stem', text: v.stem }),
          h('p', { class: 'muted' }, h('span', { i18n: 'questions.key' }), '：', answerText(v.answer)));
      } },
    ], rows, { id: 'question-history-table', caption: 'questions.history' }));
}

function answerText(answer) {
  if (answer === true || answer === false) return h('span', { i18n: answer ? 'questions.true' : 'questions.false' });
  if (Array.isArray(answer)) return answer.map(function (v) { return v.join('／'); }).join('；');
  if (typeof answer === 'string' && /^[A-Za-z]{1,8}$/.test(answer)) return keyIndexes(answer).map(letter).join('');
  return String(answer || '');
}
