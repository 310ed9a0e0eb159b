// 用户管理: search and page through users, create them, edit roles/unit/region, disable or enable,
// reset a password. The list's state (q, role, page) lives in the hash, so Back and reload keep it.
import { api } from '../api.js';
import { h, replace, roleChips, formatTime, ROLES } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy } from '../feedback.js';
import { loadRefs, pathOf, byId } from './refs.js';
import { dataTable, pager, hashFor, pageParam } from './table.js';
import { openCreateUser, openEditUser, openResetPassword, confirmDisable } from './user-forms.js';

const PAGE_SIZE = 20;

/** Draws the user list for params {q, role, page} into container. */
export function renderUsers(container, ctx, params) {
  const q = params.q || '';
  const role = ROLES.indexOf(params.role) >= 0 ? params.role : '';
  const page = pageParam(params.page, 1);
  const results = h('div', { class: 'results', id: 'users-results', 'aria-busy': 'true' }, loadingView());
  const create = h('button', { type: 'button', class: 'btn btn-primary', id: 'create-user', i18n: 'users.create',
    onclick: function () { openCreateUser(function (user) { ctx.go(hashFor('users', { q: user.username })); }); } });
  replace(container,
    h('div', { class: 'section-head' }, h('h1', { i18n: 'nav.users' }), create),
    searchForm(ctx, q, role),
    results);
  load();

  function load() {
    results.setAttribute('aria-busy', 'true');
    replace(results, loadingView());
    Promise.all([api.listUsers({ q: q, role: role, page: page, pageSize: PAGE_SIZE }), loadRefs().catch(function () { return null; })])
      .then(function (answers) {
        results.removeAttribute('aria-busy');
        drawList(results, ctx, answers[0], answers[1], { q: q, role: role }, load);
      }, function (err) {
        results.removeAttribute('aria-busy');
        replace(results, errorView(err, load));
      });
  }
}

function searchForm(ctx, q, role) {
  const form = h('form', { class: 'toolbar', role: 'search', id: 'user-search' },
    h('div', { class: 'field field-grow' },
      h('label', { for: 'user-q', i18n: 'users.search' }),
      h('input', { type: 'search', id: 'user-q', name: 'q', value: q, autocomplete: 'off' })),
    h('div', { class: 'field' },
      h('label', { for: 'user-role', i18n: 'users.role' }),
      h('select', { id: 'user-role', name: 'role' },
        h('option', { value: '', i18n: 'users.allRoles' }),
        ROLES.map(function (r) { return h('option', { value: r, selected: r === role, i18n: 'role.' + r }); }))),
    h('div', { class: 'field field-button' },
      h('button', { type: 'submit', class: 'btn', i18n: 'users.searchButton' })));
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    ctx.go(hashFor('users', { q: form.elements.q.value.trim(), role: form.elements.role.value }));
  });
  return form;
}

function drawList(box, ctx, data, refs, filter, reload) {
  const items = data.items || [];
  if (!items.length) {
    replace(box, h('div', { class: 'card empty-state' }, h('p', { class: 'empty-title', i18n: 'users.empty' })));
    return;
  }
  const columns = [
    { label: 'users.colUsername', cell: function (u) {
      return [h('span', { class: 'mono', text: u.username }), u.id === ctx.user.id ? h('span', { class: 'muted', i18n: 'users.self' }) : null];
    } },
    { label: 'users.colName', class: 'nowrap', cell: function (u) { return u.displayName || ''; } },
    { label: 'users.colRoles', cell: function (u) { return roleChips(u.roles); } },
    { label: 'users.colUnit', cell: function (u) { return refs ? place(refs.units, u.unitId) : ''; } },
    { label: 'users.colRegion', cell: function (u) { return refs ? place(refs.regions, u.regionId) : ''; } },
    { label: 'users.colStatus', cell: function (u) {
      return h('span', { class: 'badge ' + (u.disabled ? 'badge-off' : 'badge-on'), i18n: u.disabled ? 'users.disabled' : 'users.active' });
    } },
    { label: 'users.colLastLogin', class: 'nowrap', cell: function (u) {
      return u.lastLoginAt ? formatTime(u.lastLoginAt) : h('span', { class: 'muted', i18n: 'users.never' });
    } },
    { label: 'users.colActions', class: 'actions', cell: function (u) { return actions(ctx, u, reload); } },
  ];
  const total = data.total || 0;
  const size = data.pageSize || PAGE_SIZE;
  replace(box,
    dataTable(columns, items, { id: 'users-table', caption: 'nav.users' }),
    pager(data.page || 1, size, total, function (p) { return hashFor('users', { q: filter.q, role: filter.role, page: p }); }));
}

// The list shows the unit's own name; the full path (bureau / section) is in the tooltip.
function place(items, id) {
  const item = byId(items, id);
  return item ? h('span', { title: pathOf(items, id), text: item.name }) : '';
}

function actions(ctx, u, reload) {
  const name = u.displayName || u.username;
  const args = { name: name };
  const edit = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'edit', i18n: 'users.edit', args: args,
    i18nAttr: { 'aria-label': 'users.editLabel' }, onclick: function () { openEditUser(u, reload); } });
  const reset = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'reset', i18n: 'users.resetPassword', args: args,
    i18nAttr: { 'aria-label': 'users.resetPasswordLabel' }, onclick: function () { openResetPassword(u); } });
  let toggle = null;
  if (u.id !== ctx.user.id) {
    toggle = h('button', {
      type: 'button', class: 'btn btn-small' + (u.disabled ? '' : ' btn-danger-quiet'), 'data-action': u.disabled ? 'enable' : 'disable',
      i18n: u.disabled ? 'users.enable' : 'users.disable', args: args,
      i18nAttr: { 'aria-label': u.disabled ? 'users.enableLabel' : 'users.disableLabel' },
      onclick: function () {
        if (u.disabled) enable(u, toggle, reload);
        else confirmDisable(u, reload);
      },
    });
  }
  return h('div', { class: 'row-actions' }, edit, toggle, reset);
}

function enable(u, button, reload) {
  withBusy(button, function () { return api.updateUser(u.id, { disabled: false }); }).then(function () {
    announce(t('users.enabledDone', { name: u.displayName || u.username }));
    reload();
  }, function (err) { announce(describeError(err), 'error'); });
}
