// The live contest's API: the host's calls (signed-in staff, session cookie and CSRF through request()) and the
// phones' calls (no account: a player token from the join). The two state reads are long polls that the server
// holds up to 25 s, longer than request()'s own time-out, so they use their own fetch with a 35 s limit.
import { request, ApiError } from '../api.js';
import { t, has } from '../i18n.js';
import { describeError, inCurrentLanguage } from '../feedback.js';

const POLL_TIMEOUT_MS = 35000;

function seg(value) {
  return encodeURIComponent(value);
}

export const liveApi = {
  /** body {title, questionIds, secondsPerQuestion, speedScoring} → {id, code, title, phase, questions}. */
  create: function (body) { return request('POST', '/api/v1/live-contests', body); },
  /** → {items: [summary]}, newest first. */
  list: function () { return request('GET', '/api/v1/live-contests'); },
  /** The host view now (after 0) or once it is newer than version `after`. */
  hostState: function (id, after, signal) {
    return poll('/api/v1/live-contests/' + seg(id) + '/state' + afterQuery(after), {}, signal);
  },
  /** action: "next" | "reveal" | "end" → the new host view. */
  control: function (id, action) { return request('POST', '/api/v1/live-contests/' + seg(id) + '/control', { action: action }); },
  /** params for the question picker: {q, type, status, pageSize} → {items, total}. */
  questions: function (params) {
    const parts = Object.keys(params).filter(function (k) { return params[k] !== '' && params[k] !== undefined; })
      .map(function (k) { return seg(k) + '=' + seg(params[k]); });
    return request('GET', '/api/v1/questions' + (parts.length ? '?' + parts.join('&') : ''));
  },

  /** → {playerId, token, contestId}; with the token of an earlier join, the same player again. */
  join: function (code, nickname, token) {
    return request('POST', '/api/v1/live/' + seg(code) + '/join', { nickname: nickname, token: token || undefined });
  },
  /** The phone's view now (after 0) or at the host's next signal after stage `after`. */
  playerState: function (code, token, after, signal) {
    return poll('/api/v1/live/' + seg(code) + '/state' + afterQuery(after), { 'X-Live-Token': token }, signal);
  },
  /** response: {choice: [i]} or {judge: bool} → {accepted: true}. */
  answer: function (code, index, token, response) {
    return request('PUT', '/api/v1/live/' + seg(code) + '/answers/' + seg(index), { token: token, response: response });
  },
};

// The server takes only a positive `after`; none means "now".
function afterQuery(after) {
  return after > 0 ? '?after=' + seg(after) : '';
}

// A GET that may wait: resolves with the JSON view, rejects with ApiError (status 0 for network, time-out, abort).
function poll(path, extraHeaders, outerSignal) {
  const headers = Object.assign({ Accept: 'application/json' }, extraHeaders);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(function () { timedOut = true; controller.abort(); }, POLL_TIMEOUT_MS);
  const onOuterAbort = function () { controller.abort(); };
  if (outerSignal) {
    if (outerSignal.aborted) controller.abort();
    else outerSignal.addEventListener('abort', onOuterAbort);
  }
  function done() {
    clearTimeout(timer);
    if (outerSignal) outerSignal.removeEventListener('abort', onOuterAbort);
  }
  return fetch(path, { method: 'GET', headers: headers, credentials: 'same-origin', cache: 'no-store', signal: controller.signal })
    .then(function (response) {
      return response.text().then(function (text) {
        done();
        let data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (response.ok && data) return data;
        const err = data && data.error ? data.error : {};
        const retry = parseInt(response.headers.get('Retry-After') || '', 10);
        throw new ApiError(response.status, err.code || 'http', err.message || '', isNaN(retry) ? undefined : retry);
      });
    }, function (e) {
      done();
      const aborted = e && e.name === 'AbortError';
      throw new ApiError(0, aborted ? (timedOut ? 'timeout' : 'aborted') : 'network', '');
    });
}

/** A failure in plain words, preferring the live contest's own wording of a code. */
export function liveError(err) {
  if (err instanceof ApiError && has('live.error.' + err.code)) return t('live.error.' + err.code);
  if (err instanceof ApiError && err.code === 'validation_failed') {
    return err.serverMessage.split(/;\s*/).map(inCurrentLanguage).join(t('live.listSep'));
  }
  return describeError(err);
}

/** Whether a failed poll is worth retrying (network, time-out, the server restarting or busy). */
export function isTransient(err) {
  return !(err instanceof ApiError) || err.status === 0 || err.status === 429 || err.status >= 500;
}
