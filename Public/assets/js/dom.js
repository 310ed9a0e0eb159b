// Small DOM helpers shared by the three pages: building elements, translated text, dates.
import { t } from './i18n.js';

/**
 * Builds an element. props may hold:
 *   class, id, text, html-free attributes (type, href, for, …), on<event> handlers,
 *   i18n (key for the text), args (arguments for every translated key on the element),
 *   i18nAttr ({attribute: key}) for translated attributes such as aria-label or placeholder.
 * Children may be strings, nodes, arrays of them, or null/false (skipped).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  const p = props || {};
  Object.keys(p).forEach(function (name) {
    const value = p[name];
    if (value === null || value === undefined || value === false) return;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name === 'i18n' || name === 'args' || name === 'i18nAttr') return;
    else if (name.slice(0, 2) === 'on' && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'value') el.value = value;
    else if (name === 'checked' || name === 'disabled' || name === 'selected') el[name] = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  });
  if (p.args) el.setAttribute('data-i18n-args', JSON.stringify(p.args));
  if (p.i18n) {
    el.setAttribute('data-i18n', p.i18n);
    el.textContent = t(p.i18n, p.args);
  }
  if (p.i18nAttr) {
    const pairs = Object.keys(p.i18nAttr).map(function (attr) {
      el.setAttribute(attr, t(p.i18nAttr[attr], p.args));
      return attr + '=' + p.i18nAttr[attr];
    });
    el.setAttribute('data-i18n-attr', pairs.join(';'));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  children.forEach(function (child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) append(el, child);
    else if (typeof child === 'string' || typeof child === 'number') el.appendChild(document.createTextNode(String(child)));
    else el.appendChild(child);
  });
}

/** Removes every child of el and appends the given ones. */
export function replace(el, ...children) {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, children);
  return el;
}

/**
 * Formats an ISO-8601 UTC instant as Beijing time, "2024-05-01 14:03".
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and avoids
 * depending on time-zone data that some in-app browsers lack.
 */
export function formatTime(iso) {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (isNaN(ms)) return String(iso);
  const d = new Date(ms + 8 * 3600 * 1000);
  return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' +
    pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds());
}

/** The same in Beijing time to the minute ("2026-11-26 07:10"), for deadlines and schedules. */
export function formatMinute(iso) {
  return formatTime(iso).replace(/:\d\d$/, '');
}

function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

/** Every role the server knows, in the order the console lists them. */
export const ROLES = ['admin', 'editor', 'organizer', 'official', 'resident'];

/** A translated chip per role, e.g. 管理员 · 公职人员. */
export function roleChips(roles) {
  return h('span', { class: 'chips' }, (roles || []).map(function (role) {
    return h('span', { class: 'chip chip-' + role, i18n: 'role.' + role });
  }));
}

/** Translates key if the dictionary knows it, otherwise shows the raw value (new server codes stay visible). */
export function labelOr(key, raw) {
  const text = t(key);
  return text === key ? h('span', { text: raw }) : h('span', { i18n: key });
}

/** Reads a form's named fields as trimmed strings. */
export function formValues(form) {
  const out = {};
  const els = form.elements;
  for (let i = 0; i < els.length; i++) {
    const el = els[i];
    if (!el.name || el.type === 'checkbox') continue;
    // Passwords are taken exactly as typed; everything else loses stray spaces from copy and paste.
    out[el.name] = /password/i.test(el.name) ? el.value : el.value.trim();
  }
  return out;
}
