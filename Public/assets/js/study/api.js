// The reader's side of required study: who is reading (the session cookie, or the browser token a quiz entry left
// in localStorage under "pufa.profileToken", sent as X-Profile-Token), the feed, the person's tasks, and reports of
// effective reading time (fetch with keepalive, so the report sent as the page hides still arrives).
const TOKEN_KEY = 'pufa.profileToken';

function profileToken() {
  try {
    return window.localStorage.getItem(TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

function csrf() {
  const m = /(?:^|;\s*)pufa_csrf=([^;]*)/.exec(document.cookie || '');
  return m ? decodeURIComponent(m[1]) : '';
}

async function send(method, path, body, keepalive) {
  const headers = { Accept: 'application/json' };
  const token = profileToken();
  if (token) headers['X-Profile-Token'] = token;
  const init = { method: method, headers: headers, credentials: 'same-origin', keepalive: Boolean(keepalive) };
  if (method !== 'GET') {
    if (!csrf()) await fetch('/api/v1/session', { credentials: 'same-origin' });
    headers['Content-Type'] = 'application/json';
    headers['X-CSRF-Token'] = csrf();
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 204) return null;
  const data = await response.json().catch(function () { return null; });
  if (!response.ok) {
    const err = new Error((data && data.error && data.error.message) || 'HTTP ' + response.status);
    err.status = response.status;
    throw err;
  }
  return data;
}

export const studyApi = {
  /** What to read next, each with its reason. */
  feed: function (limit) { return send('GET', '/api/v1/feed?limit=' + (limit || 6)).then(function (d) { return (d && d.items) || []; }); },
  /** The person's open study tasks with their progress (empty when nobody is known). */
  myTasks: function () { return send('GET', '/api/v1/my/tasks').then(function (d) { return (d && d.items) || []; }); },
  /** Reports effective seconds; resolves with the progress, or null when the reader is anonymous. */
  report: function (slug, seconds, depth, keepalive) {
    return send('POST', '/api/v1/reading', { slug: slug, seconds: seconds, scrollDepth: depth }, keepalive);
  },
};
