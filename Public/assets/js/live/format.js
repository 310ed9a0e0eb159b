// What phones and the big screen say the same way: option letters, the true/false pair, the key, phases.
import { h } from '../dom.js';

/** "A", "B", … for option i. */
export function letter(i) {
  return String.fromCharCode(65 + i);
}

/**
 * The answer choices of a question in display order: [{label, key|text}], where a true/false question has
 * 正确 then 错误 (the order of its distribution: true-count, false-count).
 */
export function choices(question) {
  if (question.type === 'judge') {
    return [{ label: '✓', key: 'live.true' }, { label: '✗', key: 'live.false' }];
  }
  return (question.options || []).map(function (text, i) { return { label: letter(i), text: text }; });
}

/** The indexes (in choices() order) that the key marks right. */
export function keyIndexes(key) {
  if (!key) return [];
  if (key.judge === true) return [0];
  if (key.judge === false) return [1];
  return key.choice || [];
}

/** The indexes (in choices() order) of a response {choice} or {judge}. */
export function responseIndexes(response) {
  return response ? keyIndexes(response) : [];
}

/** A text node for one choice: translated for 正确/错误, the option's own words otherwise. */
export function choiceText(choice, props) {
  const base = Object.assign({}, props || {});
  if (choice.key) base.i18n = choice.key;
  else base.text = choice.text;
  return h('span', base);
}

/** The key in words: "B. 12月4日" or "正确", for the reveal. */
export function keyLine(question, key) {
  const all = choices(question);
  return keyIndexes(key).map(function (i) {
    const c = all[i];
    if (!c) return null;
    return h('span', { class: 'live-key-item' },
      question.type === 'judge' ? null : h('b', { text: c.label + '. ' }),
      choiceText(c));
  });
}

/** Whole-number formatting with thousands separators (1,850). */
export function num(n) {
  return String(Math.round(n || 0)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
