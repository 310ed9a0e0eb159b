// The answer controls of one question, per type: radio buttons (single choice, 正确/错误), checkboxes
// (multiple choice), one box per blank, a text area for a case. Each change reports the response in the
// API's shape; typing is flagged so the saver can wait for a pause before sending.
import { h } from '../dom.js';
import { t } from '../i18n.js';

const BLANK = /[_\uff3f]{3,}/g;

/** "A", "B", … for option i. */
export function letter(i) {
  return String.fromCharCode(65 + i);
}

/** The stem as nodes; in a fill-in question every ____ becomes a numbered gap "（1）____". */
export function stemNodes(item) {
  const stem = item.stem || '';
  if (item.type !== 'blank') return [stem];
  const out = [];
  let n = 0;
  let last = 0;
  stem.replace(BLANK, function (match, offset) {
    out.push(stem.slice(last, offset));
    n++;
    out.push(h('span', { class: 'exam-gap', text: '（' + n + '）＿＿＿' }));
    last = offset + match.length;
    return match;
  });
  out.push(stem.slice(last));
  return out;
}

function blankCount(item) {
  if (typeof item.blanks === 'number' && item.blanks > 0) return item.blanks;
  const found = (item.stem || '').match(BLANK);
  return found ? found.length : 1;
}

/**
 * Builds the controls for item with its current response. onChange(response, typing) runs on every
 * change. Returns {el, first} (first: the control to focus when asked).
 */
export function answerControls(item, response, onChange) {
  const slot = item.slot;
  const r = response || {};
  if (item.type === 'single' || item.type === 'multiple' || item.type === 'judge') return choices(item, r, onChange);
  if (item.type === 'blank') {
    const n = blankCount(item);
    const values = Array.isArray(r.blanks) ? r.blanks.slice() : [];
    const inputs = [];
    const rows = [];
    for (let i = 0; i < n; i++) {
      const id = 'answer-' + slot + '-blank-' + i;
      const input = h('input', { type: 'text', id: id, class: 'exam-blank-input', value: values[i] || '', autocomplete: 'off',
        autocapitalize: 'off', spellcheck: 'false', maxlength: 200, 'data-blank': i });
      inputs.push(input);
      rows.push(h('div', { class: 'exam-blank-row' }, h('label', { for: id, i18n: 'exam.blankN', args: { n: i + 1 } }), input));
    }
    function read() { return { blanks: inputs.map(function (el) { return el.value; }) }; }
    inputs.forEach(function (input) {
      input.addEventListener('input', function () { onChange(read(), true); });
      input.addEventListener('change', function () { onChange(read(), false); });
    });
    return { el: h('div', { class: 'exam-blanks' }, rows), first: inputs[0] };
  }
  // A case (案例分析): free text, marked by hand.
  const id = 'answer-' + slot + '-text';
  const count = h('p', { class: 'hint exam-char-count', id: id + '-count', 'aria-live': 'off' });
  const area = h('textarea', { id: id, class: 'exam-essay', rows: 8, maxlength: 5000, value: r.text || '',
    'aria-describedby': id + '-count' });
  function showCount() {
    const args = { n: Array.from(area.value).length };
    count.setAttribute('data-i18n', 'exam.charCount');
    count.setAttribute('data-i18n-args', JSON.stringify(args));
    count.textContent = t('exam.charCount', args);
  }
  area.addEventListener('input', function () { showCount(); onChange({ text: area.value }, true); });
  area.addEventListener('change', function () { onChange({ text: area.value }, false); });
  showCount();
  return { el: h('div', { class: 'field exam-essay-field' }, h('label', { for: id, i18n: 'exam.essayLabel' }), area, count), first: area };
}

function choices(item, r, onChange) {
  const slot = item.slot;
  const multiple = item.type === 'multiple';
  const labels = item.type === 'judge' ? [t('exam.true'), t('exam.false')] : (item.options || []);
  const chosen = item.type === 'judge'
    ? (r.judge === true ? [0] : r.judge === false ? [1] : [])
    : (Array.isArray(r.choice) ? r.choice : []);
  const inputs = [];
  const list = h('ul', { class: 'exam-options' + (item.type === 'judge' ? ' exam-judge' : '') }, labels.map(function (text, i) {
    const id = 'answer-' + slot + '-' + i;
    const input = h('input', { type: multiple ? 'checkbox' : 'radio', id: id, name: 'answer-' + slot, value: String(i),
      checked: chosen.indexOf(i) >= 0 });
    inputs.push(input);
    return h('li', null, h('label', { class: 'exam-option', for: id },
      input,
      item.type === 'judge'
        ? h('span', { class: 'exam-option-text', i18n: i === 0 ? 'exam.true' : 'exam.false' })
        : [h('span', { class: 'exam-option-letter', 'aria-hidden': 'true', text: letter(i) + '.' }),
          h('span', { class: 'visually-hidden', text: letter(i) + ' ' }),
          h('span', { class: 'exam-option-text', text: text })]));
  }));
  function read() {
    const picked = [];
    inputs.forEach(function (el, i) { if (el.checked) picked.push(i); });
    if (item.type === 'judge') return picked.length ? { judge: picked[0] === 0 } : null;
    return { choice: picked };
  }
  // Any choice can be taken back, a judgement too: an empty choice is the API's "no answer" for these types.
  const clear = h('button', { type: 'button', class: 'btn btn-small btn-quiet exam-clear',
    i18n: 'exam.clearAnswer', hidden: !chosen.length, onclick: function () {
      inputs.forEach(function (el) { el.checked = false; });
      clear.hidden = true;
      onChange({ choice: [] }, false);
      if (inputs[0]) inputs[0].focus();
    } });
  list.addEventListener('change', function () {
    const response = read();
    clear.hidden = !response || (Array.isArray(response.choice) && !response.choice.length);
    if (response) onChange(response, false);
  });
  const legendKey = multiple ? 'exam.pickMany' : 'exam.pickOne';
  return {
    el: h('fieldset', { class: 'exam-choice' }, h('legend', { class: 'exam-choice-legend', i18n: legendKey }), list, clear),
    first: inputs[0],
  };
}
