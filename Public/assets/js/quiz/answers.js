// The answer controls of one quiz question: large option rows (radio for single choice and 正确/错误,
// checkboxes for multiple choice), one box per blank. A question is answered once: after the verdict the
// controls lock and mark the key (✓) and a wrong choice (✗).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { letter, stemNodes } from '../exam/answers.js';

export { stemNodes, letter };

/** Option labels (text or i18n key) for item: judge questions get 正确 / 错误. */
function optionsOf(item) {
  if (item.type === 'judge') return [{ key: 'quiz.true' }, { key: 'quiz.false' }];
  return (item.options || []).map(function (text) { return { text: text }; });
}

function blankCount(item) {
  if (typeof item.blanks === 'number' && item.blanks > 0) return item.blanks;
  const found = (item.stem || '').match(/[_\uff3f]{3,}/g);
  return found ? found.length : 1;
}

/**
 * Builds the controls for item, showing `given` (a response already sent) when there is one.
 * Returns {el, first, read() → response|null, lock(feedback|null)}.
 */
export function quizControls(item, given) {
  if (item.type === 'blank') return blanks(item, given);
  return choices(item, given);
}

function choices(item, given) {
  const multiple = item.type === 'multiple';
  const chosen = responseIndexes(item, given);
  const inputs = [];
  const rows = optionsOf(item).map(function (opt, i) {
    const id = 'quiz-answer-' + item.slot + '-' + i;
    const input = h('input', { type: multiple ? 'checkbox' : 'radio', id: id, name: 'quiz-answer-' + item.slot, value: String(i),
      checked: chosen.indexOf(i) >= 0 });
    inputs.push(input);
    const label = h('label', { class: 'quiz-option' + (chosen.indexOf(i) >= 0 ? ' is-checked' : ''), for: id },
      input,
      item.type === 'judge'
        ? h('span', { class: 'quiz-option-text', i18n: opt.key })
        : [h('span', { class: 'quiz-option-letter', 'aria-hidden': 'true', text: letter(i) }),
          h('span', { class: 'visually-hidden', text: letter(i) + ' ' }),
          h('span', { class: 'quiz-option-text', text: opt.text })],
      h('span', { class: 'quiz-option-mark', 'aria-hidden': 'true' }),
      h('span', { class: 'visually-hidden quiz-option-note' }));
    return h('li', null, label);
  });
  const list = h('ul', { class: 'quiz-options' + (item.type === 'judge' ? ' quiz-judge' : '') }, rows);
  // :has() is missing in older WeChat WebViews, so the checked look is a class.
  list.addEventListener('change', function () {
    inputs.forEach(function (el) { el.parentNode.classList.toggle('is-checked', el.checked); });
  });
  const legendKey = multiple ? 'quiz.pickMany' : (item.type === 'judge' ? 'quiz.pickJudge' : 'quiz.pickOne');
  const el = h('fieldset', { class: 'quiz-choice' }, h('legend', { class: 'quiz-choice-legend', i18n: legendKey }), list);
  return {
    el: el,
    first: inputs[0],
    read: function () {
      const picked = [];
      inputs.forEach(function (input, i) { if (input.checked) picked.push(i); });
      if (!picked.length) return null;
      if (item.type === 'judge') return { judge: picked[0] === 0 };
      return { choice: picked };
    },
    lock: function (feedback) {
      const key = feedback ? keyIndexes(item, feedback.key) : [];
      inputs.forEach(function (input, i) {
        input.disabled = true;
        const label = input.parentNode;
        label.classList.add('is-locked');
        const isKey = key.indexOf(i) >= 0;
        const wrong = input.checked && feedback && !isKey;
        label.classList.toggle('is-key', isKey);
        label.classList.toggle('is-wrong', Boolean(wrong));
        const note = label.querySelector('.quiz-option-note');
        if (note) note.textContent = isKey ? t('quiz.optionIsKey') : (wrong ? t('quiz.optionWrong') : '');
      });
    },
  };
}

function blanks(item, given) {
  const n = blankCount(item);
  const values = given && Array.isArray(given.blanks) ? given.blanks : [];
  const inputs = [];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const id = 'quiz-answer-' + item.slot + '-blank-' + i;
    const input = h('input', { type: 'text', id: id, class: 'quiz-blank-input', value: values[i] || '', autocomplete: 'off',
      autocapitalize: 'off', spellcheck: 'false', maxlength: 100, enterkeyhint: 'done' });
    inputs.push(input);
    rows.push(h('div', { class: 'quiz-blank-row' }, h('label', { for: id, i18n: 'quiz.blankN', args: { n: i + 1 } }), input));
  }
  return {
    el: h('div', { class: 'quiz-blanks' }, rows),
    first: inputs[0],
    read: function () {
      const list = inputs.map(function (el) { return el.value.trim(); });
      return list.some(function (v) { return v !== ''; }) ? { blanks: list } : null;
    },
    lock: function () {
      inputs.forEach(function (el) { el.readOnly = true; el.classList.add('is-locked'); });
    },
  };
}

function responseIndexes(item, r) {
  if (!r) return [];
  if (item.type === 'judge') return r.judge === true ? [0] : r.judge === false ? [1] : [];
  return Array.isArray(r.choice) ? r.choice : [];
}

/** The key as option indexes (0 = 正确 for judge questions). */
export function keyIndexes(item, key) {
  if (!key) return [];
  if (item.type === 'judge') return key.judge === true ? [0] : key.judge === false ? [1] : [];
  return Array.isArray(key.choice) ? key.choice : [];
}

/** The key as nodes: "B. 12月4日", "A. …；C. …", 正确 (translated in place), or the blanks' accepted answers. */
export function keyNodes(item, key) {
  if (!key) return [];
  if (item.type === 'judge') return [h('span', { i18n: key.judge ? 'quiz.true' : 'quiz.false' })];
  if (Array.isArray(key.blanks)) return [key.blanks.join('；')];
  return keyIndexes(item, key).map(function (i) {
    const text = (item.options || [])[i];
    return h('span', { class: 'quiz-key-item' }, letter(i) + (text ? '. ' + text : ''));
  });
}
