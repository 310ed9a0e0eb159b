// The question's countdown on phones and the big screen. The time left is the server's deadline minus the
// server's clock at the moment of its answer, less the time this page has waited since (a monotonic clock), so
// a phone set to the wrong time still counts down with the hall. The server judges lateness itself.
import { h } from '../dom.js';
import { t } from '../i18n.js';

const LOW_SECONDS = 5;

/** Milliseconds left for view (a question-phase view) as of receivedAt (performance.now() when it arrived). */
export function msLeft(view, receivedAt) {
  const deadline = Date.parse(view.deadline || '');
  const server = Date.parse(view.serverTime || '');
  if (isNaN(deadline) || isNaN(server)) return 0;
  return Math.max(0, deadline - server - (performance.now() - receivedAt));
}

/**
 * A countdown bar with seconds for view: {el, stop()}. onOut() runs once when the time is up.
 * The bar shrinks from full (secondsPerQuestion) to empty; the last 5 s turn it red.
 */
export function countdownBar(view, receivedAt, onOut, idPrefix) {
  const total = Math.max(1, view.secondsPerQuestion || 1) * 1000;
  const fill = h('span', { class: 'live-timer-fill' });
  const value = h('span', { class: 'live-timer-value', id: idPrefix + '-timer-value' });
  const el = h('div', { class: 'live-timer', id: idPrefix + '-timer', role: 'timer', 'aria-live': 'off' },
    h('span', { class: 'live-timer-track', 'aria-hidden': 'true' }, fill), value);
  let out = false;
  function tick() {
    const left = msLeft(view, receivedAt);
    const seconds = Math.ceil(left / 1000);
    fill.style.transform = 'scaleX(' + Math.min(1, left / total).toFixed(4) + ')';
    value.textContent = seconds > 0 ? t('live.seconds', { n: seconds }) : t('live.timeUp');
    el.classList.toggle('is-low', seconds <= LOW_SECONDS && seconds > 0);
    el.classList.toggle('is-out', seconds <= 0);
    if (seconds <= 0 && !out) {
      out = true;
      if (onOut) onOut();
    }
  }
  tick();
  const interval = setInterval(tick, 200);
  return { el: el, stop: function () { clearInterval(interval); } };
}
