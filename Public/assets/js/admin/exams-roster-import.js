// 从表格导入考生: a unit's sheet of officials (Excel .xlsx or CSV, GBK or UTF-8) onto a draft exam's roster.
// Check first (a dry run that changes nothing), then import: new accounts get an initial password that is shown
// here once, with a CSV to hand out; existing accounts are updated. A sheet with any bad row changes nothing
// and every problem is listed by row.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { uploadFile, query } from '../api.js';
import { announce, describeError, withBusy, inCurrentLanguage } from '../feedback.js';
import { dataTable } from './table.js';
import { toCsv, download } from './exams-data.js';

const MAX_BYTES = 16 * 1024 * 1024;
const TEMPLATE_ROWS = [
  ['姓名', '登录名', '单位', '人员类别', '手机号码', '初始密码'],
  ['张三', 'zhangsan', '县司法局/法治宣传科', '领导干部', '13800138000', ''],
  ['李四', 'lisi', '县司法局', '行政执法人员', '', ''],
];

/** The import card for exam; onImported(result) runs after a real import (the roster changed). */
export function rosterImportCard(exam, onImported) {
  const fileInput = h('input', { type: 'file', id: 'roster-file', accept: '.csv,.xlsx', 'aria-describedby': 'roster-file-hint' });
  const check = h('button', { type: 'button', class: 'btn', id: 'roster-check', i18n: 'exams.importCheck' });
  const doImport = h('button', { type: 'button', class: 'btn btn-primary', id: 'roster-import', i18n: 'exams.importApply', disabled: true });
  const error = h('div', { class: 'form-error', id: 'roster-import-error', role: 'alert', hidden: true });
  const bar = h('progress', { id: 'roster-progress', max: 100, value: 0, 'aria-labelledby': 'roster-progress-label' });
  const barLabel = h('span', { id: 'roster-progress-label' });
  const progress = h('div', { class: 'upload-progress', hidden: true }, barLabel, bar);
  const result = h('div', { id: 'roster-import-result', 'aria-live': 'polite' });
  let checkedFile = null;

  fileInput.addEventListener('change', function () {
    checkedFile = null;
    doImport.disabled = true;
    showError('');
    replace(result);
    progress.hidden = true;
  });
  check.addEventListener('click', function () { send(true, check); });
  doImport.addEventListener('click', function () { send(false, doImport); });

  function chosen() {
    const file = fileInput.files && fileInput.files[0];
    const problem = !file ? 'exams.importNoFile' : file.size === 0 ? 'exams.importEmpty' : file.size > MAX_BYTES ? 'exams.importTooBig' : '';
    if (problem) {
      showError(t(problem));
      fileInput.focus();
      return null;
    }
    return file;
  }

  function send(dryRun, button) {
    const file = dryRun ? chosen() : checkedFile;
    if (!file) return;
    showError('');
    replace(result);
    progress.hidden = false;
    setProgress(0, file.size, file.name);
    const path = '/api/v1/exams/' + encodeURIComponent(exam.id) + '/roster/import' + query({ filename: file.name, dryRun: dryRun ? '1' : '' });
    withBusy(button, function () {
      return uploadFile(path, file, function (loaded, total) { setProgress(loaded, total, file.name); });
    }).then(function (answer) {
      barLabel.textContent = t('exams.importUploaded', { name: file.name });
      checkedFile = dryRun ? file : null;
      doImport.disabled = !dryRun;
      drawResult(result, answer);
      if (!dryRun) {
        announce(t('exams.importDone', { n: answer.rows }));
        fileInput.value = '';
        onImported(answer);
      }
    }, function (err) {
      barLabel.textContent = t('exams.importStopped', { name: file.name });
      checkedFile = null;
      doImport.disabled = true;
      if (err && err.code === 'import_failed') drawProblems(result, err);
      else showError(describeError(err));
    });
  }

  function setProgress(loaded, total, name) {
    const percent = total ? Math.min(100, Math.round(loaded * 100 / total)) : 0;
    bar.value = percent;
    bar.setAttribute('aria-valuetext', percent + '%');
    barLabel.textContent = percent < 100 ? t('exams.importUploading', { name: name, percent: percent })
      : t('exams.importChecking', { name: name });
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  return h('section', { class: 'card roster-import', id: 'roster-import-card', 'aria-labelledby': 'roster-import-title' },
    h('h2', { id: 'roster-import-title', i18n: 'exams.importTitle' }),
    h('p', { class: 'hint', i18n: 'exams.importIntro' }),
    h('p', null, h('button', { type: 'button', class: 'btn btn-link', id: 'roster-template', i18n: 'exams.importTemplate',
      onclick: function () { download(t('exams.importTemplateFile'), toCsv(TEMPLATE_ROWS)); } })),
    h('div', { class: 'field' }, h('label', { for: 'roster-file', i18n: 'exams.importFile' }), fileInput,
      h('p', { class: 'hint', id: 'roster-file-hint', i18n: 'exams.importFileHint' })),
    error, progress,
    h('div', { class: 'form-actions' }, check, doImport),
    result);
}

function drawResult(box, answer) {
  const stats = [['rows', answer.rows], ['created', answer.created], ['updated', answer.updated], ['added', answer.added]];
  const credentials = answer.credentials || [];
  replace(box, h('div', { class: 'import-report', id: 'roster-import-report' },
    h('h3', { i18n: answer.dryRun ? 'exams.importChecked' : 'exams.importApplied' }),
    h('dl', { class: 'q-stats', id: 'roster-import-counts' }, stats.map(function (s) {
      return h('div', { class: 'q-stat', 'data-stat': s[0] }, h('dt', { i18n: 'exams.importStat.' + s[0] }), h('dd', { text: String(s[1] || 0) }));
    })),
    answer.dryRun ? h('p', { class: 'hint', i18n: 'exams.importCheckedHint' }) : null,
    credentials.length ? credentialsView(credentials) : null));
}

function credentialsView(credentials) {
  function save() {
    const rows = [[t('exams.colUsername'), t('exams.colName'), t('exams.colUnit'), t('exams.importPassword')]]
      .concat(credentials.map(function (c) { return [c.username, c.displayName, c.unit, c.password]; }));
    download(t('exams.importCredentialsFile'), toCsv(rows));
  }
  return h('div', { class: 'credentials', id: 'roster-credentials' },
    h('p', { class: 'notice', role: 'status', i18n: 'exams.importCredentialsNote', args: { n: credentials.length } }),
    h('p', null, h('button', { type: 'button', class: 'btn btn-primary', id: 'roster-credentials-download', i18n: 'exams.importCredentialsDownload',
      onclick: save })),
    dataTable([
      { label: 'exams.colUsername', cell: function (c) { return h('span', { class: 'mono', text: c.username }); } },
      { label: 'exams.colName', cell: function (c) { return c.displayName || ''; } },
      { label: 'exams.importPassword', cell: function (c) { return h('span', { class: 'mono', text: c.password }); } },
    ], credentials.slice(0, 50).map(function (c, i) { return Object.assign({ id: i }, c); }), { id: 'roster-credentials-table', caption: 'exams.importPassword' }),
    credentials.length > 50 ? h('p', { class: 'hint', i18n: 'exams.importCredentialsMore', args: { n: credentials.length } }) : null);
}

function drawProblems(box, err) {
  const problems = err.problems || [];
  replace(box, h('div', { class: 'import-problems error-card', id: 'roster-import-problems' },
    h('h3', { i18n: 'exams.importProblems', args: { n: problems.length } }),
    h('p', { i18n: 'exams.importProblemsHint' }),
    problems.length ? dataTable([
      { label: 'exams.importRow', class: 'nowrap', cell: function (p) { return h('span', { class: 'mono', text: p.location || String(p.line) }); } },
      { label: 'exams.importReason', cell: function (p) { return inCurrentLanguage(p.reason); } },
    ], problems.map(function (p, i) { return Object.assign({ id: i }, p); }), { id: 'roster-problems-table', caption: 'exams.importProblemsCaption' })
      : h('p', { text: inCurrentLanguage(err.serverMessage) })));
  const heading = box.querySelector('h3');
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}
