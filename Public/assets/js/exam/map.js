// 答题卡, the question map: one numbered button per question showing answered / unanswered / flagged (and
// unsaved), the current one marked. One tab stop; the arrow keys, Home and End move between numbers.
import { h } from '../dom.js';
import { t, onLangChange } from '../i18n.js';

/**
 * items: the attempt's items; onPick(index) jumps; onSubmit() opens the submit confirmation.
 * Returns {el, update(slot, {answered, flagged, save}), setCurrent(index), focus()}.
 */
export function questionMap(items, onPick, onSubmit) {
  const states = {};
  let current = 0;
  const buttons = items.map(function (item, i) {
    return h('button', { type: 'button', class: 'exam-map-btn', 'data-index': i, 'data-slot': item.slot, tabindex: i === 0 ? '0' : '-1',
      text: String(i + 1), onclick: function () { onPick(i); } });
  });
  const grid = h('div', { class: 'exam-map-grid', role: 'group', 'aria-labelledby': 'exam-map-title' }, buttons);
  grid.addEventListener('keydown', function (event) {
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    const perRow = Math.max(1, Math.round(grid.clientWidth / (buttons[0].offsetWidth + 6)) || 5);
    let to = null;
    if (event.key === 'ArrowRight') to = at + 1;
    else if (event.key === 'ArrowLeft') to = at - 1;
    else if (event.key === 'ArrowDown') to = at + perRow;
    else if (event.key === 'ArrowUp') to = at - perRow;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = buttons.length - 1;
    if (to === null) return;
    event.preventDefault();
    to = Math.max(0, Math.min(buttons.length - 1, to));
    roving(to);
    buttons[to].focus();
  });
  function roving(i) {
    buttons.forEach(function (b, j) { b.setAttribute('tabindex', j === i ? '0' : '-1'); });
  }
  function label(i) {
    const s = states[items[i].slot] || {};
    const parts = [t('exam.mapQuestion', { n: i + 1 }), t(s.answered ? 'exam.mapAnswered' : 'exam.mapUnanswered')];
    if (s.flagged) parts.push(t('exam.mapFlagged'));
    if (s.save === 'unsaved' || s.save === 'error') parts.push(t('exam.statusUnsaved'));
    if (i === current) parts.push(t('exam.mapCurrent'));
    return parts.join(t('exam.labelSep'));
  }
  function paint(i) {
    const b = buttons[i];
    const s = states[items[i].slot] || {};
    b.className = 'exam-map-btn' + (s.answered ? ' is-answered' : '') + (s.flagged ? ' is-flagged' : '') +
      (s.save === 'unsaved' || s.save === 'error' ? ' is-unsaved' : '') + (i === current ? ' is-current' : '');
    b.setAttribute('aria-label', label(i));
    if (i === current) b.setAttribute('aria-current', 'step');
    else b.removeAttribute('aria-current');
  }
  onLangChange(function () { buttons.forEach(function (b, i) { paint(i); }); });
  const submit = h('button', { type: 'button', class: 'btn btn-primary btn-block', id: 'exam-submit', i18n: 'exam.submit', onclick: onSubmit });
  const el = h('aside', { class: 'card exam-map', id: 'exam-map', 'aria-labelledby': 'exam-map-title' },
    h('h2', { id: 'exam-map-title', tabindex: '-1', i18n: 'exam.map' }),
    h('ul', { class: 'exam-map-legend', 'aria-hidden': 'true' },
      h('li', null, h('span', { class: 'exam-map-swatch is-answered' }), h('span', { i18n: 'exam.mapAnswered' })),
      h('li', null, h('span', { class: 'exam-map-swatch' }), h('span', { i18n: 'exam.mapUnanswered' })),
      h('li', null, h('span', { class: 'exam-map-swatch is-flagged' }), h('span', { i18n: 'exam.mapFlagged' })),
      h('li', null, h('span', { class: 'exam-map-swatch is-current' }), h('span', { i18n: 'exam.mapCurrent' }))),
    grid,
    h('p', { class: 'hint', i18n: 'exam.mapHint' }),
    submit);
  return {
    el: el,
    update: function (slot, state) {
      states[slot] = state;
      for (let i = 0; i < items.length; i++) if (items[i].slot === slot) paint(i);
    },
    setCurrent: function (i) {
      const before = current;
      current = i;
      paint(before);
      paint(i);
      roving(i);
    },
    focus: function () {
      el.scrollIntoView({ block: 'start' });
      buttons[current] ? buttons[current].focus() : el.querySelector('h2').focus();
    },
  };
}
