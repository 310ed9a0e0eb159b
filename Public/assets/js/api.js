// The JSON API client: one request function that adds the CSRF header, decodes errors and
// reports an ended session, plus one small function per endpoint the pages use.

const TIMEOUT_MS = 20000;
let unauthenticatedHandler = null;

/** An API failure: HTTP status, the server's error code and message (or "network"/"timeout" with status 0). */
export class ApiError extends Error {
  constructor(status, code, message, retryAfter) {
    super(message || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.serverMessage = message || '';
    this.retryAfter = retryAfter;
  }
}

/** Registers fn(error), called when a request other than login answers 401: the session has ended. */
export function onUnauthenticated(fn) {
  unauthenticatedHandler = fn;
}

function readCookie(name) {
  const parts = document.cookie ? document.cookie.split(';') : [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i].trim();
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === name) return decodeURIComponent(part.slice(eq + 1));
  }
  return '';
}

/**
 * Sends one request and resolves with the decoded JSON body (null for 204).
 * Rejects with ApiError for 4xx/5xx, network failures and time-outs. extraHeaders (optional) are sent as well.
 */
export async function request(method, path, body, extraHeaders) {
  const headers = Object.assign({ Accept: 'application/json' }, extraHeaders || {});
  const init = { method: method, headers: headers, credentials: 'same-origin' };
  if (method !== 'GET' && method !== 'HEAD') {
    // The csrf cookie is set by GET /session; fetch it first if it has gone (expired, cleared).
    if (!readCookie('pufa_csrf') && path !== '/api/v1/session') await request('GET', '/api/v1/session');
    headers['Content-Type'] = 'application/json';
    headers['X-CSRF-Token'] = readCookie('pufa_csrf');
    init.body = JSON.stringify(body === undefined ? {} : body);
  }
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  if (controller) init.signal = controller.signal;
  const timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    const timedOut = e && e.name === 'AbortError';
    throw new ApiError(0, timedOut ? 'timeout' : 'network', '');
  } finally {
    if (timer) clearTimeout(timer);
  }
  const data = await readJSON(response);
  if (response.ok) return data;
  const err = data && data.error ? data.error : {};
  const retry = parseInt(response.headers.get('Retry-After') || '', 10);
  const error = new ApiError(response.status, err.code || 'http', err.message || '', isNaN(retry) ? undefined : retry);
  if (response.status === 401 && path !== '/api/v1/auth/login' && unauthenticatedHandler) unauthenticatedHandler(error);
  throw error;
}

async function readJSON(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

const UPLOAD_TIMEOUT_MS = 300000;

/**
 * POSTs file as the raw body to path (a query string included) with XMLHttpRequest, so the page can show upload
 * progress: onProgress(loaded, total). Resolves with the JSON answer; rejects with ApiError, which for an
 * import_failed answer carries .problems (every problem with its location). A 401 is reported like request's.
 */
export async function uploadFile(path, file, onProgress) {
  if (!readCookie('pufa_csrf')) await request('GET', '/api/v1/session');
  return new Promise(function (resolve, reject) {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', readCookie('pufa_csrf'));
    xhr.timeout = UPLOAD_TIMEOUT_MS;
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    });
    // A small file may finish without a single progress event: the end of the upload is 100% all the same.
    xhr.upload.addEventListener('load', function () { onProgress(file.size, file.size); });
    xhr.addEventListener('load', function () {
      let data = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data);
        return;
      }
      const err = data && data.error ? data.error : {};
      const error = new ApiError(xhr.status, err.code || 'http', err.message || '');
      error.problems = err.problems || [];
      if (xhr.status === 401 && unauthenticatedHandler) unauthenticatedHandler(error);
      reject(error);
    });
    xhr.addEventListener('error', function () { reject(new ApiError(0, 'network', '')); });
    xhr.addEventListener('timeout', function () { reject(new ApiError(0, 'timeout', '')); });
    xhr.send(file);
  });
}

/** "?a=1&b=2" from an object, leaving out empty values ("" when nothing is left). */
export function query(params) {
  const parts = [];
  Object.keys(params).forEach(function (key) {
    const value = params[key];
    if (value === undefined || value === null || value === '') return;
    parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(value));
  });
  return parts.length ? '?' + parts.join('&') : '';
}

export const api = {
  /** {user|null, permissions}; always 200; also sets the csrf cookie. */
  session: function () { return request('GET', '/api/v1/session'); },
  login: function (username, password) {
    return request('POST', '/api/v1/auth/login', { username: username, password: password });
  },
  logout: function () { return request('POST', '/api/v1/auth/logout'); },
  me: function () { return request('GET', '/api/v1/me'); },
  changePassword: function (currentPassword, newPassword) {
    return request('POST', '/api/v1/me/password', { currentPassword: currentPassword, newPassword: newPassword });
  },
  /** params: {q, role, page, pageSize} → {items, total, page, pageSize}. */
  listUsers: function (params) { return request('GET', '/api/v1/users' + query(params || {})); },
  createUser: function (user) { return request('POST', '/api/v1/users', user); },
  updateUser: function (id, changes) { return request('PATCH', '/api/v1/users/' + encodeURIComponent(id), changes); },
  listUnits: function () { return request('GET', '/api/v1/units'); },
  createUnit: function (unit) { return request('POST', '/api/v1/units', unit); },
  listRegions: function () { return request('GET', '/api/v1/regions'); },
  createRegion: function (region) { return request('POST', '/api/v1/regions', region); },
  /** params: {page, pageSize} → {items, total, page, pageSize}, newest first as the server orders them. */
  listAudit: function (params) { return request('GET', '/api/v1/audit' + query(params || {})); },
};
