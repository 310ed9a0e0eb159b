// Following a contest: one long poll after another, each asking for what is newer than the last view seen.
// A dropped connection retries after 1 s, 2 s, 4 s… (at most 10 s) and says so; coming back to the page (a phone
// unlocked, WeChat brought to the front) or the network returning asks again at once instead of waiting.
import { isTransient } from './live-api.js';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 10000;

/**
 * Starts following. options:
 *   fetch(after, signal) → promise of a view; cursor(view) → the number to wait past next (stage or version);
 *   onView(view); onTrouble(err | null) — err while reconnecting, null once a view arrives again;
 *   onFatal(err) for a refusal that retrying cannot fix (the poller stops).
 * Returns {stop(), kick(), seen(view)}; seen() moves the cursor on from a view obtained elsewhere (a control call).
 */
export function follow(options) {
  let after = 0;
  let stopped = false;
  let delay = FIRST_DELAY_MS;
  let timer = null;
  let controller = null;
  let troubled = false;

  function run() {
    timer = null;
    if (stopped) return;
    controller = new AbortController();
    const mine = controller;
    // After a failure the first request asks for the view now, so the page knows at once that it is back.
    options.fetch(troubled ? 0 : after, mine.signal).then(function (view) {
      if (stopped || mine !== controller) return;
      controller = null;
      delay = FIRST_DELAY_MS;
      if (troubled) { troubled = false; options.onTrouble(null); }
      after = Math.max(after, options.cursor(view));
      options.onView(view);
      run();
    }, function (err) {
      if (stopped || mine !== controller) return;
      controller = null;
      if (!isTransient(err)) {
        stopped = true;
        options.onFatal(err);
        return;
      }
      troubled = true;
      options.onTrouble(err);
      timer = setTimeout(run, delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    });
  }

  // Ask again now: a waiting retry starts at once, a poll that may have died in the background is replaced.
  function kick() {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    if (controller) controller.abort();
    controller = null;
    delay = FIRST_DELAY_MS;
    run();
  }
  function onVisible() {
    if (document.visibilityState === 'visible') kick();
  }
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('online', kick);
  run();

  return {
    stop: function () {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (controller) controller.abort();
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', kick);
    },
    kick: kick,
    seen: function (view) { after = Math.max(after, options.cursor(view)); },
  };
}
