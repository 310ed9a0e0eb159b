// 题库 data: the question-bank API calls (JSON through api.js; the import upload through api.js's uploadFile so
// the page can show upload progress), the banks and categories shared by the views, and the small rules the
// editor, the preview and the list agree on (types, audiences, blanks, answer variants).
import { request, query, uploadFile } from '../api.js';
import { inCurrentLanguage } from '../feedback.js';

export const TYPES = ['single', 'multiple', 'judge', 'blank', 'case'];
export const STATUSES = ['draft', 'active', 'retired'];
export const AUDIENCES = ['leader', 'civil_servant', 'enforcer', 'youth', 'enterprise', 'village_expert', 'corrections', 'resident'];
export const DIFFICULTIES = [1, 2, 3, 4, 5];
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
/** The server refuses bodies over 16 MB (413); the page says so before uploading. */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;
export const IMPORT_ACCEPT = '.yaml,.yml,.txt,.xml,.csv,.xlsx';
/** Export formats in the order the page offers them; ext is what the downloaded file ends with. */
export const EXPORT_FORMATS = [
  { value: 'native', ext: 'yaml' },
  { value: 'gift', ext: 'gift.txt' },
  { value: 'moodle-xml', ext: 'xml' },
  { value: 'csv', ext: 'csv' },
  { value: 'xlsx', ext: 'xlsx' },
];

export const questionApi = {
  /** params: {q, type, status, bankId, category, topic, law, difficulty, audience, page, pageSize}. */
  list: function (params) { return request('GET', '/api/v1/questions' + query(params || {})); },
  /** A question with "versions" (oldest first, as the server keeps them). */
  get: function (id) { return request('GET', '/api/v1/questions/' + encodeURIComponent(id)); },
  create: function (input) { return request('POST', '/api/v1/questions', input); },
  /** input carries expectedVersion and note; a newer version on the server answers 409 stale_version. */
  update: function (id, input) { return request('PUT', '/api/v1/questions/' + encodeURIComponent(id), input); },
  banks: function () { return request('GET', '/api/v1/question-banks'); },
  categories: function () { return request('GET', '/api/v1/question-categories'); },
  /** The address of a bank's export (bankId '' = every bank); the browser downloads it as an attachment. */
  exportUrl: function (format, bankId) { return '/api/v1/questions/export' + query({ format: format, bankId: bankId }); },
  upload: upload,
};

let refs = null;

/** Resolves {banks, categories}, from cache unless force is true (after an import or a new question). */
export function loadQuestionRefs(force) {
  if (!refs || force) {
    refs = Promise.all([questionApi.banks(), questionApi.categories()]).then(function (answers) {
      return { banks: answers[0].items || [], categories: answers[1].items || [] };
    });
    refs.catch(function () { refs = null; });
  }
  return refs;
}

/** Forgets banks and categories (after sign-out or a change that adds some). */
export function clearQuestionRefs() {
  refs = null;
}

/**
 * Sends file as the raw body of POST /questions/import. onProgress(loaded, total) follows the upload;
 * resolves with the report, rejects with ApiError (an import_failed error carries .problems).
 */
function upload(file, dryRun, onProgress) {
  return uploadFile('/api/v1/questions/import' + query({ filename: file.name, dryRun: dryRun ? '1' : '' }), file, onProgress);
}

/** "A", "B", … for option index i. */
export function letter(i) {
  return String.fromCharCode(65 + i);
}

const BLANK = /[_\uff3f]{3,}/g;

/** How many blanks (runs of 3+ underscores, ASCII or full-width) the stem has. */
export function blankCount(stem) {
  const found = (stem || '').match(BLANK);
  return found ? found.length : 0;
}

/** The stem's text around its blanks: n blanks give n + 1 pieces. */
export function stemPieces(stem) {
  return (stem || '').split(BLANK);
}

/** "十五日／15日" or "十五日/15日" → ["十五日", "15日"]. */
export function splitVariants(text) {
  return (text || '').split(/[\uff0f/]/).map(function (s) { return s.trim(); }).filter(Boolean);
}

/** Variants for one blank as the editor shows them. */
export function joinVariants(variants) {
  return (variants || []).join('／');
}

/** "行政处罚, 听证、告知" → ["行政处罚", "听证", "告知"]. */
export function splitTopics(text) {
  return (text || '').split(/[,\uff0c\u3001;\uff1b]/).map(function (s) { return s.trim(); }).filter(Boolean);
}

/** A choice key "ACD" → [0, 2, 3]. */
export function keyIndexes(answer) {
  if (typeof answer !== 'string') return [];
  const out = [];
  for (let i = 0; i < answer.length; i++) {
    const n = answer.toUpperCase().charCodeAt(i) - 65;
    if (n >= 0 && n < 26 && out.indexOf(n) < 0) out.push(n);
  }
  return out.sort(function (a, b) { return a - b; });
}

/**
 * The server lists every problem of a validation failure in one message, "题干为空 / the stem is empty; …";
 * this gives them one by one, each in the page's language.
 */
export function problemList(message) {
  return (message || '').split(/;\s+/).map(function (p) { return inCurrentLanguage(p.trim()); }).filter(Boolean);
}

/** The number of characters as people count them (a Chinese character is one, whatever its encoding). */
export function charCount(text) {
  return Array.from(text || '').length;
}

/**
 * The category tree for a select: every path and every prefix of one, depth-first,
 * [{value: "宪法/总纲", name: "总纲", depth: 1}].
 */
export function categoryChoices(paths) {
  const seen = {};
  const all = [];
  (paths || []).forEach(function (path) {
    const parts = String(path).split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (!seen[prefix]) {
        seen[prefix] = true;
        all.push({ value: prefix, name: parts[i - 1], depth: i - 1 });
      }
    }
  });
  // Sorting by the parts keeps every child right under its parent.
  return all.sort(function (a, b) {
    const pa = a.value.split('/');
    const pb = b.value.split('/');
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
    }
    return pa.length - pb.length;
  });
}

/** The distinct laws of the banks, for the law filter. */
export function lawsOf(banks) {
  const out = [];
  (banks || []).forEach(function (b) { if (b.law && out.indexOf(b.law) < 0) out.push(b.law); });
  return out.sort();
}
