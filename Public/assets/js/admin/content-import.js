// 导入内容: one Content/ Markdown file (front matter + body, Content/FORMAT.md), uploaded with a progress bar.
// 检查 sends it as a dry run: what would happen to the piece, or every problem with its line. After a clean
// check, 导入 sends the same file for real. The server imports all or nothing.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { describeError, withBusy, inCurrentLanguage } from '../feedback.js';
import { dataTable } from './table.js';
import { backToList } from './content-list.js';
import { contentApi, MAX_FILE_BYTES, editHash } from './content-data.js';

const ACTIONS = ['added', 'new_version', 'unchanged'];

/** Draws the import page into container. */
export function renderContentImport(container) {
  const fileInput = h('input', { type: 'file', id: 'content-file', name: 'file', accept: '.md,.markdown,text/markdown',
    'aria-describedby': 'content-file-hint' });
  const fileInfo = h('p', { class: 'q-file-info', id: 'content-file-info', hidden: true });
  const check = h('button', { type: 'submit', class: 'btn btn-primary', id: 'content-check', i18n: 'contentAdmin.check' });
  const formError = h('div', { class: 'form-error', id: 'content-import-error', role: 'alert', hidden: true });
  const bar = h('progress', { id: 'content-progress', max: 100, value: 0, 'aria-labelledby': 'content-progress-label' });
  const barLabel = h('span', { id: 'content-progress-label' });
  const progress = h('div', { class: 'upload-progress', id: 'content-progress-box', hidden: true }, barLabel, bar);
  const result = h('div', { id: 'content-import-result' });
  const form = h('form', { class: 'card import-form', id: 'content-import-form', novalidate: true },
    h('p', { i18n: 'contentAdmin.importIntro' }),
    h('ul', { class: 'format-list' },
      h('li', { i18n: 'contentAdmin.importRuleName' }),
      h('li', { i18n: 'contentAdmin.importRuleFront' }),
      h('li', { i18n: 'contentAdmin.importRuleStatus' })),
    h('div', { class: 'field' }, h('label', { for: 'content-file', i18n: 'contentAdmin.importFile' }), fileInput, fileInfo,
      h('p', { class: 'hint', id: 'content-file-hint', i18n: 'contentAdmin.importFileHint' })),
    formError, progress,
    h('div', { class: 'form-actions' }, check, h('p', { class: 'hint', i18n: 'contentAdmin.checkHint' })));
  replace(container, backToList(), h('h1', { i18n: 'contentAdmin.importTitle' }), form, result);

  fileInput.addEventListener('change', function () {
    const file = fileInput.files && fileInput.files[0];
    fileInfo.hidden = !file;
    if (file) {
      const args = { name: file.name, size: sizeText(file.size) };
      fileInfo.setAttribute('data-i18n', 'contentAdmin.fileChosen');
      fileInfo.setAttribute('data-i18n-args', JSON.stringify(args));
      fileInfo.textContent = t('contentAdmin.fileChosen', args);
    }
    // A new file makes the last answer (and its 导入 button) stale.
    replace(result);
    showError('');
    progress.hidden = true;
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const file = fileInput.files && fileInput.files[0];
    const problem = !file ? 'contentAdmin.importNoFile' : file.size === 0 ? 'contentAdmin.importEmpty'
      : file.size > MAX_FILE_BYTES ? 'contentAdmin.importTooBig' : !/\.(md|markdown)$/i.test(file.name) ? 'contentAdmin.importNotMd' : '';
    if (problem) {
      showError(t(problem));
      fileInput.focus();
      return;
    }
    send(file, true, check);
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
      return contentApi.upload(file, dry, function (loaded, total) { setProgress(loaded, total, file.name); });
    }).then(function (report) {
      barLabel.textContent = t('contentAdmin.uploadDone', { name: file.name });
      drawReport(result, report.items || [], dry, function (confirmButton) { send(file, false, confirmButton); });
    }, function (err) {
      barLabel.textContent = t(dry ? 'contentAdmin.checkStopped' : 'contentAdmin.uploadStopped', { name: file.name });
      if (err && err.code === 'import_failed') {
        // The line itself beside each problem: the file is at hand, and "第 9 行" alone sends people counting.
        readText(file).then(function (text) { drawProblems(result, err, file, dry, text.split(/\r?\n/)); });
      }
      else if (err && err.status === 413) showError(t('contentAdmin.importTooBig'));
      else showError(describeError(err));
    });
  }

  function setProgress(loaded, total, name) {
    const percent = total ? Math.min(100, Math.round(loaded * 100 / total)) : 0;
    bar.value = percent;
    bar.setAttribute('aria-valuetext', percent + '%');
    barLabel.textContent = t(percent < 100 ? 'contentAdmin.uploading' : 'contentAdmin.checking', { name: name, percent: percent });
  }
}

function sizeText(bytes) {
  return bytes < 1024 ? bytes + ' B' : (bytes / 1024).toFixed(1) + ' KB';
}

function focusHeading(box) {
  const heading = box.querySelector('h2');
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

function drawReport(box, items, dry, confirm) {
  const changes = items.filter(function (it) { return it.action !== 'unchanged'; }).length;
  const confirmButton = dry && changes ? h('button', { type: 'button', class: 'btn btn-primary', id: 'content-import-confirm',
    i18n: 'contentAdmin.confirmImport', onclick: function () { confirm(confirmButton); } }) : null;
  replace(box, h('section', { class: 'card import-report', id: 'content-import-report', 'aria-labelledby': 'content-report-title' },
    h('h2', { id: 'content-report-title', i18n: dry ? 'contentAdmin.checkDone' : 'contentAdmin.importDone' }),
    dry ? h('p', null, h('strong', { class: 'q-dry-note', i18n: changes ? 'contentAdmin.checkNote' : 'contentAdmin.checkNothing' })) : null,
    dataTable([
      { label: 'contentAdmin.colSlug', cell: function (it) {
        return dry && it.action === 'added' ? h('span', { class: 'mono', text: it.slug })
          : h('a', { class: 'mono', href: editHash(it.slug), text: it.slug });
      } },
      { label: 'contentAdmin.colAction', cell: function (it) {
        const known = ACTIONS.indexOf(it.action) >= 0;
        return h('span', { class: 'badge caction-' + it.action, 'data-action': it.action,
          i18n: known ? 'contentAdmin.action.' + it.action + (dry ? 'Dry' : '') : null, text: known ? null : it.action });
      } },
    ], items.map(function (it) { return Object.assign({ id: it.slug }, it); }), { id: 'content-import-items', caption: 'contentAdmin.itemsCaption' }),
    confirmButton ? h('div', { class: 'form-actions' }, confirmButton, h('p', { class: 'hint', i18n: 'contentAdmin.confirmHint' })) : null));
  // Focus on the result's heading tells screen-reader users what happened and puts 导入 one Tab away.
  focusHeading(box);
}

function readText(file) {
  if (file.text) return file.text().catch(function () { return ''; });
  return Promise.resolve('');
}

function drawProblems(box, err, file, dry, lines) {
  const problems = err.problems || [];
  replace(box, h('section', { class: 'card import-problems error-card', id: 'content-problems-box', 'aria-labelledby': 'content-problems-title' },
    h('h2', { id: 'content-problems-title', i18n: 'contentAdmin.problemsTitle', args: { n: problems.length } }),
    h('p', { i18n: dry ? 'contentAdmin.problemsHintDry' : 'contentAdmin.problemsHint', args: { name: file.name } }),
    problems.length ? dataTable([
      { label: 'contentAdmin.colLine', class: 'nowrap', cell: function (p) {
        return p.line ? h('span', { i18n: 'contentAdmin.lineN', args: { n: p.line } }) : h('span', { class: 'mono', text: p.location || '' });
      } },
      { label: 'contentAdmin.colReason', cell: function (p) {
        const text = p.line && lines[p.line - 1] !== undefined ? lines[p.line - 1].trim() : '';
        return [h('span', { class: 'c-problem-reason', text: inCurrentLanguage(p.reason) }),
          text ? h('code', { class: 'c-problem-line', text: text.length > 120 ? text.slice(0, 119) + '…' : text }) : null];
      } },
    ], problems.map(function (p, i) { return Object.assign({ id: i }, p); }), { id: 'content-problems', caption: 'contentAdmin.problemsCaption' })
      : h('p', { text: inCurrentLanguage(err.serverMessage) })));
  focusHeading(box);
}
