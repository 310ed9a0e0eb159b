// The form that enters a finished entry into the draw: nickname, mobile number and town (then, optionally,
// village) from the regions tree. Problems are shown next to their field and summed up in a role="alert" box;
// nothing is sent while the form has one.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { showFormError } from '../feedback.js';
import { ApiError } from '../api.js';
import { quizError, problems } from './quiz-api.js';
import { pickLanguage } from './format.js';

/** "138 0013-8000", "+86 13800138000", full-width digits → "13800138000"; null if not a mainland mobile number. */
export function normalizePhone(raw) {
  let digits = '';
  const text = String(raw || '');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += text.charAt(i);
    else if (c >= 0xff10 && c <= 0xff19) digits += String.fromCharCode(c - 0xff10 + 0x30);
    else if (' -()+\u3000\uff0d\uff0b'.indexOf(text.charAt(i)) < 0) return null;
  }
  if (digits.length === 13 && digits.slice(0, 2) === '86') digits = digits.slice(2);
  if (digits.length === 15 && digits.slice(0, 4) === '0086') digits = digits.slice(4);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

function fieldBox(name, labelKey, control, hintKey) {
  const errorId = 'quiz-' + name + '-error';
  const hintId = hintKey ? 'quiz-' + name + '-hint' : null;
  control.setAttribute('aria-describedby', (hintId ? hintId + ' ' : '') + errorId);
  return h('div', { class: 'field', id: 'quiz-field-' + name },
    h('label', { for: control.id, i18n: labelKey }),
    control,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
    hintKey ? h('p', { class: 'hint', id: hintId, i18n: hintKey }) : null);
}

/**
 * The draw form. regions: the tree's items; onEnter({nickname, phone, regionId}) and onSkip() return promises
 * (a rejection with an ApiError is shown in the form). Returns the form element.
 */
export function drawForm(regions, onEnter, onSkip) {
  const towns = regions.filter(function (r) { return r.level === 'town'; });
  const counties = regions.filter(function (r) { return r.level === 'county'; });
  const nickname = h('input', { type: 'text', id: 'quiz-nickname', name: 'nickname', maxlength: 20, autocomplete: 'nickname' });
  const phone = h('input', { type: 'tel', id: 'quiz-phone', name: 'phone', inputmode: 'numeric', maxlength: 20, autocomplete: 'tel' });
  const town = h('select', { id: 'quiz-town', name: 'town' }, h('option', { value: '', i18n: 'quiz.townChoose' }), townOptions(towns, counties));
  const village = h('select', { id: 'quiz-village', name: 'village', disabled: true });
  const villageField = fieldBox('village', 'quiz.village', village, 'quiz.villageHint');
  const alert = h('div', { class: 'form-error', id: 'quiz-draw-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block btn-large', id: 'quiz-draw-submit', i18n: 'quiz.enterDraw' });
  const skip = h('button', { type: 'button', class: 'btn btn-block btn-large', id: 'quiz-draw-skip', i18n: 'quiz.skipDraw' });
  const fields = { nickname: nickname, phone: phone, region: town };

  function fillVillages() {
    const id = Number(town.value);
    const list = regions.filter(function (r) { return r.level === 'village' && r.parentId === id; });
    replace(village, h('option', { value: '', i18n: id ? 'quiz.villageNone' : 'quiz.villageTownFirst' }),
      list.map(function (v) { return h('option', { value: String(v.id), text: v.name }); }));
    village.disabled = !list.length;
    villageField.hidden = Boolean(id) && !list.length;
  }
  fillVillages();
  town.addEventListener('change', function () { fillVillages(); clearError('region'); });
  nickname.addEventListener('input', function () { clearError('nickname'); });
  phone.addEventListener('input', function () { clearError('phone'); });

  const form = h('form', { class: 'quiz-draw-form', id: 'quiz-draw-form', novalidate: true, 'aria-labelledby': 'quiz-draw-title' },
    h('h2', { id: 'quiz-draw-title', i18n: 'quiz.drawTitle' }),
    h('p', { class: 'muted', i18n: 'quiz.drawIntro' }),
    fieldBox('nickname', 'quiz.nickname', nickname, 'quiz.nicknameHint'),
    fieldBox('phone', 'quiz.phone', phone, 'quiz.phonePrivacy'),
    fieldBox('region', 'quiz.town', town, null),
    villageField,
    towns.length ? null : h('p', { class: 'notice', i18n: 'quiz.noRegions' }),
    alert,
    h('div', { class: 'quiz-draw-actions' }, submit, skip));

  function setError(name, message) {
    const box = document.getElementById('quiz-' + name + '-error');
    if (box) {
      box.textContent = message;
      box.hidden = false;
    }
    fields[name].setAttribute('aria-invalid', 'true');
  }
  function clearError(name) {
    const box = document.getElementById('quiz-' + name + '-error');
    if (box) {
      box.textContent = '';
      box.hidden = true;
    }
    fields[name].removeAttribute('aria-invalid');
  }
  function clearAll() {
    Object.keys(fields).forEach(clearError);
    showFormError(alert, '');
  }
  function busy(on) {
    submit.disabled = on;
    skip.disabled = on;
    submit.classList.toggle('is-busy', on);
  }

  function check() {
    const bad = [];
    const name = nickname.value.trim();
    if (!name || Array.from(name).length > 20) bad.push(['nickname', t('quiz.nicknameBad')]);
    if (!normalizePhone(phone.value)) bad.push(['phone', t(phone.value.trim() ? 'quiz.phoneBad' : 'quiz.phoneMissing')]);
    if (!town.value) bad.push(['region', t('quiz.townMissing')]);
    return bad;
  }
  function showProblems(bad) {
    bad.forEach(function (p) { setError(p[0], p[1]); });
    showFormError(alert, t('quiz.formProblems', { n: bad.length }));
    fields[bad[0][0]].focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearAll();
    const bad = check();
    if (bad.length) {
      showProblems(bad);
      return;
    }
    busy(true);
    onEnter({ nickname: nickname.value.trim(), phone: normalizePhone(phone.value), regionId: Number(village.value || town.value) })
      .then(function () { busy(false); }, function (err) {
        busy(false);
        serverProblems(err);
      });
  });
  skip.addEventListener('click', function () {
    clearAll();
    busy(true);
    onSkip().then(function () { busy(false); }, function (err) {
      busy(false);
      showFormError(alert, quizError(err));
    });
  });

  // The server's refusals, each beside the field it is about when that can be told.
  function serverProblems(err) {
    if (err instanceof ApiError && err.code === 'phone_already_entered') {
      setError('phone', t('quiz.phoneTwiceShort'));
      showFormError(alert, t('quiz.error.phone_already_entered'));
      phone.focus();
      return;
    }
    if (!(err instanceof ApiError) || err.code !== 'validation_failed') {
      showFormError(alert, quizError(err));
      return;
    }
    const bad = [];
    const rest = [];
    (err.serverMessage || '').split(/;\s*/).forEach(function (raw) {
      if (!raw) return;
      const name = /昵称|nickname/i.test(raw) ? 'nickname' : /手机|phone|mobile/i.test(raw) ? 'phone'
        : /乡镇|村|town|village/i.test(raw) ? 'region' : null;
      if (name) bad.push([name, pickLanguage(raw)]);
      else rest.push(pickLanguage(raw));
    });
    if (bad.length) {
      showProblems(bad);
      if (rest.length) showFormError(alert, rest.join(' '));
    } else {
      showFormError(alert, problems(err).join(' ') || quizError(err));
    }
  }

  return form;
}

// Towns under their county (optgroup) when there are several counties.
function townOptions(towns, counties) {
  if (counties.length < 2) return towns.map(function (r) { return h('option', { value: String(r.id), text: r.name }); });
  return counties.map(function (c) {
    const mine = towns.filter(function (r) { return r.parentId === c.id; });
    if (!mine.length) return null;
    return h('optgroup', { label: c.name }, mine.map(function (r) { return h('option', { value: String(r.id), text: r.name }); }));
  });
}
