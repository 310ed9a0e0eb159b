// 学习任务: required study. One hash per view:
//   #/study-tasks                     the tasks with completion, newest first
//   #/study-tasks?view=new            assigning a piece (content, people, deadline, minimum, reminders, robots)
//   #/study-tasks?view=task&id=3      one task: completion per unit (chart and table) and per person, exports, close
//   #/study-tasks?view=followups      people to follow up after a missed deadline, with 已处理
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { request } from '../api.js';
import { errorView, loadingView, announce, withBusy } from '../feedback.js';
import { dataTable } from './table.js';
import { renderStudyTaskForm } from './study-tasks-form.js';
import { renderStudyTask } from './study-tasks-detail.js';

/** Draws the view params.view names into container; ctx comes from admin.js. */
export function renderStudyTasks(container, ctx, params) {
  if (params.view === 'new') renderStudyTaskForm(container, ctx);
  else if (params.view === 'task' && params.id) renderStudyTask(container, ctx, params.id);
  else if (params.view === 'followups') renderFollowups(container);
  else renderList(container);
}

/** "已完成 3 / 5 (60%)" with a bar. */
export function rateCell(completed, assigned) {
  const pct = assigned ? Math.round(completed / assigned * 1000) / 10 : 0;
  return h('span', { class: 'st-rate' },
    h('progress', { max: String(Math.max(1, assigned)), value: String(completed), 'aria-hidden': 'true' }),
    h('span', { i18n: 'studyAdmin.rate', args: { done: completed, all: assigned, pct: pct } }));
}

function renderList(container) {
  const results = h('div', { class: 'results', id: 'st-results', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('div', { class: 'section-head' },
      h('h1', { i18n: 'nav.studyTasks' }),
      h('div', { class: 'head-actions' },
        h('a', { class: 'btn', href: '#/study-tasks?view=followups', id: 'st-followups-link', i18n: 'studyAdmin.followups' }),
        h('a', { class: 'btn btn-primary', href: '#/study-tasks?view=new', id: 'st-new', i18n: 'studyAdmin.new' }))),
    h('p', { class: 'intro muted', i18n: 'studyAdmin.intro' }),
    results);
  load();
  function load() {
    request('GET', '/api/v1/study-tasks').then(function (data) {
      results.removeAttribute('aria-busy');
      const items = data.items || [];
      if (!items.length) {
        replace(results, h('div', { class: 'empty-state' }, h('p', { class: 'empty-title', i18n: 'studyAdmin.empty' }),
          h('p', { class: 'muted', i18n: 'studyAdmin.emptyHint' })));
        return;
      }
      replace(results, dataTable([
        { label: 'studyAdmin.colTitle', cell: function (r) { return h('a', { href: '#/study-tasks?view=task&id=' + r.id, text: r.title }); } },
        { label: 'studyAdmin.colContent', cell: function (r) { return r.contentTitle; } },
        { label: 'studyAdmin.colDeadline', cell: function (r) { return formatTime(r.deadline); } },
        { label: 'studyAdmin.colCompletion', cell: function (r) { return rateCell(r.completed, r.assignees); } },
        { label: 'studyAdmin.colStatus', cell: function (r) { return h('span', { class: 'badge' + (r.status === 'active' ? ' badge-on' : ''), i18n: 'studyAdmin.status.' + r.status }); } },
      ], items, { id: 'st-table', caption: 'nav.studyTasks' }));
    }, function (err) {
      results.removeAttribute('aria-busy');
      replace(results, errorView(err, load));
    });
  }
}

function renderFollowups(container) {
  const results = h('div', { class: 'results', id: 'fu-results', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('p', null, h('a', { class: 'back-link', href: '#/study-tasks', i18n: 'studyAdmin.backToList' })),
    h('h1', { i18n: 'studyAdmin.followups' }),
    h('p', { class: 'intro muted', i18n: 'studyAdmin.followupsIntro' }),
    results);
  load();
  function load() {
    request('GET', '/api/v1/followups').then(function (data) {
      results.removeAttribute('aria-busy');
      const items = data.items || [];
      if (!items.length) {
        replace(results, h('div', { class: 'empty-state' }, h('p', { class: 'empty-title', i18n: 'studyAdmin.followupsEmpty' })));
        return;
      }
      replace(results, dataTable([
        { label: 'studyAdmin.colPerson', cell: function (r) { return r.displayName + (r.username ? '（' + r.username + '）' : ''); } },
        { label: 'studyAdmin.colUnit', cell: function (r) { return r.unitName || t('none'); } },
        { label: 'studyAdmin.colTask', cell: function (r) { return h('a', { href: '#/study-tasks?view=task&id=' + r.taskId, text: r.taskTitle }); } },
        { label: 'studyAdmin.colSince', cell: function (r) { return formatTime(r.createdAt); } },
        { label: 'studyAdmin.colAction', cell: resolveCell },
      ], items, { id: 'fu-table', caption: 'studyAdmin.followups' }));
    }, function (err) {
      results.removeAttribute('aria-busy');
      replace(results, errorView(err, load));
    });
  }
  function resolveCell(row) {
    const note = h('input', { type: 'text', maxlength: '500', id: 'fu-note-' + row.id, i18nAttr: { 'aria-label': 'studyAdmin.note', placeholder: 'studyAdmin.note' } });
    const button = h('button', { type: 'button', class: 'btn btn-small', id: 'fu-resolve-' + row.id, i18n: 'studyAdmin.resolve',
      onclick: function () {
        withBusy(button, function () {
          return request('POST', '/api/v1/followups/' + row.id + '/resolve', { note: note.value.trim() }).then(function () {
            announce(t('studyAdmin.resolved', { name: row.displayName }), 'success');
            load();
          }, function (err) { announce(err.serverMessage || err.message, 'error'); });
        });
      } });
    return h('div', { class: 'input-row' }, note, button);
  }
}
