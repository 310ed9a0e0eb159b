// The segment builder's condition rows: for each field the inputs that fit it (checkboxes for groups and age bands,
// tree pickers for regions and units, words for occupations and interests, topic/threshold/days for accuracy, a
// content picker for reading, another saved segment). Each input writes straight into its condition object and
// calls onChange, which schedules the live count.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { treeChoices } from './refs.js';
import { GROUPS, AGE_BANDS } from './audience-data.js';
import { splitWords } from './profiles.js';

let counter = 0;
function uid(prefix) { counter += 1; return prefix + '-' + counter; }

/** One labelled control in a row. */
function labelled(labelKey, control) {
  const id = control.id || uid('c');
  control.id = id;
  return h('div', { class: 'field seg-input' }, h('label', { for: id, i18n: labelKey }), control);
}

function checkList(cond, key, codes, labelPrefix, onChange) {
  return h('div', { class: 'checks seg-checks', role: 'group', i18nAttr: { 'aria-label': 'seg.field.' + cond.field } }, codes.map(function (code) {
    const id = uid('chk');
    const box = h('input', { type: 'checkbox', id: id, value: code, checked: cond[key].indexOf(code) >= 0, onchange: function () {
      const boxes = box.closest('.seg-checks').querySelectorAll('input');
      cond[key] = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; });
      onChange();
    } });
    return h('div', { class: 'check' }, box, h('label', { for: id, i18n: labelPrefix + code }));
  }));
}

function select(choices, value, onPick) {
  const el = h('select', { onchange: function () { onPick(el.value); } }, choices.map(function (c) {
    return h('option', { value: c.value, selected: String(c.value) === String(value), i18n: c.key || null }, c.key ? null : c.text);
  }));
  return el;
}

function number(value, min, max, onValue) {
  const el = h('input', { type: 'number', inputmode: 'numeric', min: min, max: max, value: value === null || value === undefined ? '' : value,
    class: 'seg-number', oninput: function () { onValue(el.value === '' ? null : Number(el.value)); } });
  return el;
}

function words(cond, onChange) {
  const el = h('input', { type: 'text', value: (cond.in || []).join('，'), autocomplete: 'off', i18nAttr: { placeholder: 'seg.wordsHint' },
    oninput: function () { cond.in = splitWords(el.value); onChange(); } });
  return labelled('seg.words', el);
}

/** The inputs of one condition. refs: {units, regions, contents, segments, selfId}. */
export function conditionInputs(cond, refs, onChange) {
  const set = function (key) { return function (v) { cond[key] = v; onChange(); }; };
  switch (cond.field) {
    case 'group': return checkList(cond, 'in', GROUPS, 'audience.', onChange);
    case 'ageBand': return checkList(cond, 'in', AGE_BANDS, 'ageBand.', onChange);
    case 'region': case 'unit': {
      const items = cond.field === 'region' ? refs.regions : refs.units;
      return labelled(cond.field === 'region' ? 'seg.pickRegion' : 'seg.pickUnit', select([{ value: '', key: 'seg.choose' }].concat(treeChoices(items)), cond.within[0] || '', function (v) {
        cond.within = v ? [Number(v)] : []; onChange();
      }));
    }
    case 'occupation': case 'interest': return words(cond, onChange);
    case 'account': return labelled('seg.accountIs', select([{ value: 'true', key: 'seg.account.yes' }, { value: 'false', key: 'seg.account.no' }],
      String(cond.is), function (v) { cond.is = v === 'true'; onChange(); }));
    case 'accuracy': return accuracyInputs(cond, onChange);
    case 'read': case 'finished': {
      const pick = labelled('seg.content', select([{ value: '', key: 'seg.choose' }].concat(refs.contents.map(function (c) {
        return { value: c.slug, text: c.title };
      })), cond.content, set('content')));
      if (cond.field === 'finished') return pick;
      return [pick, labelled('seg.readDays', number(cond.days, 1, 3650, function (v) {
        if (v === null) delete cond.days; else cond.days = v;
        onChange();
      }))];
    }
    case 'active': return labelled('seg.activeDays', number(cond.days, 1, 3650, set('days')));
    default: return labelled('seg.otherSegment', select([{ value: '', key: 'seg.choose' }].concat(refs.segments.filter(function (s) {
      return s.id !== refs.selfId;
    }).map(function (s) { return { value: s.id, text: s.name }; })), cond.id || '', function (v) { cond.id = v ? Number(v) : null; onChange(); }));
  }
}

function accuracyInputs(cond, onChange) {
  const below = cond.below !== undefined;
  const threshold = below ? cond.below : cond.atLeast;
  const topic = h('input', { type: 'text', value: cond.topic || '', autocomplete: 'off', i18nAttr: { placeholder: 'seg.topicHint' },
    oninput: function () { cond.topic = topic.value.trim(); onChange(); } });
  const compare = select([{ value: 'below', key: 'seg.below' }, { value: 'atLeast', key: 'seg.atLeast' }], below ? 'below' : 'atLeast', function (v) {
    const value = cond.below !== undefined ? cond.below : cond.atLeast;
    delete cond.below; delete cond.atLeast;
    cond[v] = value;
    onChange();
  });
  const percent = number(Math.round((threshold || 0) * 100), 0, 100, function (v) {
    const key = cond.below !== undefined ? 'below' : 'atLeast';
    cond[key] = v === null ? null : v / 100;
    onChange();
  });
  return [labelled('seg.topic', topic), labelled('seg.compare', compare), labelled('seg.percent', percent),
    labelled('seg.days', number(cond.days, 1, 3650, function (v) { cond.days = v; onChange(); })),
    labelled('seg.minAnswered', number(cond.minAnswered || 1, 1, 1000, function (v) { cond.minAnswered = v; onChange(); }))];
}

/** A condition row: its field's name, its inputs and a remove button. */
export function conditionRow(cond, refs, onChange, onRemove) {
  return h('div', { class: 'seg-cond', 'data-field': cond.field },
    h('div', { class: 'seg-cond-head' }, h('strong', { i18n: 'seg.field.' + cond.field }),
      h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', i18n: 'seg.remove',
        i18nAttr: { 'aria-label': 'seg.removeLabel' }, args: { field: t('seg.field.' + cond.field) }, onclick: onRemove })),
    h('div', { class: 'seg-cond-body' }, conditionInputs(cond, refs, onChange)));
}
