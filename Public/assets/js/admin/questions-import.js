// 导入题目: choose a file (native YAML, GIFT, Moodle XML, the Excel/CSV template), upload it with a progress
// bar, dry run first by default; then the counts and every item, or every problem (file:line and reason) with
// a CSV error report built in the browser. After a clean dry run, "确认导入" sends the same file for real.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { describeError, withBusy, inCurrentLanguage } from '../feedback.js';
import { dataTable } from './table.js';
import { backToList } from './questions-list.js';
import { questionApi, clearQuestionRefs, IMPORT_ACCEPT, MAX_UPLOAD_BYTES } from './questions-data.js';

const OPEN_ITEMS_UP_TO = 20;
const ACTIONS = ['add', 'new_version', 'unchanged', 'duplicate', 'repeated_in_file'];
let reportUrl = null;

/** Draws the import page into container. */
export function renderQuestionImport(container) {
  const fileInput = h('input', { type: 'file', id: 'import-file', name: 'file', accept: IMPORT_ACCEPT, 'aria-describedby': 'import-file-hint' });
  const dryRun = h('input', { type: 'checkbox', id: 'import-dry-run', name: 'dryRun', checked: true, 'aria-describedby': 'import-dry-run-hint' });
  const fileInfo = h('p', { class: 'q-file-info', id: 'import-file-info', hidden: true, i18n: 'questions.fileChosen', args: { name: '', size: '' } });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'import-submit', i18n: 'questions.uploadCheck' });
  const formError = h('div', { class: 'form-error', id: 'import-error', role: 'alert', hidden: true });
  const bar = h('progress', { id: 'import-progress', max: 100, value: 0, 'aria-labelledby': 'import-progress-label' });
  const barLabel = h('span', { id: 'import-progress-label' });
  const progress = h('div', { class: 'upload-progress', id: 'import-progress-box', hidden: true }, barLabel, bar);
  const result = h('div', { id: 'import-result' });
  const form = h('form', { class: 'card import-form', id: 'import-form', novalidate: true },
    h('p', { i18n: 'questions.importIntro' }),
    h('ul', { class: 'format-list' }, ['native', 'gift', 'moodle', 'sheet'].map(function (f) {
      return h('li', { i18n: 'questions.importFormat.' + f });
    })),
    h('p', { class: 'hint' }, h('span', { i18n: 'questions.importTemplate' }), ' ',
      h('a', { href: '#/questions?view=export', i18n: 'questions.importTemplateLink' })),
    h('div', { class: 'field' }, h('label', { for: 'import-file', i18n: 'questions.importFile' }), fileInput, fileInfo,
      h('p', { class: 'hint', id: 'import-file-hint', i18n: 'questions.importFileHint' })),
    h('div', { class: 'check' }, dryRun, h('label', { for: 'import-dry-run', i18n: 'questions.dryRun' })),
    h('p', { class: 'hint q-check-hint', id: 'import-dry-run-hint', i18n: 'questions.dryRunHint' }),
    formError, progress,
    h('div', { class: 'form-actions' }, submit));
  replace(container, backToList(), h('h1', { i18n: 'questions.importTitle' }), form, result);

  dryRun.addEventListener('change', function () {
    submit.setAttribute('data-i18n', dryRun.checked ? 'questions.uploadCheck' : 'questions.uploadImport');
    submit.textContent = t(submit.getAttribute('data-i18n'));
  });
  fileInput.addEventListener('change', function () {
    const file = fileInput.files && fileInput.files[0];
    fileInfo.hidden = !file;
    if (file) {
      fileInfo.setAttribute('data-i18n-args', JSON.stringify({ name: file.name, size: sizeText(file.size) }));
      fileInfo.textContent = t('questions.fileChosen', { name: file.name, size: sizeText(file.size) });
    }
    // A new file makes the last answer (and its "确认导入") stale.
    replace(result);
    showError('');
    progress.hidden = true;
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const file = fileInput.files && fileInput.files[0];
    const problem = !file ? 'questions.importNoFile' : file.size === 0 ? 'questions.importEmpty'
      : file.size > MAX_UPLOAD_BYTES ? 'questions.importTooBig' : '';
    if (problem) {
      showError(t(problem));
      fileInput.focus();
      return;
    }
    send(file, dryRun.checked, submit);
  });

  function showError(message) {
    formError.textContent = message;
    formError.hidden = !message;
  }

  function send(file, dry, button) {
    showError('');
    replace(result);
    setProgress(0, file.size, file.name);
    progress.hidden = false;
    withBusy(button, function () {
      return questionApi.upload(file, dry, function (loaded, total) { setProgress(loaded, total, file.name); });
    }).then(function (report) {
      barLabel.textContent = t('questions.uploadDone', { name: file.name });
      if (!report.dryRun) clearQuestionRefs();
      drawReport(result, report, file, function (confirmButton) { send(file, false, confirmButton); });
    }, function (err) {
      barLabel.textContent = t('questions.uploadStopped', { name: file.name });
      if (err && err.code === 'import_failed') drawProblems(result, err, file);
      else if (err && err.status === 413) showError(t('questions.importTooBig'));
      else showError(describeError(err));
    });
  }

  function setProgress(loaded, total, name) {
    const percent = total ? Math.min(100, Math.round(loaded * 100 / total)) : 0;
    bar.value = percent;
    bar.setAttribute('aria-valuetext', percent + '%');
    barLabel.textContent = percent < 100 ? t('questions.uploading', { name: name, percent: percent })
      : t('questions.checking', { name: name });
  }
}

function sizeText(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

function focusHeading(box) {
  const heading = box.querySelector('h2');
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

function drawReport(box, report, file, confirm) {
  const dry = report.dryRun;
  const stats = [['added', report.added], ['changed', report.changed], ['unchanged', report.unchanged], ['duplicates', report.duplicates]];
  const confirmButton = dry ? h('button', { type: 'button', class: 'btn btn-primary', id: 'import-confirm', i18n: 'questions.confirmImport',
    onclick: function () { confirm(confirmButton); } }) : null;
  const items = report.items || [];
  replace(box, h('section', { class: 'card import-report', id: 'import-report', 'aria-labelledby': 'import-report-title' },
    h('h2', { id: 'import-report-title', i18n: dry ? 'questions.dryRunDone' : 'questions.importDone' }),
    h('p', null, h('span', { i18n: 'questions.reportBank', args: { bank: report.bank, file: file.name } }),
      dry ? h('strong', { class: 'q-dry-note', i18n: 'questions.dryRunNote' }) : null),
    h('dl', { class: 'q-stats', id: 'import-counts' }, stats.map(function (s) {
      return h('div', { class: 'q-stat', 'data-stat': s[0] }, h('dt', { i18n: 'questions.stat.' + s[0] }), h('dd', { text: String(s[1] || 0) }));
    })),
    dry ? h('div', { class: 'form-actions' }, confirmButton,
      h('p', { class: 'hint', i18n: report.added || report.changed ? 'questions.confirmHint' : 'questions.confirmNothing' })) : null,
    !dry && report.bankId ? h('p', null, h('a', { class: 'btn', id: 'import-view-bank', href: '#/questions?bankId=' + encodeURIComponent(report.bankId),
      i18n: 'questions.viewBank', args: { bank: report.bank } })) : null,
    items.length ? h('details', { class: 'q-items', open: items.length <= OPEN_ITEMS_UP_TO },
      h('summary', { i18n: 'questions.itemsSummary', args: { n: items.length } }),
      dataTable([
        { label: 'questions.colLocation', cell: function (it) { return h('span', { class: 'mono', text: it.location }); } },
        { label: 'questions.colExternalId', cell: function (it) { return it.id ? h('span', { class: 'mono', text: it.id }) : '—'; } },
        { label: 'questions.colAction', cell: function (it) {
          return h('span', { class: 'badge action-' + it.action, i18n: ACTIONS.indexOf(it.action) >= 0 ? 'questions.action.' + it.action : null,
            text: ACTIONS.indexOf(it.action) >= 0 ? null : it.action });
        } },
        { label: 'questions.colQuestion', cell: function (it) {
          return it.questionId ? h('a', { href: '#/questions?view=edit&id=' + it.questionId, text: '#' + it.questionId }) : '';
        } },
      ], items, { id: 'import-items', caption: 'questions.itemsCaption' })) : null));
  // Focus on the result's heading tells screen-reader users what happened; a toast here would cover "确认导入" on a phone.
  focusHeading(box);
}

function drawProblems(box, err, file) {
  const problems = err.problems || [];
  if (reportUrl) URL.revokeObjectURL(reportUrl);
  reportUrl = URL.createObjectURL(new Blob([problemsCsv(problems)], { type: 'text/csv;charset=utf-8' }));
  const base = file.name.replace(/\.[^.]+$/, '');
  replace(box, h('section', { class: 'card import-problems error-card', id: 'import-problems-box', 'aria-labelledby': 'import-problems-title' },
    h('h2', { id: 'import-problems-title', i18n: 'questions.problemsTitle', args: { n: problems.length } }),
    h('p', { i18n: 'questions.problemsHint' }),
    h('p', null, h('a', { class: 'btn', id: 'import-report-link', href: reportUrl, download: t('questions.reportFile', { name: base }),
      i18n: 'questions.downloadReport' })),
    problems.length ? dataTable([
      { label: 'questions.colLocation', class: 'nowrap', cell: function (p) { return h('span', { class: 'mono', text: p.location || (p.file + ':' + p.line) }); } },
      { label: 'questions.colReason', cell: function (p) { return inCurrentLanguage(p.reason); } },
    ], problems, { id: 'import-problems', caption: 'questions.problemsCaption' })
      : h('p', { text: inCurrentLanguage(err.serverMessage) })));
  focusHeading(box);
}

/** The problems as CSV (位置,原因) with a BOM, so Excel opens the Chinese text correctly. */
export function problemsCsv(problems) {
  const rows = [[t('questions.colLocation'), t('questions.colReason')]].concat(problems.map(function (p) {
    return [p.location || (p.file + ':' + p.line), inCurrentLanguage(p.reason)];
  }));
  return '\ufeff' + rows.map(function (r) { return r.map(csvCell).join(','); }).join('\r\n') + '\r\n';
}

function csvCell(value) {
  let text = String(value === undefined || value === null ? '' : value);
  // A cell starting with = + - @ would be a formula in a spreadsheet.
  if (/^[=+\-@]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}
