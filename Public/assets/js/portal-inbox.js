// 我的消息 on the portal: what campaigns and study-task reminders delivered to this person, newest first, with the
// unread count. Shown only to someone the server can name: a signed-in account, or a resident whose device keeps a
// profile token (localStorage "pufa.profileToken", sent as X-Profile-Token). Opening a message marks it seen.
import { h, replace, formatTime } from './dom.js';
import { request } from './api.js';

export const PROFILE_TOKEN_KEY = 'pufa.profileToken';
const SHOWN = 5;

function profileToken() {
  try {
    return window.localStorage.getItem(PROFILE_TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

export function showInbox() {
  const box = document.getElementById('inbox');
  if (!box) return;
  const token = profileToken();
  const headers = token ? { 'X-Profile-Token': token } : null;
  request('GET', '/api/v1/session').then(function (session) {
    if (!(session && session.user) && !token) return null;
    return request('GET', '/api/v1/inbox?limit=' + SHOWN, undefined, headers);
  }).then(function (data) {
    if (data) draw(box, data, headers);
  }, function () {
    // No profile or no connection: the portal simply shows no inbox.
  });
}

function draw(box, data, headers) {
  const unread = document.getElementById('inbox-unread');
  const state = document.getElementById('inbox-state');
  box.hidden = false;
  unread.hidden = !data.unread;
  unread.setAttribute('data-i18n', 'portal.inboxUnread');
  unread.setAttribute('data-i18n-args', JSON.stringify({ n: data.unread }));
  replace(unread, h('span', { i18n: 'portal.inboxUnread', args: { n: data.unread } }));
  if (!data.items.length) {
    replace(state, h('p', { class: 'muted', id: 'inbox-empty', i18n: 'portal.inboxEmpty' }));
    return;
  }
  replace(state, h('ul', { class: 'portal-inbox-list', id: 'inbox-list' }, data.items.map(function (item) {
    return h('li', { class: item.seen ? 'is-seen' : 'is-unread', 'data-id': item.id },
      h('span', { class: 'chip inbox-kind-' + item.kind, i18n: 'portal.inboxKind.' + item.kind }),
      h('a', { class: 'portal-inbox-link', href: '/read?' + (item.campaignId ? 'c=' + item.campaignId + '&' : '') + 'via=inbox#/' + encodeURIComponent(item.slug), lang: 'zh-CN', text: item.title,
        onclick: function () {
          if (!item.seen) request('POST', '/api/v1/inbox/' + item.id + '/seen', {}, headers).catch(function () {});
        } }),
      item.note ? h('p', { class: 'portal-inbox-note', lang: 'zh-CN', text: item.note }) : null,
      h('time', { class: 'muted', datetime: item.createdAt, text: formatTime(item.createdAt).slice(0, 16) }));
  })));
}
