// The piece's form: address (new pieces only), title and summary with their counts, the Markdown body with a
// cheat-sheet, topics, audiences, regions, legal basis (one per line), related questions, status and dates, and
// the note saved with the version. read() gives the body PUT /content-admin/{slug} takes.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { imageTool } from './content-image.js';
import { AUDIENCES, STATUSES, LIMITS, BODY_ADVICE, splitList, splitLines, charCount } from './content-data.js';

function label(id, key, required) {
  return h('label', { for: id }, h('span', { i18n: key }), required ? h('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null);
}

function hint(id, key, args) {
  return h('p', { class: 'hint', id: id + '-hint', i18n: key, args: args });
}

function input(id, name, value, extra) {
  return h('input', Object.assign({ type: 'text', id: id, name: name, value: value || '', autocomplete: 'off',
    'aria-describedby': id + '-hint' }, extra || {}));
}

/** A live "12 / 60" under a field; over the limit it turns red and says so. */
function counter(field, limit) {
  const out = h('p', { class: 'c-count hint', id: field.id + '-count' });
  field.setAttribute('aria-describedby', field.id + '-hint ' + out.id);
  function update() {
    const n = charCount(field.value.trim());
    out.classList.toggle('is-over', n > limit);
    out.setAttribute('data-i18n', n > limit ? 'contentAdmin.countOver' : 'contentAdmin.count');
    out.setAttribute('data-i18n-args', JSON.stringify({ n: n, max: limit }));
    out.textContent = t(out.getAttribute('data-i18n'), { n: n, max: limit });
  }
  field.addEventListener('input', update);
  update();
  return out;
}

/** piece: the loaded piece, or null for a new one. onChange() runs after every edit. Returns {form, read(), fields}. */
export function contentForm(piece, onChange) {
  const p = piece || { status: 'draft', audiences: [], topics: [], basis: [], regions: [], questions: [] };
  const isNew = !piece;
  const slug = isNew ? input('c-slug', 'slug', '', { 'aria-required': 'true', spellcheck: 'false', autocapitalize: 'none',
    maxlength: LIMITS.slugMax, pattern: '[a-z0-9-]+' }) : null;
  const address = isNew ? h('p', { class: 'hint c-address', id: 'c-slug-address' }) : null;
  const title = input('c-title', 'title', p.title, { 'aria-required': 'true' });
  const summary = h('textarea', { id: 'c-summary', name: 'summary', rows: 2, value: p.summary || '', 'aria-required': 'true' });
  const body = h('textarea', { id: 'c-body', name: 'body', rows: 18, value: p.body || '', 'aria-required': 'true', spellcheck: 'false',
    'aria-describedby': 'c-body-hint c-body-count', i18nAttr: { placeholder: 'contentAdmin.bodyPlaceholder' } });
  const bodyCount = h('p', { class: 'hint c-count', id: 'c-body-count' });
  const basis = h('textarea', { id: 'c-basis', name: 'basis', rows: 3, value: (p.basis || []).join('\n'), 'aria-required': 'true',
    'aria-describedby': 'c-basis-hint' });

  const form = h('form', { class: 'card c-form', id: 'content-form', novalidate: true, 'aria-labelledby': 'c-form-title' },
    h('h2', { id: 'c-form-title', class: 'visually-hidden', i18n: isNew ? 'contentAdmin.newTitle' : 'contentAdmin.editTitle' }),
    h('p', { class: 'hint q-required-note', i18n: 'contentAdmin.requiredNote' }),
    h('h3', { class: 'q-group-title', i18n: 'contentAdmin.groupText' }),
    isNew ? h('div', { class: 'field' }, label('c-slug', 'contentAdmin.slug', true), slug,
      hint('c-slug', 'contentAdmin.slugHint'), address) : null,
    h('div', { class: 'field' }, label('c-title', 'contentAdmin.title', true), title, hint('c-title', 'contentAdmin.titleHint'),
      counter(title, LIMITS.title)),
    h('div', { class: 'field' }, label('c-summary', 'contentAdmin.summary', true), summary,
      hint('c-summary', 'contentAdmin.summaryHint'), counter(summary, LIMITS.summary)),
    h('div', { class: 'field c-body-field' }, label('c-body', 'contentAdmin.body', true),
      h('p', { class: 'hint', id: 'c-body-hint', i18n: 'contentAdmin.bodyHint' }),
      cheatSheet(),
      body, h('div', { class: 'c-body-status' }, bodyCount),
      h('div', { class: 'c-body-tools' },
        h('button', { type: 'button', class: 'btn btn-small', id: 'c-insert-quotes', i18n: 'contentAdmin.insertQuotes',
          'aria-describedby': 'c-insert-quotes-hint', onclick: insertQuotes }),
        h('p', { class: 'hint', id: 'c-insert-quotes-hint', i18n: 'contentAdmin.insertQuotesHint' })),
      imageTool(body, function () { changed(); })),
    h('h3', { class: 'q-group-title', i18n: 'contentAdmin.groupClassify' }),
    h('div', { class: 'field' }, label('c-basis', 'contentAdmin.basis', true), basis, hint('c-basis', 'contentAdmin.basisHint')),
    h('div', { class: 'field' }, label('c-topics', 'contentAdmin.topics', true),
      input('c-topics', 'topics', (p.topics || []).join('、'), { 'aria-required': 'true' }), hint('c-topics', 'contentAdmin.topicsHint')),
    h('fieldset', { class: 'field c-audiences', id: 'c-audiences', 'aria-describedby': 'c-audiences-hint' },
      h('legend', null, h('span', { i18n: 'contentAdmin.audiences' }), h('span', { class: 'req', 'aria-hidden': 'true', text: ' *' })),
      h('p', { class: 'hint', id: 'c-audiences-hint', i18n: 'contentAdmin.audiencesHint' }),
      h('div', { class: 'checks' }, AUDIENCES.map(function (a) {
        const id = 'c-audience-' + a;
        return h('div', { class: 'check' },
          h('input', { type: 'checkbox', id: id, name: 'audiences', value: a, checked: (p.audiences || []).indexOf(a) >= 0 }),
          h('label', { for: id, i18n: 'audience.' + a }));
      }))),
    h('div', { class: 'field' }, label('c-regions', 'contentAdmin.regions'),
      input('c-regions', 'regions', (p.regions || []).join('、')), hint('c-regions', 'contentAdmin.regionsHint')),
    h('div', { class: 'field' }, label('c-questions', 'contentAdmin.questions'),
      input('c-questions', 'questions', (p.questions || []).join(', '), { spellcheck: 'false', autocapitalize: 'none' }),
      hint('c-questions', 'contentAdmin.questionsHint')),
    h('h3', { class: 'q-group-title', i18n: 'contentAdmin.groupPublish' }),
    h('div', { class: 'field field-short' }, label('c-status', 'contentAdmin.status'),
      h('select', { id: 'c-status', name: 'status', 'aria-describedby': 'c-status-hint' }, STATUSES.map(function (s) {
        return h('option', { value: s, selected: s === (p.status || 'draft'), i18n: 'contentAdmin.statusOption.' + s });
      })),
      hint('c-status', 'contentAdmin.statusHint')),
    h('div', { class: 'q-field-pair' },
      h('div', { class: 'field' }, label('c-publish', 'contentAdmin.publish'),
        input('c-publish', 'publish', p.publish, { type: 'date' }), hint('c-publish', 'contentAdmin.publishHint')),
      h('div', { class: 'field' }, label('c-expire', 'contentAdmin.expire'),
        input('c-expire', 'expire', p.expire, { type: 'date' }), hint('c-expire', 'contentAdmin.expireHint'))));

  function bodyChars() {
    // Roughly what readers read: Markdown's marks and spaces do not count.
    return charCount(body.value.replace(/[\s#>*|`_~\-]/g, ''));
  }
  function updateBodyCount() {
    const n = bodyChars();
    const args = { n: n, min: BODY_ADVICE.min, max: BODY_ADVICE.max };
    bodyCount.setAttribute('data-i18n', 'contentAdmin.bodyCount');
    bodyCount.setAttribute('data-i18n-args', JSON.stringify(args));
    bodyCount.textContent = t('contentAdmin.bodyCount', args);
  }
  function updateAddress() {
    if (!slug) return;
    const value = slug.value.trim();
    const args = { path: '/read#/' + (value || '…') };
    address.setAttribute('data-i18n', 'contentAdmin.slugAddress');
    address.setAttribute('data-i18n-args', JSON.stringify(args));
    address.textContent = t('contentAdmin.slugAddress', args);
  }
  // The 法条原文 section FORMAT.md asks for: one block quote per basis line, for the editor to fill in.
  function insertQuotes() {
    const lines = splitLines(basis.value);
    const quotes = (lines.length ? lines : [t('contentAdmin.basisExample')]).map(function (b) {
      return '> **' + b + '**\u3000' + t('contentAdmin.quotePlaceholder');
    });
    const section = '## ' + t('contentAdmin.quotesHeading') + '\n\n' + quotes.join('\n\n') + '\n';
    const text = body.value.replace(/\s+$/, '');
    body.value = (text ? text + '\n\n' : '') + section;
    body.focus();
    body.selectionStart = body.selectionEnd = body.value.length;
    changed();
  }
  function changed() {
    updateBodyCount();
    updateAddress();
    onChange();
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  if (slug) {
    // Addresses are lower case: fold what is typed, so "Fan-Zha" becomes "fan-zha" rather than an error.
    slug.addEventListener('input', function () {
      const lower = slug.value.toLowerCase();
      if (lower !== slug.value) slug.value = lower;
    });
  }
  updateBodyCount();
  updateAddress();

  function read() {
    const els = form.elements;
    const out = {
      title: els.title.value.trim(),
      summary: els.summary.value.trim(),
      body: body.value,
      topics: splitList(els.topics.value),
      audiences: checked(form, 'audiences'),
      regions: splitList(els.regions.value),
      basis: splitLines(basis.value),
      questions: splitList(els.questions.value.replace(/\s+/g, ',')),
      publish: els.publish.value || null,
      expire: els.expire.value || null,
      status: els.status.value,
    };
    return out;
  }
  return { form: form, read: read, slug: slug };
}

function checked(form, name) {
  const out = [];
  const boxes = form.querySelectorAll('input[name=' + name + ']');
  for (let i = 0; i < boxes.length; i++) if (boxes[i].checked) out.push(boxes[i].value);
  return out;
}

const CHEATS = [
  ['## 以案释法', 'contentAdmin.cheat.heading'],
  ['**重点**', 'contentAdmin.cheat.bold'],
  ['- 一项\n- 又一项', 'contentAdmin.cheat.list'],
  ['1. 第一步\n2. 第二步', 'contentAdmin.cheat.numbered'],
  ['> **《…》第…条**　条文', 'contentAdmin.cheat.quote'],
  ['| 顺序 | 继承人 |\n|---|---|\n| 第一顺序 | 配偶、子女、父母 |', 'contentAdmin.cheat.table'],
  ['[文字](https://…)', 'contentAdmin.cheat.link'],
];

function cheatSheet() {
  const rows = h('tbody');
  replace(rows, CHEATS.map(function (c) {
    return h('tr', null, h('td', null, h('pre', { class: 'c-cheat-code', text: c[0] })), h('td', { i18n: c[1] }));
  }));
  return h('details', { class: 'c-cheats', id: 'c-cheats' },
    h('summary', { i18n: 'contentAdmin.cheatTitle' }),
    h('table', { class: 'c-cheat-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', i18n: 'contentAdmin.cheatWrite' }), h('th', { scope: 'col', i18n: 'contentAdmin.cheatGet' }))),
      rows),
    h('p', { class: 'hint', i18n: 'contentAdmin.cheatNote' }));
}
