// 重新评分: after an editor corrects a question's key in the bank (which saves a new version), the organizer
// replays the stored responses of every submitted attempt that used the question against that version.
// 预览 is a dry run listing whose score would change; 应用 stores the new results after a confirmation, and
// the server writes them and an audit entry together. 应用 names the version the preview showed, so if the
// question was edited again in between the server refuses (409 stale_version) and the page asks for a new preview.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { request } from '../api.js';
import { errorView, loadingView, announce, describeError, withBusy, showFormError } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { dataTable } from './table.js';
import { questionApi } from './questions-data.js';
import { examAdminApi, examHash, numberText, num } from './exams-data.js';
import { examHeader } from './exams-head.js';
import { truncate } from './exams-picker.js';

/** POST /exams/{id}/regrade → {questionId, toVersion, attemptsChecked, applied, changes}; expectedVersion on apply. */
function regrade(examId, questionId, dryRun, expectedVersion) {
  return request('POST', '/api/v1/exams/' + encodeURIComponent(examId) + '/regrade',
    { questionId: questionId, dryRun: dryRun, expectedVersion: expectedVersion });
}

/** Draws the regrade page of exam id into container. */
export function renderExamRegrade(container, ctx, id) {
  const body = h('div', { id: 'exam-regrade', 'aria-busy': 'true' }, loadingView());
  replace(container, body);
  load();

  function load() {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    // The report only names the candidates; without it the table falls back to account numbers.
    const names = examAdminApi.report(id).then(nameIndex, function () { return {}; });
    Promise.all([examAdminApi.get(id), names]).then(function (answers) {
      const exam = answers[0];
      replace(container, examHeader(ctx, exam, 'regrade', function () { ctx.go(examHash('regrade', exam.id)); }), body);
      body.removeAttribute('aria-busy');
      draw(body, exam, answers[1]);
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
}

function nameIndex(report) {
  const out = {};
  ((report && report.candidates) || []).forEach(function (c) { out[c.userId] = c; });
  return out;
}

function draw(box, exam, names) {
  const fixed = exam.paper && exam.paper.fixed ? exam.paper.fixed : null;
  const picker = fixed ? questionSelect(exam, fixed) : questionInput();
  const errorBox = h('div', { class: 'form-error', id: 'regrade-error', role: 'alert', hidden: true });
  const preview = h('button', { type: 'submit', class: 'btn btn-primary', id: 'regrade-preview', i18n: 'exams.regradePreview' });
  const result = h('div', { id: 'regrade-result' });
  const form = h('form', { class: 'card regrade-form', id: 'regrade-form', novalidate: true, 'aria-labelledby': 'regrade-form-title' },
    h('h2', { id: 'regrade-form-title', i18n: 'exams.regradeFormTitle' }),
    h('p', { class: 'hint', id: 'regrade-intro', i18n: 'exams.regradeIntro' }),
    waitNote(exam),
    picker.field,
    errorBox,
    h('div', { class: 'form-actions' }, preview, h('p', { class: 'hint', i18n: 'exams.regradePreviewHint' })));
  replace(box, form, result);

  // A preview belongs to the question it was made for; choosing another one takes it away. On "input", not
  // "change": change fires on blur, and hiding the error then would move 预览 out from under the pointer.
  picker.control.addEventListener('input', function () {
    replace(result);
    showFormError(errorBox, '');
    picker.control.removeAttribute('aria-invalid');
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    showFormError(errorBox, '');
    replace(result);
    picker.freeze();
    const questionId = num(picker.control.value);
    if (!(questionId > 0) || Math.floor(questionId) !== questionId) return fail(t('exams.regradeBadId'));
    withBusy(preview, function () { return regrade(exam.id, questionId, true); }).then(function (report) {
      if (!report.attemptsChecked) return fail(nothingToRegrade(exam, questionId));
      drawReport(result, exam, report, names, picker.label(questionId));
    }, function (err) { fail(regradeError(err, questionId)); });
  });

  function fail(message) {
    showFormError(errorBox, message);
    picker.control.setAttribute('aria-invalid', 'true');
    picker.control.focus();
  }
}

// A fixed paper: a select of its questions, "第 2 题 · stem… · 第 3 版", filled in as each question loads.
function questionSelect(exam, items) {
  const stems = {};
  const select = h('select', { id: 'regrade-question', name: 'questionId', 'aria-describedby': 'regrade-question-hint' },
    items.map(function (item, i) {
      return h('option', { value: String(item.questionId), i18n: 'exams.regradeOptionLoading', args: { n: i + 1, id: item.questionId } });
    }));
  let touched = false;
  select.addEventListener('change', function () { touched = true; });
  items.forEach(function (item, i) {
    questionApi.get(item.questionId).then(function (q) {
      stems[item.questionId] = q.stem;
      const opt = select.options[i];
      const last = (q.versions || [])[(q.versions || []).length - 1];
      const edited = q.version > 1 && last && last.createdAt;
      const args = { n: i + 1, id: q.id, stem: truncate(q.stem), v: q.version, date: edited ? formatTime(last.createdAt).slice(0, 10) : '' };
      opt.setAttribute('data-i18n', edited ? 'exams.regradeOptionEdited' : 'exams.regradeOption');
      opt.setAttribute('data-i18n-args', JSON.stringify(args));
      opt.textContent = t(edited ? 'exams.regradeOptionEdited' : 'exams.regradeOption', args);
      // Offer the question edited since the exam was set up, unless the organizer already chose one.
      if (!touched && edited && Date.parse(last.createdAt) > Date.parse(exam.createdAt)) { select.value = String(q.id); touched = true; }
    }, function () { /* the number stays */ });
  });
  return {
    control: select,
    field: h('div', { class: 'field' }, h('label', { for: 'regrade-question', i18n: 'exams.regradeQuestion' }), select,
      h('p', { class: 'hint', id: 'regrade-question-hint', i18n: 'exams.regradeQuestionHint' })),
    label: function (id) { return stems[id] ? truncate(stems[id]) : ''; },
    freeze: function () { touched = true; },
  };
}

// A paper drawn by rules: each candidate got different questions, so the organizer names one by its number.
function questionInput() {
  const input = h('input', { type: 'number', id: 'regrade-question', name: 'questionId', min: '1', step: '1', inputmode: 'numeric',
    'aria-describedby': 'regrade-question-hint' });
  return {
    control: input,
    field: h('div', { class: 'field' }, h('label', { for: 'regrade-question', i18n: 'exams.regradeQuestionId' }), input,
      h('p', { class: 'hint', id: 'regrade-question-hint', i18n: 'exams.regradeIdHint' })),
    label: function () { return ''; },
    freeze: function () {},
  };
}

// Nothing to regrade yet: said at once rather than only after a preview comes back empty.
function waitNote(exam) {
  if (exam.status === 'draft') return h('p', { class: 'notice', id: 'regrade-wait', i18n: 'exams.regradeWaitDraft' });
  if (!exam.submittedCount) return h('p', { class: 'notice', id: 'regrade-wait', i18n: 'exams.regradeWaitSubmissions' });
  return null;
}

// The server answers a question no submitted attempt used with an empty report rather than an error; say why.
function nothingToRegrade(exam, questionId) {
  if (exam.status === 'draft') return t('exams.regradeDraft');
  if (!exam.submittedCount) return t('exams.regradeNoSubmissions');
  return t('exams.regradeNotUsed', { id: questionId });
}

function regradeError(err, questionId) {
  if (err && err.status === 404 && err.code === 'not_found' && /question/i.test(err.serverMessage || '')) {
    return t('exams.regradeNotFound', { id: questionId });
  }
  return describeError(err);
}

function drawReport(box, exam, report, names, stem) {
  const changes = report.changes || [];
  const flips = changes.filter(function (c) { return c.oldPassed !== c.newPassed; }).length;
  const titleKey = report.applied ? 'exams.regradeAppliedTitle' : 'exams.regradePreviewTitle';
  function fact(key, value, id) { return [h('dt', { i18n: key }), h('dd', { id: id }, value)]; }
  const apply = report.applied || !changes.length ? null : h('div', { class: 'form-actions' },
    h('button', { type: 'button', class: 'btn btn-primary', id: 'regrade-apply', i18n: 'exams.regradeApply',
      onclick: function () { confirmApply(box, exam, report, names, stem, flips); } }),
    h('p', { class: 'hint', i18n: 'exams.regradeApplyHint' }));
  replace(box, h('section', { class: 'card regrade-report', id: 'regrade-report', 'data-applied': String(report.applied),
    'aria-labelledby': 'regrade-report-title' },
    h('h2', { id: 'regrade-report-title', tabindex: '-1', i18n: titleKey }),
    h('dl', { class: 'facts regrade-facts' },
      fact('exams.regradeFactQuestion', h('span', { i18n: stem ? 'exams.regradeQuestionStem' : 'exams.questionN',
        args: { id: report.questionId, stem: stem } }), 'regrade-fact-question'),
      fact('exams.regradeFactVersion', h('span', { i18n: 'exams.regradeVersion', args: { v: report.toVersion } }), 'regrade-fact-version'),
      fact('exams.regradeFactChecked', h('span', { i18n: 'exams.regradeAttempts', args: { n: report.attemptsChecked } }), 'regrade-fact-checked'),
      fact('exams.regradeFactChanged', h('span', { i18n: 'exams.regradeResults', args: { n: changes.length } }), 'regrade-fact-changed')),
    changes.length ? changeTable(changes, names)
      : h('p', { class: 'empty-title', id: 'regrade-no-change', i18n: report.applied ? 'exams.regradeNoChangeApplied' : 'exams.regradeNoChange' }),
    apply));
  const heading = document.getElementById('regrade-report-title');
  if (heading) heading.focus();
}

function changeTable(changes, names) {
  function passText(passed) { return t(passed ? 'exams.passed' : 'exams.failed'); }
  return dataTable([
    { label: 'exams.regradeColCandidate', cell: function (c) {
      const who = names[c.userId];
      return who ? [h('span', { text: who.displayName || who.username }), ' ', h('span', { class: 'mono muted', text: who.username })]
        : h('span', { i18n: 'exams.regradeUser', args: { id: c.userId } });
    } },
    { label: 'exams.regradeColScore', class: 'regrade-score', cell: function (c) {
      const delta = Math.round((c.newScore - c.oldScore) * 10) / 10;
      return [h('span', { text: numberText(c.oldScore) + ' → ' + numberText(c.newScore) }), ' ',
        h('span', { class: 'badge ' + (delta < 0 ? 'badge-off' : 'badge-on'), text: (delta > 0 ? '+' : delta < 0 ? '−' : '±') + numberText(Math.abs(delta)) })];
    } },
    { label: 'exams.regradeColPass', cell: function (c) {
      if (c.oldPassed === c.newPassed) return h('span', { i18n: 'exams.regradePassSame', args: { state: passText(c.newPassed) } });
      return h('strong', { text: passText(c.oldPassed) + ' → ' + passText(c.newPassed) });
    } },
  ], changes.map(function (c) { return Object.assign({ id: c.attemptId }, c); }), { id: 'regrade-changes', caption: 'exams.regradeColScore' });
}

function confirmApply(box, exam, preview, names, stem, flips) {
  openDialog({
    title: 'exams.regradeConfirmTitle',
    submit: 'exams.regradeConfirm',
    body: [
      h('p', { id: 'regrade-confirm-count', i18n: 'exams.regradeConfirmBody',
        args: { n: preview.changes.length, checked: preview.attemptsChecked, v: preview.toVersion, flips: flips } }),
      h('p', { class: 'notice', i18n: 'exams.regradeConfirmAudit' }),
    ],
    onSubmit: function () {
      return regrade(exam.id, preview.questionId, false, preview.toVersion).then(function (report) {
        announce(t('exams.regradeApplied', { n: report.changes.length }));
        drawReport(box, exam, report, names, stem);
        // Another candidate may have been submitted (by the sweeper) between the preview and now.
        if (report.changes.length !== preview.changes.length) {
          box.insertBefore(h('p', { class: 'notice', id: 'regrade-stale', i18n: 'exams.regradeStale' }), box.firstChild);
        }
      });
    },
  });
}
