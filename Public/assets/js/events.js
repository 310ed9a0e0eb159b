// Reach events from the pages (POST /api/v1/events, recordEvents): a piece opened, read (anonymous readers only: a
// known reader's time is credited on the server by /reading), finished, shared. Events wait in a small queue and
// go every 10 s and when the page hides, with fetch keepalive — carrying the CSRF header when there is a session,
// so a signed-in reader is attributed — or navigator.sendBeacon (text/plain, anonymous) where fetch cannot.
// A random device id in localStorage lets the server count anonymous readers without keeping their address.
const DEVICE_KEY = 'pufa.deviceId';
const TOKEN_KEY = 'pufa.profileToken';
const queue = [];
let timer = null;

function stored(key, make) {
  try {
    let v = window.localStorage.getItem(key);
    if (!v && make) {
      v = make();
      window.localStorage.setItem(key, v);
    }
    return v || '';
  } catch (e) {
    return make ? make() : '';
  }
}

function randomId() {
  const bytes = new Uint8Array(12);
  (window.crypto || window.msCrypto).getRandomValues(bytes);
  return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
}

function csrf() {
  const m = /(?:^|;\s*)pufa_csrf=([^;]*)/.exec(document.cookie || '');
  return m ? decodeURIComponent(m[1]) : '';
}

/** Where the reader came from: /read?c=<campaign>&via=inbox|robot|share|feed|quiz#/<slug>. */
function origin() {
  const params = new URLSearchParams(location.search);
  const campaign = parseInt(params.get('c') || '', 10);
  const via = params.get('via') || '';
  return { campaign: campaign > 0 ? campaign : undefined, channel: /^(inbox|robot|share|feed|quiz)$/.test(via) ? via : undefined };
}

/** Queues one event about the piece slug; extra may carry seconds and depth. */
export function recordEvent(kind, slug, extra) {
  const from = origin();
  queue.push(Object.assign({ id: randomId(), kind: kind, content: slug, at: Date.now(), campaign: from.campaign, channel: from.channel },
    extra || {}));
  if (queue.length >= 20) flush(false);
  else if (!timer) timer = setTimeout(function () { flush(false); }, 10000);
}

/** Sends what is queued (leaving is true as the page hides). */
export function flush(leaving) {
  if (timer) { clearTimeout(timer); timer = null; }
  if (!queue.length) return;
  const body = JSON.stringify({ device: stored(DEVICE_KEY, randomId), token: stored(TOKEN_KEY) || undefined, events: queue.splice(0, 50) });
  const token = csrf();
  if (window.fetch) {
    const headers = { 'Content-Type': 'text/plain;charset=UTF-8' };
    if (token) headers['X-CSRF-Token'] = token;
    fetch('/api/v1/events', { method: 'POST', body: body, headers: headers, keepalive: true, credentials: 'same-origin' })
      .catch(function () { /* analytics: a lost batch is not worth a retry loop */ });
  } else if (leaving && navigator.sendBeacon) {
    navigator.sendBeacon('/api/v1/events', body);
  }
}

document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flush(true); });
window.addEventListener('pagehide', function () { flush(true); });
