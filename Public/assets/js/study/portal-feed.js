// The portal's two study cards: 为你推荐 (the feed, each item with its reason as a chip) and 我的学习任务 (the
// person's tasks with the deadline and a progress bar). The tasks card stays hidden for anyone without tasks.
import { h, replace, formatMinute } from '../dom.js';
import { t } from '../i18n.js';
import { studyApi } from './api.js';

const REASON_CLASS = { task_due: 'chip-due', gap: 'chip-gap', inbox: 'chip-inbox', interest: 'chip-interest', audience: 'chip-audience', fresh: 'chip-fresh' };

/** Fills #feed-state with the feed; index.html's text stays when it cannot load. */
export function showFeed() {
  const slot = document.getElementById('feed-state');
  if (!slot) return;
  studyApi.feed(6).then(function (items) {
    if (!items.length) {
      replace(slot, h('p', { class: 'muted', i18n: 'study.feedEmpty' }));
      return;
    }
    replace(slot, h('ul', { class: 'feed-list', id: 'feed-list' }, items.map(function (item) {
      return h('li', { class: 'feed-item', 'data-slug': item.slug, 'data-reason': item.reasonCode },
        h('a', { class: 'feed-link', href: '/read#/' + encodeURIComponent(item.slug), lang: 'zh-CN', text: item.title }),
        h('span', { class: 'chip feed-reason ' + (REASON_CLASS[item.reasonCode] || ''), text: reasonText(item.reason) }));
    })));
  }, function () {
    // The intro text written in index.html stays.
  });
}

/** Fills and shows #tasks when the person has study tasks. */
export function showTasks() {
  const card = document.getElementById('tasks');
  const slot = document.getElementById('tasks-state');
  if (!card || !slot) return;
  studyApi.myTasks().then(function (tasks) {
    if (!tasks.length) return;
    card.hidden = false;
    replace(slot, h('ul', { class: 'task-list', id: 'task-list' }, tasks.map(function (task) {
      const need = Math.max(1, task.minSeconds);
      const done = Boolean(task.completedAt);
      const overdue = !done && Date.parse(task.deadline) < Date.now();
      return h('li', { class: 'task-item' + (done ? ' is-done' : ''), 'data-task': task.id },
        h('a', { class: 'task-link', href: '/read#/' + encodeURIComponent(task.slug), lang: 'zh-CN', text: task.title }),
        h('p', { class: 'muted task-meta' },
          h('span', { i18n: overdue ? 'study.taskOverdue' : 'study.taskDeadline', args: { when: formatMinute(task.deadline) } }), ' · ',
          h('span', { i18n: done ? 'study.taskDone' : 'study.taskNeed', args: { min: Math.ceil(task.minSeconds / 60) } })),
        h('progress', { class: 'task-bar', max: String(need), value: String(done ? need : Math.min(need, task.seconds)),
          'aria-label': t('study.taskBar', { title: task.title }) }));
    })));
  }, function () {
    // Tasks are an extra on the portal; the reading page still counts time.
  });
}

// "中文 / English": the half for the page's language.
function reasonText(reason) {
  const parts = String(reason).split(' / ');
  if (parts.length < 2) return reason;
  return document.documentElement.lang === 'en' ? parts.slice(1).join(' / ') : parts[0];
}
