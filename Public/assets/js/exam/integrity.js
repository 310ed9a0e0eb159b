// Integrity evidence for the organizer: the tab hidden and shown again, copy and paste, the network lost
// and back. Fire-and-forget: nothing waits for these, a failure never bothers the candidate, and what could
// not be sent (offline) is sent after the next reconnect.
import { examApi } from './exam-api.js';

const MAX_QUEUED = 50;

/**
 * Starts listening for attempt id. hooks.onOnline() / hooks.onOffline() let the page react to the network too.
 * Returns {stop()}.
 */
export function watchIntegrity(id, hooks) {
  const queue = [];
  let sending = false;
  let stopped = false;

  function send(kind) {
    if (stopped) return;
    queue.push({ kind: kind, at: new Date().toISOString() });
    if (queue.length > MAX_QUEUED) queue.shift();
    drain();
  }

  function drain() {
    if (sending || !queue.length || stopped) return;
    sending = true;
    const ev = queue[0];
    examApi.event(id, ev.kind, ev.at).then(function () {
      queue.shift();
      sending = false;
      drain();
    }, function (err) {
      sending = false;
      // Refused outright (4xx other than a time-out): drop it; unreachable: keep it for the reconnect.
      if (err && err.status && err.status < 500 && err.status !== 408 && err.status !== 429) {
        queue.shift();
        drain();
      }
    });
  }

  function onVisibility() { send(document.visibilityState === 'hidden' ? 'visibility_hidden' : 'visibility_visible'); }
  function onCopy() { send('copy'); }
  function onPaste() { send('paste'); }
  function onOnline() {
    send('reconnect');
    if (hooks && hooks.onOnline) hooks.onOnline();
  }
  function onOffline() {
    send('offline');
    if (hooks && hooks.onOffline) hooks.onOffline();
  }

  document.addEventListener('visibilitychange', onVisibility);
  document.addEventListener('copy', onCopy);
  document.addEventListener('paste', onPaste);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  return {
    /** Sends what waited for the network (the saver reached the server again). */
    retry: drain,
    stop: function () {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    },
  };
}
