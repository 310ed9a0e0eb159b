// 内容 data: the teaching-material API calls (JSON through api.js; the file import through uploadFile, for its
// progress bar) and the small rules the list, the editor and the import agree on: audiences, statuses, the slug,
// Beijing dates, and which field a server problem is about.
import { request, query, uploadFile } from '../api.js';
import { inCurrentLanguage } from '../feedback.js';

export const STATUSES = ['draft', 'published', 'retired'];
/** The audience codes in the order the forms list them (labels: audience.<code>, shared with the question bank). */
export const AUDIENCES = ['resident', 'village_expert', 'youth', 'enterprise', 'leader', 'civil_servant', 'enforcer', 'corrections'];
export const LIMITS = { title: 60, summary: 120, topics: 4, basis: 5, questions: 6, body: 50000, slugMin: 3, slugMax: 80 };
/** FORMAT.md's advice for a body, in characters as people count them. */
export const BODY_ADVICE = { min: 400, max: 1200 };
/** The server refuses request bodies over 1 MiB (413); the page says so before uploading. */
export const MAX_FILE_BYTES = 1024 * 1024;

export const contentApi = {
  /** {items: [{slug, title, summary, topics, audiences, basis, publish, expire, status, version, updatedAt}]}. */
  list: function () { return request('GET', '/api/v1/content-admin'); },
  /** A piece with body (Markdown), html, regions, questions and versions (oldest first). */
  get: function (slug) { return request('GET', '/api/v1/content-admin/' + encodeURIComponent(slug)); },
  /**
   * Creates or updates the piece at slug. input carries expectedVersion: the version the editor opened, or 0 for
   * a new piece, so a taken address or a newer save answers 409 stale_version instead of being overwritten.
   */
  save: function (slug, input) { return request('PUT', '/api/v1/content-admin/' + encodeURIComponent(slug), input); },
  /** {html}: the body exactly as readers will see it. */
  preview: function (body) { return request('POST', '/api/v1/content-preview', { body: body }); },
  /** Sends file raw; resolves {items: [{slug, action}]}, rejects with ApiError (.problems for import_failed). */
  upload: function (file, dryRun, onProgress) {
    return uploadFile('/api/v1/content-import' + query({ filename: file.name, dryRun: dryRun ? '1' : '' }), file, onProgress);
  },
};

/** Where readers find a piece. */
export function readerHref(slug) {
  return '/read#/' + encodeURIComponent(slug);
}

export function editHash(slug) {
  return '#/content?view=edit&slug=' + encodeURIComponent(slug);
}

/** Whether slug is a usable address: 3–80 of a-z, 0-9 and -, not starting or ending with -. */
export function slugOK(slug) {
  return slug.length >= LIMITS.slugMin && slug.length <= LIMITS.slugMax && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug);
}

/** Today in Beijing as "yyyy-mm-dd" (China keeps UTC+8 all year), the day the server's date rules use. */
export function beijingToday(now) {
  const d = new Date((now === undefined ? Date.now() : now) + 8 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

/**
 * What readers see of a piece today: 'live', 'scheduled' (published, before its publish date), 'expired' (after its
 * expire date) or 'hidden' (a draft or retired).
 */
export function visibility(piece, today) {
  if (piece.status !== 'published') return 'hidden';
  if (piece.publish && piece.publish > today) return 'scheduled';
  if (piece.expire && piece.expire < today) return 'expired';
  return 'live';
}

/** "民法典·继承编, 法定继承、代位继承" → ["民法典·继承编", "法定继承", "代位继承"]. */
export function splitList(text) {
  return (text || '').split(/[,\uff0c\u3001;\uff1b\n]/).map(function (s) { return s.trim(); }).filter(Boolean);
}

/** One entry per non-empty line. */
export function splitLines(text) {
  return (text || '').split('\n').map(function (s) { return s.trim(); }).filter(Boolean);
}

/** The number of characters as people count them (a Chinese character is one). */
export function charCount(text) {
  return Array.from(text || '').length;
}

// The server words every problem the same way (ContentRules); the start of the Chinese half names the field.
const FIELD_OF = [
  [/^id /, 'slug'], [/^标题/, 'title'], [/^摘要/, 'summary'], [/^知识点/, 'topics'], [/^至少选择一个对象|^未知的对象/, 'audiences'],
  [/^法律依据/, 'basis'], [/^publish /, 'publish'], [/^expire |^下线日期/, 'expire'], [/^相关题目/, 'questions'], [/^正文/, 'body'],
];

/**
 * A validation_failed message, "标题应为 1–60 个字符 / title must be …; 至少选择一个对象 / …", as one problem per
 * entry: {text (in the page's language), field (the form field it concerns, or null)}.
 */
export function serverProblems(message) {
  return (message || '').split(/;\s+/).map(function (raw) {
    const p = raw.trim();
    let field = null;
    for (let i = 0; i < FIELD_OF.length && !field; i++) if (FIELD_OF[i][0].test(p)) field = FIELD_OF[i][1];
    return { text: inCurrentLanguage(p), field: field };
  }).filter(function (p) { return p.text; });
}
