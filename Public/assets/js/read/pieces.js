// The published teaching material as the reading pages and the portal see it: the two API calls, the "我是…"
// groups (one chip may stand for several audience codes), the remembered choice, newest-first order and dates.
import { request, query } from '../api.js';

/** GET /content (published and within its dates) → [summary]; GET /content/{slug} → the piece with safe HTML. */
export const readApi = {
  list: function (params) {
    return request('GET', '/api/v1/content' + query(params || {})).then(function (data) {
      return newestFirst((data && data.items) || []);
    });
  },
  piece: function (slug) { return request('GET', '/api/v1/content/' + encodeURIComponent(slug)); },
  rounds: function () { return request('GET', '/api/v1/quiz/rounds'); },
};

/**
 * The chips of "我是…", in the order shown. Officials of every kind share one chip: a villager does not know
 * the difference between 公务员 and 行政执法人员, and an official reads all three.
 */
export const GROUPS = [
  { id: 'all', codes: [] },
  { id: 'resident', codes: ['resident'] },
  { id: 'youth', codes: ['youth'] },
  { id: 'enterprise', codes: ['enterprise'] },
  { id: 'village_expert', codes: ['village_expert'] },
  { id: 'official', codes: ['leader', 'civil_servant', 'enforcer'] },
  { id: 'corrections', codes: ['corrections'] },
];

const GROUP_KEY = 'pufa.read.audience';

/** The remembered "我是…" choice ("all" when none was made or storage is off). */
export function savedGroup() {
  try {
    const id = window.localStorage.getItem(GROUP_KEY);
    return groupById(id) ? id : 'all';
  } catch (e) {
    return 'all';
  }
}

export function saveGroup(id) {
  try {
    window.localStorage.setItem(GROUP_KEY, id);
  } catch (e) {
    // Private mode in some in-app browsers: the choice lasts for this page only.
  }
}

export function groupById(id) {
  for (let i = 0; i < GROUPS.length; i++) if (GROUPS[i].id === id) return GROUPS[i];
  return null;
}

/** Whether piece is meant for anyone in group (every piece is, for "all"). */
export function inGroup(piece, groupId) {
  const group = groupById(groupId);
  if (!group || !group.codes.length) return true;
  return (piece.audiences || []).some(function (code) { return group.codes.indexOf(code) >= 0; });
}

// A piece without a publish date went out when it was saved; the server sorts those last, readers expect them
// among the new ones.
function shownSince(piece) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(piece.publish || '')) return piece.publish;
  const ms = Date.parse(piece.updatedAt || '');
  return isNaN(ms) ? '' : new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Newest first: by the Beijing date it was first shown, then by the latest edit. */
export function newestFirst(items) {
  return items.slice().sort(function (a, b) {
    const da = shownSince(a);
    const db = shownSince(b);
    if (da !== db) return da < db ? 1 : -1;
    return String(b.updatedAt || '').localeCompare(String(a.updatedAt || ''));
  });
}

/** {y, m, d, mm, dd} of the day the piece was first shown, for the "read.date" translation; null if unknown. */
export function dateParts(piece) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(shownSince(piece));
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), mm: m[2], dd: m[3] } : null;
}

/** The law-level part of a topic: "民法典·继承编" → "民法典"; a plain knowledge point stays as it is. */
export function lawOf(topic) {
  const cut = String(topic).indexOf('·');
  return cut > 0 ? topic.slice(0, cut) : topic;
}

/** Whether piece has chip among its topics, either whole or as the law before "·". */
export function hasTopic(piece, chip) {
  return (piece.topics || []).some(function (t) { return t === chip || t.indexOf(chip + '·') === 0; });
}
