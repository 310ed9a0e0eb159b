// 推送 data: the campaign, robot and audience API calls, and the small rules the list, the wizard and the campaign
// page agree on (statuses, Beijing times, what a status allows).
import { request } from '../api.js';

export const STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'done', 'cancelled'];
/** Statuses whose figures still move: the campaign page keeps polling while one holds. */
export const LIVE = ['scheduled', 'sending', 'paused'];
export const POLL_MS = 2000;

export const campaignApi = {
  list: function () { return request('GET', '/api/v1/campaigns'); },
  get: function (id) { return request('GET', '/api/v1/campaigns/' + encodeURIComponent(id)); },
  create: function (input) { return request('POST', '/api/v1/campaigns', input); },
  /** action: start | pause | resume | cancel. */
  act: function (id, action) { return request('POST', '/api/v1/campaigns/' + encodeURIComponent(id) + '/' + action); },
  progress: function (id) { return request('GET', '/api/v1/campaigns/' + encodeURIComponent(id) + '/progress'); },
  audiences: function () { return request('GET', '/api/v1/campaign-audiences'); },
  content: function () { return request('GET', '/api/v1/content-admin'); },
  robots: function () { return request('GET', '/api/v1/robots'); },
  createRobot: function (input) { return request('POST', '/api/v1/robots', input); },
  updateRobot: function (id, input) { return request('PUT', '/api/v1/robots/' + encodeURIComponent(id), input); },
  deleteRobot: function (id) { return request('DELETE', '/api/v1/robots/' + encodeURIComponent(id)); },
  testRobot: function (id) { return request('POST', '/api/v1/robots/' + encodeURIComponent(id) + '/test'); },
  resend: function (messageId) { return request('POST', '/api/v1/robot-messages/' + encodeURIComponent(messageId) + '/resend'); },
};

export function campaignHash(id) {
  return '#/campaigns?view=campaign&id=' + encodeURIComponent(id);
}

/** "2026-12-04T09:00" typed as Beijing time → ISO-8601 UTC; "" when empty or not a time. */
export function beijingInputToISO(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value || '');
  if (!m) return '';
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4] - 8, +m[5])).toISOString();
}

/** The datetime-local value for a moment, in Beijing time. */
export function isoToBeijingInput(ms) {
  const d = new Date(ms + 8 * 3600 * 1000);
  return d.toISOString().slice(0, 16);
}

/** "1 小时 5 分" / "1 h 5 min" style durations come from i18n; this gives the parts. */
export function durationParts(seconds) {
  const s = Math.max(0, Math.round(seconds || 0));
  return { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60), s: s % 60 };
}

/** The status badge of a campaign. */
export function statusClass(status) {
  return 'badge camp-status camp-status-' + status;
}
