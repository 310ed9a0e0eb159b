// The dialogs of 用户管理: create, edit, reset password, confirm disable. Each validates what it can
// before asking the server, and shows the server's message (409 username taken, 422 …) in the dialog.
import { api } from '../api.js';
import { h, formValues, ROLES } from '../dom.js';
import { t } from '../i18n.js';
import { announce, userError } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { field, selectField, newPasswordField } from '../fields.js';
import { loadRefs, treeChoices } from './refs.js';


function rolesFieldset(selected) {
  return h('fieldset', { class: 'field roles-field' },
    h('legend', { i18n: 'users.roles' }),
    h('div', { class: 'checks' }, ROLES.map(function (role) {
      const id = 'role-' + role + '-' + Math.random().toString(36).slice(2, 7);
      return h('div', { class: 'check' },
        h('input', { type: 'checkbox', id: id, name: 'roles', value: role, checked: selected.indexOf(role) >= 0 }),
        h('label', { for: id, i18n: 'role.' + role }));
    })));
}

function checkedRoles(form) {
  const out = [];
  const boxes = form.querySelectorAll('input[name=roles]');
  for (let i = 0; i < boxes.length; i++) if (boxes[i].checked) out.push(boxes[i].value);
  return out;
}

function placeSelects(refs, user) {
  const none = { value: '', key: 'none' };
  return [
    selectField('users.unit', 'unitId', [none].concat(treeChoices(refs.units)), user ? user.unitId : ''),
    selectField('users.region', 'regionId', [none].concat(treeChoices(refs.regions)), user ? user.regionId : ''),
  ];
}

function idOrNull(value) {
  return value === '' || value === undefined ? null : Number(value);
}

function requireRoles(form) {
  const roles = checkedRoles(form);
  if (!roles.length) throw userError(t('users.rolesRequired'));
  return roles;
}

function refsOrEmpty() {
  return loadRefs().catch(function () { return { units: [], regions: [] }; });
}

/** Opens "新建用户"; onCreated(user) runs after the server answers 201. */
export function openCreateUser(onCreated) {
  refsOrEmpty().then(function (refs) {
    openDialog({
      title: 'users.createTitle',
      submit: 'users.create',
      body: [
        field('users.username', { name: 'username', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', required: true }, 'users.usernameHint'),
        field('users.displayName', { name: 'displayName', autocomplete: 'off', required: true }),
        newPasswordField('users.password', 'password'),
        rolesFieldset(['official']),
      ].concat(placeSelects(refs, null)),
      onSubmit: function (form) {
        const v = formValues(form);
        if (!v.username) return Promise.reject(userError(t('error.required', { field: t('users.username') }), 'username'));
        if (!v.displayName) return Promise.reject(userError(t('error.required', { field: t('users.displayName') }), 'displayName'));
        if (!v.password) return Promise.reject(userError(t('error.required', { field: t('users.password') }), 'password'));
        const roles = requireRoles(form);
        return api.createUser({
          username: v.username, displayName: v.displayName, password: v.password, roles: roles,
          unitId: idOrNull(v.unitId), regionId: idOrNull(v.regionId),
        }).then(function (user) {
          announce(t('users.created', { name: user.displayName || user.username }));
          onCreated(user);
        });
      },
    });
  });
}

/** Opens "编辑用户" for user; onSaved() reloads the list. */
export function openEditUser(user, onSaved) {
  refsOrEmpty().then(function (refs) {
    openDialog({
      title: 'users.editTitle',
      args: { name: user.username },
      body: [
        field('users.displayName', { name: 'displayName', value: user.displayName || '', autocomplete: 'off', required: true }),
        rolesFieldset(user.roles || []),
      ].concat(placeSelects(refs, user)),
      onSubmit: function (form) {
        const v = formValues(form);
        if (!v.displayName) return Promise.reject(userError(t('error.required', { field: t('users.displayName') }), 'displayName'));
        const roles = requireRoles(form);
        return api.updateUser(user.id, {
          displayName: v.displayName, roles: roles, unitId: idOrNull(v.unitId), regionId: idOrNull(v.regionId),
        }).then(function (saved) {
          announce(t('users.saved', { name: saved.displayName || saved.username }));
          onSaved();
        });
      },
    });
  });
}

/** Opens "重置密码" for user. */
export function openResetPassword(user) {
  openDialog({
    title: 'users.resetTitle',
    args: { name: user.displayName || user.username },
    submit: 'users.resetPassword',
    body: [newPasswordField('users.newPassword', 'password')],
    onSubmit: function (form) {
      const v = formValues(form);
      if (!v.password) return Promise.reject(userError(t('error.required', { field: t('users.newPassword') }), 'password'));
      return api.updateUser(user.id, { password: v.password }).then(function () {
        announce(t('users.passwordReset', { name: user.displayName || user.username }));
      });
    },
  });
}

/** Asks before disabling user (a disabled user cannot sign in), then reloads the list. */
export function confirmDisable(user, onDone) {
  const name = user.displayName || user.username;
  openDialog({
    title: 'users.confirmDisableTitle',
    submit: 'users.disable',
    danger: true,
    body: [h('p', { i18n: 'users.confirmDisable', args: { name: name } })],
    onSubmit: function () {
      return api.updateUser(user.id, { disabled: true }).then(function () {
        announce(t('users.disabledDone', { name: name }));
        onDone();
      });
    },
  });
}
