// Small formatting rules the quiz screens share: Beijing dates and windows, percents, durations, the
// commitment cut short, and the half of a bilingual server message that matches the page's language.
import { getLang } from '../i18n.js';

const BEIJING_MS = 8 * 3600 * 1000;

function beijing(iso) {
  const ms = Date.parse(iso || '');
  return isNaN(ms) ? null : new Date(ms + BEIJING_MS);
}

function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

/** {y, m, d, mm, dd, time} of a moment in Beijing time, for the "moment" translations; null if malformed. */
export function beijingParts(iso) {
  const d = beijing(iso);
  if (!d) return null;
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), mm: pad(d.getUTCMonth() + 1), dd: pad(d.getUTCDate()),
    time: pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) };
}

/** "2026年12月4日" or "4 Dec 2026". */
export function beijingDate(iso) {
  const d = beijing(iso);
  if (!d) return '';
  if (getLang() === 'en') {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return d.getUTCDate() + ' ' + months[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
  }
  return d.getUTCFullYear() + '年' + (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日';
}

/** 66.66 → "66.7", 100 → "100". */
export function percentText(p) {
  const n = Math.round(Number(p) * 10) / 10;
  return isNaN(n) ? '0' : String(n);
}

/** Seconds → {m, s} for "1 分 05 秒". */
export function minutesSeconds(seconds) {
  const total = Math.max(0, Math.round(Number(seconds) || 0));
  return { m: Math.floor(total / 60), s: total % 60 };
}

/** The first 8 and last 8 characters of a 64-character commitment. */
export function shortHash(hex) {
  const s = String(hex || '');
  return s.length > 20 ? s.slice(0, 8) + '…' + s.slice(-8) : s;
}

/**
 * The server writes messages as "中文 / English" (sometimes "中文（…）/ English"). Returns the half in the page's
 * language; a message without that shape comes back whole.
 */
export function pickLanguage(message) {
  const text = String(message || '').trim();
  const m = /^(.*?[\u3400-\u9fff\uff00-\uffef）」》。])\s*\/\s+([A-Za-z].*)$/.exec(text);
  if (!m) return text;
  return getLang() === 'en' ? m[2].trim() : m[1].trim();
}
