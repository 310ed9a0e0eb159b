// Labelled form fields used by the dialogs and the sign-in form.
import { h } from './dom.js';

/** A labelled input: field('users.username', {name:'username', …}) → a div with label, input and optional hint. */
export function field(labelKey, attrs, hintKey) {
  const id = attrs.id || 'f-' + attrs.name + '-' + Math.random().toString(36).slice(2, 8);
  const input = h(attrs.tag || 'input', Object.assign({}, attrs, { id: id, tag: null, 'aria-describedby': hintKey ? id + '-hint' : null }));
  return h('div', { class: 'field' },
    h('label', { for: id, i18n: labelKey }),
    input,
    hintKey ? h('p', { class: 'hint', id: id + '-hint', i18n: hintKey }) : null);
}

/** A select with a label; options are [{value, key|text}], the first may be the "none" choice. */
export function selectField(labelKey, name, choices, selected) {
  const id = 'f-' + name + '-' + Math.random().toString(36).slice(2, 8);
  const select = h('select', { id: id, name: name },
    choices.map(function (c) {
      return h('option', { value: c.value, i18n: c.key || null, selected: String(c.value) === String(selected) }, c.key ? null : c.text);
    }));
  return h('div', { class: 'field' }, h('label', { for: id, i18n: labelKey }), select);
}

/** A password field with a button that fills in a random 16-character password and shows it. */
export function newPasswordField(labelKey, name) {
  const wrap = field(labelKey, { name: name, type: 'password', autocomplete: 'new-password', required: true, spellcheck: 'false' }, 'password.hint');
  const input = wrap.querySelector('input');
  const gen = h('button', { type: 'button', class: 'btn btn-small', i18n: 'password.generate', onclick: function () {
    input.type = 'text';
    input.value = randomPassword(16);
    input.focus();
    input.select();
  } });
  wrap.insertBefore(h('div', { class: 'input-row' }, input, gen), wrap.querySelector('.hint'));
  return wrap;
}

// Letters and digits without look-alikes (0/O, 1/l/I), so a password read aloud or on paper survives.
function randomPassword(length) {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = new Uint8Array(length);
  window.crypto.getRandomValues(bytes);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(bytes[i] % alphabet.length);
  return out;
}

