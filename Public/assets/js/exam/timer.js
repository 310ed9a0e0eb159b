// The countdown. Time belongs to the server: remaining = deadline − serverTime at the last sync, counted
// down locally with a monotonic clock and corrected by every save reply. Screen readers hear only the
// minute warnings, never every second.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { announce } from '../feedback.js';
import { ms } from './exam-api.js';

const WARN_MINUTES = [10, 5, 1];

function clock() {
  return window.performance && performance.now ? performance.now() : Date.now();
}

/** "1:05:09" or "05:09". */
export function formatRemaining(millis) {
  const total = Math.max(0, Math.ceil(millis / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = (minutes < 10 ? '0' : '') + minutes;
  const ss = (seconds < 10 ? '0' : '') + seconds;
  return hours ? hours + ':' + mm + ':' + ss : mm + ':' + ss;
}

/**
 * A timer element (role="timer", not live) that counts down to the server's deadline.
 * onExpire() runs once when it reaches 0. Returns {el, sync(deadlineIso, serverTimeIso), remaining(), stop()}.
 */
export function createTimer(onExpire) {
  const value = h('span', { class: 'exam-timer-value', id: 'exam-timer-value' });
  const el = h('div', { class: 'exam-timer', id: 'exam-timer', role: 'timer', 'aria-live': 'off', 'aria-atomic': 'true' },
    h('span', { class: 'exam-timer-label', i18n: 'exam.timeLeft' }), value);
  let remainingAtSync = null;
  let syncedAt = 0;
  let expired = false;
  const warned = {};
  let interval = null;

  function remaining() {
    if (remainingAtSync === null) return Infinity;
    return remainingAtSync - (clock() - syncedAt);
  }

  function tick() {
    const left = remaining();
    if (left === Infinity) return;
    value.textContent = formatRemaining(left);
    el.classList.toggle('is-low', left <= 5 * 60000);
    WARN_MINUTES.forEach(function (m) {
      // A warning is due once the time drops below the mark, but not if we joined long after it (a resume).
      if (!warned[m] && left <= m * 60000 && left > (m * 60000) - 30000) {
        warned[m] = true;
        announce(t('exam.minutesLeft', { n: m }));
      } else if (left <= m * 60000) {
        warned[m] = true;
      }
    });
    if (left <= 0 && !expired) {
      expired = true;
      onExpire();
    }
  }

  interval = setInterval(tick, 500);
  return {
    el: el,
    sync: function (deadlineIso, serverTimeIso) {
      const d = ms(deadlineIso);
      const s = ms(serverTimeIso);
      if (isNaN(d) || isNaN(s)) return;
      remainingAtSync = d - s;
      syncedAt = clock();
      tick();
    },
    remaining: remaining,
    stop: function () { clearInterval(interval); },
  };
}
