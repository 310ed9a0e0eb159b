// The per-question countdown, a guide only: the server decides whether an answer was late. It counts from
// the moment the server starts timing the question (the previous answer, or the start of the entry), which
// the record keeps as clockFrom, so a reload does not give fresh time. Screen readers hear "10 seconds left"
// once, never every second.
import { h } from '../dom.js';
import { t } from '../i18n.js';

const LOW_SECONDS = 10;

/**
 * A timer element for `seconds` per question counted from `from` (ms since the epoch). onLow() runs once at
 * 10 s left, onOut() once at 0. Returns {el, left() → seconds, stop()}.
 */
export function createCountdown(seconds, from, onLow, onOut) {
  const value = h('span', { class: 'quiz-timer-value', id: 'quiz-timer-value' });
  const el = h('div', { class: 'quiz-timer', id: 'quiz-timer', role: 'timer', 'aria-live': 'off' },
    h('span', { class: 'quiz-timer-label', i18n: 'quiz.timeLeft' }), value);
  let lowSaid = false;
  let outSaid = false;
  function left() {
    return Math.max(0, Math.ceil((from + seconds * 1000 - Date.now()) / 1000));
  }
  function tick() {
    const s = left();
    value.textContent = s > 0 ? t('quiz.seconds', { n: s }) : t('quiz.timeUp');
    el.classList.toggle('is-low', s <= LOW_SECONDS);
    el.classList.toggle('is-out', s === 0);
    // Joining after the mark (a reload) says nothing; crossing it says it once.
    if (s <= LOW_SECONDS && s > 0 && !lowSaid) {
      lowSaid = true;
      if (s >= LOW_SECONDS - 1 && onLow) onLow(s);
    }
    if (s === 0 && !outSaid) {
      outSaid = true;
      if (onOut) onOut();
    }
  }
  tick();
  const interval = setInterval(tick, 250);
  return {
    el: el,
    left: left,
    stop: function () { clearInterval(interval); },
  };
}
