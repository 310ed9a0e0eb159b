// 导出题库: choose a bank (or all) and a format; the page offers a link to the export address and the
// browser downloads the file the server names. The link follows the choices as they change.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView } from '../feedback.js';
import { backToList } from './questions-list.js';
import { questionApi, loadQuestionRefs, EXPORT_FORMATS } from './questions-data.js';

/** Draws the export page into container; params.bankId preselects a bank. */
export function renderQuestionExport(container, ctx, params) {
  const body = h('div', { id: 'export-box', 'aria-busy': 'true' }, loadingView());
  replace(container, backToList(), h('h1', { i18n: 'questions.exportTitle' }), body);
  load();

  function load() {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    loadQuestionRefs().then(function (refs) {
      body.removeAttribute('aria-busy');
      replace(body, exportForm(refs.banks, params.bankId || ''));
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
}

function exportForm(banks, selectedBank) {
  const bank = h('select', { id: 'export-bank', name: 'bankId' },
    h('option', { value: '', i18n: 'questions.allBanksExport' }),
    banks.map(function (b) {
      return h('option', { value: b.id, selected: String(b.id) === String(selectedBank), i18n: 'questions.bankWithCount',
        args: { name: b.name, n: b.questionCount || 0 } });
    }));
  const formats = h('fieldset', { class: 'field export-formats' },
    h('legend', { i18n: 'questions.exportFormat' }),
    EXPORT_FORMATS.map(function (f, i) {
      const id = 'export-format-' + f.value;
      return h('div', { class: 'check check-described' },
        h('input', { type: 'radio', id: id, name: 'format', value: f.value, checked: i === 0, 'aria-describedby': id + '-hint' }),
        h('label', { for: id }, h('span', { i18n: 'questions.format.' + f.value }),
          h('span', { class: 'hint', id: id + '-hint', i18n: 'questions.formatHint.' + f.value })));
    }));
  const link = h('a', { class: 'btn btn-primary', id: 'export-link', download: '' });
  const form = h('form', { class: 'card export-form', id: 'export-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'export-bank', i18n: 'questions.bank' }), bank),
    formats,
    h('p', { class: 'notice', i18n: 'questions.exportKeysNote' }),
    h('div', { class: 'form-actions' }, link));
  function update() {
    const format = form.querySelector('input[name=format]:checked').value;
    let ext = 'yaml';
    EXPORT_FORMATS.forEach(function (f) { if (f.value === format) ext = f.ext; });
    // The server names the file after the bank ("全部题库" for all of them); the link says which file comes.
    const args = { file: (bank.value ? nameOf(banks, bank.value) : '全部题库') + '.' + ext };
    link.href = questionApi.exportUrl(format, bank.value);
    link.setAttribute('data-i18n', 'questions.download');
    link.setAttribute('data-i18n-args', JSON.stringify(args));
    link.textContent = t('questions.download', args);
  }
  form.addEventListener('change', update);
  form.addEventListener('submit', function (event) { event.preventDefault(); link.click(); });
  update();
  return form;
}

function nameOf(banks, id) {
  for (let i = 0; i < banks.length; i++) if (String(banks[i].id) === String(id)) return banks[i].name;
  return '';
}
