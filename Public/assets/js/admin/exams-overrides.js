// 延时: extra time for some candidates (an accessibility need, a network outage) and, if needed, a later close
// for them alone. Usernames one per line, the extra minutes (0–600) and an optional close in Beijing time;
// saving sets the same override for everyone listed and shows the whole list. 0 minutes without a close
// takes a person's override away.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy, showFormError } from '../feedback.js';
import { dataTable } from './table.js';
import { examAdminApi, examHash, fromLocalInput, num } from './exams-data.js';
import { examHeader } from './exams-head.js';
import { splitUsernames } from './exams-roster.js';

const MAX_MINUTES = 600;

/** Draws the overrides page of exam id into container. */
export function renderExamOverrides(container, ctx, id) {
  const body = h('div', { id: 'exam-overrides-page', 'aria-busy': 'true' }, loadingView());
  replace(container, body);
  load();

  function load() {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    Promise.all([examAdminApi.get(id), examAdminApi.overrides(id)]).then(function (answers) {
      const exam = answers[0];
      replace(container, examHeader(ctx, exam, 'overrides', function () { ctx.go(examHash('overrides', exam.id)); }), body);
      body.removeAttribute('aria-busy');
      draw(body, exam, answers[1] || {});
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
}

function draw(box, exam, list) {
  const usernames = h('textarea', { id: 'overrides-usernames', name: 'usernames', rows: 4, spellcheck: 'false', autocapitalize: 'off',
    'aria-describedby': 'overrides-usernames-hint' });
  const minutes = h('input', { type: 'number', id: 'overrides-minutes', name: 'extraMinutes', min: '0', max: String(MAX_MINUTES), step: '1',
    inputmode: 'numeric', value: '10', 'aria-describedby': 'overrides-minutes-hint' });
  const closes = h('input', { type: 'datetime-local', id: 'overrides-closes', name: 'closesAt', 'aria-describedby': 'overrides-closes-hint' });
  const errorBox = h('div', { class: 'form-error', id: 'overrides-error', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', id: 'overrides-save', i18n: 'exams.overridesSave' });
  const listBox = h('div', { id: 'overrides-list' });
  const form = h('form', { class: 'card overrides-form', id: 'overrides-form', novalidate: true, 'aria-labelledby': 'overrides-form-title' },
    h('h2', { id: 'overrides-form-title', i18n: 'exams.overridesAdd' }),
    h('p', { class: 'hint', i18n: 'exams.overridesIntro', args: { closes: formatTime(exam.closesAt) } }),
    h('div', { class: 'field' }, h('label', { for: 'overrides-usernames', i18n: 'exams.overridesUsernames' }), usernames,
      h('p', { class: 'hint', id: 'overrides-usernames-hint', i18n: 'exams.rosterUsernamesHint' })),
    h('div', { class: 'field field-short' }, h('label', { for: 'overrides-minutes', i18n: 'exams.overridesMinutes' }), minutes,
      h('p', { class: 'hint', id: 'overrides-minutes-hint', i18n: 'exams.overridesMinutesHint', args: { max: MAX_MINUTES } })),
    h('div', { class: 'field' }, h('label', { for: 'overrides-closes', i18n: 'exams.overridesCloses' }), closes,
      h('p', { class: 'hint', id: 'overrides-closes-hint', i18n: 'exams.overridesClosesHint' })),
    errorBox,
    h('div', { class: 'form-actions' }, save));
  replace(box, form, h('section', { class: 'card', 'aria-labelledby': 'overrides-list-title' },
    h('h2', { id: 'overrides-list-title', i18n: 'exams.overridesCurrent' }), listBox));
  drawList(listBox, list.items || []);

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    showFormError(errorBox, '');
    const names = splitUsernames(usernames.value);
    const extra = num(minutes.value);
    const closeText = closes.value.trim();
    const closesAt = closeText ? fromLocalInput(closeText) : null;
    let problem = null;
    let bad = null;
    if (!names.length) { problem = t('exams.overridesNoNames'); bad = usernames; }
    else if (isNaN(extra) || extra < 0 || extra > MAX_MINUTES || Math.floor(extra) !== extra) { problem = t('exams.overridesBadMinutes', { max: MAX_MINUTES }); bad = minutes; }
    else if (closeText && !closesAt) { problem = t('exams.overridesBadClose'); bad = closes; }
    else if (closesAt && Date.parse(closesAt) <= Date.parse(exam.closesAt)) { problem = t('exams.overridesEarlyClose', { closes: formatTime(exam.closesAt) }); bad = closes; }
    if (problem) {
      showFormError(errorBox, problem);
      bad.focus();
      return;
    }
    const input = { usernames: names, unitIds: [], extraMinutes: extra, closesAt: closesAt };
    withBusy(save, function () { return examAdminApi.setOverrides(exam.id, input); }).then(function (saved) {
      announce(t('exams.overridesSaved', { n: names.length }));
      usernames.value = '';
      drawList(listBox, (saved && saved.items) || []);
      const heading = document.getElementById('overrides-list-title');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }, function (err) {
      const unknown = err && err.status === 422 ? names.filter(function (n) { return (err.serverMessage || '').indexOf(n) >= 0; }) : [];
      showFormError(errorBox, unknown.length ? t('exams.overridesUnknown', { names: unknown.join(t('exams.listSep')) }) : describeError(err));
      errorBox.setAttribute('tabindex', '-1');
      errorBox.focus();
    });
  });
}

function drawList(box, items) {
  if (!items.length) {
    replace(box, h('div', { class: 'empty-state', id: 'overrides-empty' }, h('p', { class: 'empty-title', i18n: 'exams.overridesEmpty' })));
    return;
  }
  replace(box,
    h('p', { class: 'total', id: 'overrides-total', i18n: 'exams.overridesTotal', args: { n: items.length } }),
    dataTable([
      { label: 'exams.colUsername', cell: function (r) { return h('span', { class: 'mono', text: r.username }); } },
      { label: 'exams.colName', cell: function (r) { return r.displayName || ''; } },
      { label: 'exams.colUnit', cell: function (r) { return r.unitName || h('span', { class: 'muted', i18n: 'none' }); } },
      { label: 'exams.overridesColMinutes', cell: function (r) { return h('span', { i18n: 'exams.minutes', args: { n: r.extraMinutes || 0 } }); } },
      { label: 'exams.overridesColCloses', cell: function (r) { return r.closesAt ? formatTime(r.closesAt) : h('span', { class: 'muted', i18n: 'exams.overridesSameClose' }); } },
    ], items.map(function (r) { return Object.assign({ id: r.userId }, r); }), { id: 'overrides-table', caption: 'exams.overridesCurrent' }));
}
