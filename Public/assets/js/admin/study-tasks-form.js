// Assigning a piece (学习任务): the piece (published ones), who (a segment when segments exist, and/or usernames
// pasted one per line), the deadline, the minimum effective reading time in minutes, reminder days before the
// deadline, and whether to escalate (to the chosen group robots at the deadline, then a follow-up two days later).
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { request } from '../api.js';
import { announce, withBusy, showFormError } from '../feedback.js';

export function renderStudyTaskForm(container, ctx) {
  const error = h('div', { class: 'form-error', role: 'alert', id: 'st-error', hidden: true });
  const content = h('select', { id: 'st-content', name: 'slug', required: true }, h('option', { value: '', i18n: 'studyAdmin.pickContent' }));
  const segment = h('select', { id: 'st-segment', name: 'segmentId' }, h('option', { value: '', i18n: 'studyAdmin.noSegment' }));
  const segmentField = h('div', { class: 'field', hidden: true }, h('label', { for: 'st-segment', i18n: 'studyAdmin.segment' }), segment);
  const robots = h('div', { class: 'checks', id: 'st-robots' });
  const robotField = h('fieldset', { class: 'field', hidden: true }, h('legend', { i18n: 'studyAdmin.robots' }), robots);
  const tomorrow = new Date(Date.now() + 7 * 86400000 + 8 * 3600000).toISOString().slice(0, 10);
  const form = h('form', { class: 'st-form card', id: 'st-form', novalidate: true },
    error,
    h('div', { class: 'field' }, h('label', { for: 'st-title', i18n: 'studyAdmin.title' }),
      h('input', { id: 'st-title', name: 'title', maxlength: '60', required: true })),
    h('div', { class: 'field' }, h('label', { for: 'st-content', i18n: 'studyAdmin.content' }), content),
    segmentField,
    h('div', { class: 'field' }, h('label', { for: 'st-users', i18n: 'studyAdmin.usernames' }),
      h('textarea', { id: 'st-users', name: 'usernames', 'aria-describedby': 'st-users-hint', spellcheck: 'false' }),
      h('p', { class: 'hint', id: 'st-users-hint', i18n: 'studyAdmin.usernamesHint' })),
    h('div', { class: 'input-row' },
      h('div', { class: 'field' }, h('label', { for: 'st-deadline', i18n: 'studyAdmin.deadline' }),
        h('input', { id: 'st-deadline', name: 'deadline', type: 'date', value: tomorrow, required: true })),
      h('div', { class: 'field' }, h('label', { for: 'st-minutes', i18n: 'studyAdmin.minutes' }),
        h('input', { id: 'st-minutes', name: 'minutes', type: 'number', min: '0', max: '600', step: '0.05', value: '5', required: true })),
      h('div', { class: 'field' }, h('label', { for: 'st-remind', i18n: 'studyAdmin.remindDays' }),
        h('input', { id: 'st-remind', name: 'remind', value: '3,1', 'aria-describedby': 'st-remind-hint' }),
        h('p', { class: 'hint', id: 'st-remind-hint', i18n: 'studyAdmin.remindHint' }))),
    h('div', { class: 'field' }, h('label', null, h('input', { type: 'checkbox', id: 'st-escalate', name: 'escalate', checked: true }), ' ',
      h('span', { i18n: 'studyAdmin.escalate' }))),
    robotField,
    h('div', { class: 'st-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'st-save', i18n: 'studyAdmin.create' }),
      h('a', { class: 'btn', href: '#/study-tasks', i18n: 'cancel' })));
  replace(container,
    h('p', null, h('a', { class: 'back-link', href: '#/study-tasks', i18n: 'studyAdmin.backToList' })),
    h('h1', { i18n: 'studyAdmin.new' }), form);

  request('GET', '/api/v1/content').then(function (data) {
    (data.items || []).forEach(function (p) { content.appendChild(h('option', { value: p.slug, text: p.title + '（' + p.slug + '）' })); });
  }, function () {});
  // Segments and robots are managed elsewhere; when their lists cannot be read the fields stay hidden.
  request('GET', '/api/v1/segments').then(function (data) {
    const items = (data && data.items) || [];
    items.forEach(function (s) { segment.appendChild(h('option', { value: s.id, text: s.name })); });
    segmentField.hidden = !items.length;
  }, function () {});
  request('GET', '/api/v1/robots').then(function (data) {
    const items = (data && data.items) || [];
    items.forEach(function (r) {
      robots.appendChild(h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'robot', value: r.id }), ' ' + r.name));
    });
    robotField.hidden = !items.length;
  }, function () {});

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    showFormError(error, '');
    const f = form.elements;
    const usernames = f.usernames.value.split(/[\s,，、;；]+/).map(function (s) { return s.trim(); }).filter(Boolean);
    const body = {
      title: f.title.value.trim(),
      slug: f.slug.value,
      usernames: usernames,
      // The end of the chosen Beijing day.
      deadline: f.deadline.value ? new Date(f.deadline.value + 'T23:59:59+08:00').toISOString() : '',
      minSeconds: Math.round(Number(f.minutes.value || 0) * 60),
      remindDays: f.remind.value.split(/[\s,，]+/).filter(Boolean).map(Number),
      escalate: f.escalate.checked,
      robotIds: Array.prototype.filter.call(form.querySelectorAll('input[name=robot]'), function (c) { return c.checked; })
        .map(function (c) { return Number(c.value); }),
    };
    if (f.segmentId.value) body.segmentId = Number(f.segmentId.value);
    if (!body.title) { showFormError(error, t('studyAdmin.needTitle')); f.title.focus(); return; }
    if (!body.slug) { showFormError(error, t('studyAdmin.needContent')); content.focus(); return; }
    withBusy(document.getElementById('st-save'), function () {
      return request('POST', '/api/v1/study-tasks', body).then(function (task) {
        announce(t('studyAdmin.created', { n: task.assignees }), 'success');
        ctx.go('#/study-tasks?view=task&id=' + task.id);
      }, function (err) {
        showFormError(error, err.serverMessage || err.message);
        error.focus && error.focus();
      });
    });
  });
}
