// Setting up a contest: a title, the questions (ticked from a search of the bank, or typed as ids — the ids
// field is the one list both fill), seconds per question and whether faster right answers earn more.
import { h, replace, formValues } from '../dom.js';
import { t } from '../i18n.js';
import { showFormError, withBusy, loadingView, errorView } from '../feedback.js';
import { liveApi, liveError } from './live-api.js';

const TYPES = ['judge', 'single', 'multiple'];

/** The form; onCreated({id, code, …}) after the server accepts it. */
export function createForm(onCreated) {
  const errorBox = h('div', { class: 'form-error', role: 'alert', id: 'live-create-error', hidden: true });
  const ids = h('input', { type: 'text', name: 'ids', id: 'live-ids', inputmode: 'numeric', autocomplete: 'off',
    'aria-describedby': 'live-ids-hint live-ids-count', i18nAttr: { placeholder: 'live.idsPlaceholder' } });
  const count = h('p', { class: 'live-ids-count', id: 'live-ids-count', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'live-create-submit', i18n: 'live.create' });
  const picker = questionPicker(ids, function () { updateCount(); });
  const form = h('form', { class: 'live-create-form', id: 'live-create-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'live-title', i18n: 'live.titleLabel' }),
      h('input', { type: 'text', name: 'title', id: 'live-title', maxlength: '80', value: t('live.titleDefault') })),
    picker.el,
    h('div', { class: 'field' },
      h('label', { for: 'live-ids', i18n: 'live.idsLabel' }),
      ids,
      h('p', { class: 'hint', id: 'live-ids-hint', i18n: 'live.idsHint' }),
      count),
    h('div', { class: 'live-create-row' },
      h('div', { class: 'field' },
        h('label', { for: 'live-seconds', i18n: 'live.secondsLabel' }),
        h('input', { type: 'number', name: 'seconds', id: 'live-seconds', min: '5', max: '300', step: '1', value: '20', class: 'field-short' })),
      h('div', { class: 'check check-described live-speed' },
        h('input', { type: 'checkbox', name: 'speed', id: 'live-speed', checked: true, 'aria-describedby': 'live-speed-hint' }),
        h('label', { for: 'live-speed' }, h('span', { i18n: 'live.speedLabel' }),
          h('span', { class: 'hint', id: 'live-speed-hint', i18n: 'live.speedHint' })))),
    errorBox,
    h('div', { class: 'form-actions' }, submit));
  ids.addEventListener('input', function () { updateCount(); picker.sync(); });

  function updateCount() {
    const n = parseIds(ids.value).length;
    count.setAttribute('data-i18n', 'live.idsCount');
    count.setAttribute('data-i18n-args', JSON.stringify({ n: n }));
    count.textContent = t('live.idsCount', { n: n });
  }
  updateCount();

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const v = formValues(form);
    const questionIds = parseIds(v.ids);
    const seconds = parseInt(v.seconds, 10);
    if (!v.title) return fail(t('error.required', { field: t('live.titleLabel') }), form.elements.title);
    if (!questionIds.length) return fail(t('live.idsRequired'), ids);
    if (isNaN(seconds) || seconds < 5 || seconds > 300) return fail(t('live.secondsInvalid'), form.elements.seconds);
    showFormError(errorBox, '');
    withBusy(submit, function () {
      return liveApi.create({ title: v.title, questionIds: questionIds, secondsPerQuestion: seconds, speedScoring: form.elements.speed.checked });
    }).then(onCreated, function (err) { fail(liveError(err), null); });
  });
  function fail(message, input) {
    showFormError(errorBox, message);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      input.addEventListener('input', function () { input.removeAttribute('aria-invalid'); }, { once: true });
    } else {
      errorBox.scrollIntoView({ block: 'nearest' });
    }
  }
  return form;
}

/** "12, 15 30，7" → [12, 15, 30, 7]: every number once, in order. */
export function parseIds(text) {
  const out = [];
  (String(text || '').match(/\d+/g) || []).forEach(function (s) {
    const n = parseInt(s, 10);
    if (n > 0 && out.indexOf(n) < 0) out.push(n);
  });
  return out;
}

// Search the bank (active true/false and choice questions) and tick questions into the ids field.
function questionPicker(ids, onChange) {
  const results = h('div', { class: 'live-pick-results', id: 'live-pick-results' });
  const q = h('input', { type: 'search', id: 'live-pick-q', name: 'pickQ', autocomplete: 'off',
    i18nAttr: { placeholder: 'live.pickPlaceholder', 'aria-label': 'live.pickPlaceholder' } });
  const type = h('select', { id: 'live-pick-type', name: 'pickType', i18nAttr: { 'aria-label': 'live.pickTypeLabel' } },
    h('option', { value: '', i18n: 'live.pickAllTypes' }),
    TYPES.map(function (k) { return h('option', { value: k, i18n: 'qtype.' + k }); }));
  const go = h('button', { type: 'button', class: 'btn', id: 'live-pick-search', i18n: 'live.pickSearch', onclick: search });
  q.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { event.preventDefault(); search(); }
  });
  type.addEventListener('change', search);
  let seq = 0;

  function search() {
    const mine = ++seq;
    replace(results, loadingView());
    const kinds = type.value ? [type.value] : TYPES;
    Promise.all(kinds.map(function (k) {
      return liveApi.questions({ q: q.value.trim(), type: k, status: 'active', pageSize: type.value ? 30 : 12 });
    })).then(function (pages) {
      if (mine !== seq) return;
      const items = [].concat.apply([], pages.map(function (p) { return p.items || []; }))
        .sort(function (a, b) { return b.id - a.id; });
      const total = pages.reduce(function (sum, p) { return sum + (p.total || 0); }, 0);
      if (!items.length) {
        replace(results, h('p', { class: 'muted', id: 'live-pick-empty', i18n: 'live.pickNone' }));
        return;
      }
      replace(results,
        h('p', { class: 'hint', i18n: total > items.length ? 'live.pickShownOf' : 'live.pickShown', args: { n: items.length, total: total } }),
        h('ul', { class: 'live-pick-list' }, items.map(row)));
      sync();
    }, function (err) {
      if (mine === seq) replace(results, errorView(err, search));
    });
  }

  function row(item) {
    const box = h('input', { type: 'checkbox', id: 'live-pick-' + item.id, value: String(item.id), 'data-question-id': String(item.id) });
    box.addEventListener('change', function () {
      const list = parseIds(ids.value);
      const at = list.indexOf(item.id);
      if (box.checked && at < 0) list.push(item.id);
      if (!box.checked && at >= 0) list.splice(at, 1);
      ids.value = list.join(', ');
      onChange();
    });
    return h('li', { class: 'live-pick-item' },
      box,
      h('label', { for: 'live-pick-' + item.id },
        h('span', { class: 'chip chip-type', i18n: 'qtype.' + item.type }), ' ',
        h('span', { class: 'live-pick-stem', text: item.stem }),
        h('span', { class: 'live-pick-id', text: '#' + item.id })));
  }

  // Ticks follow the ids field (typed or pasted ids tick their rows).
  function sync() {
    const list = parseIds(ids.value);
    const boxes = results.querySelectorAll('input[type=checkbox]');
    for (let i = 0; i < boxes.length; i++) boxes[i].checked = list.indexOf(parseInt(boxes[i].value, 10)) >= 0;
  }

  const el = h('fieldset', { class: 'field live-pick' },
    h('legend', { i18n: 'live.pickLegend' }),
    h('div', { class: 'live-pick-bar' }, q, type, go),
    results);
  search();
  return { el: el, sync: sync };
}
