// 单位: the tree of units (bureau > section > …) and, with units.manage, adding a unit under any parent.
import { api } from '../api.js';
import { h, replace, formValues } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, userError, describeError } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { field, selectField } from '../fields.js';
import { loadRefs, clearRefs, buildTree, treeChoices } from './refs.js';

/** Draws the unit tree into container. */
export function renderUnits(container, ctx) {
  const canAdd = ctx.can('units.manage');
  const body = h('div', { class: 'card', id: 'units-tree-box', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('div', { class: 'section-head' },
      h('h1', { i18n: 'nav.units' }),
      canAdd ? h('button', { type: 'button', class: 'btn btn-primary', id: 'add-unit', i18n: 'units.add',
        onclick: function () { openAddUnit(null, load); } }) : null),
    h('p', { class: 'muted intro', i18n: 'units.intro' }),
    body);
  load(false);

  function load(force) {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    loadRefs(force === true).then(function (refs) {
      body.removeAttribute('aria-busy');
      drawTree(body, refs.units, canAdd ? function (parent) { openAddUnit(parent, load); } : null);
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, function () { load(true); }));
    });
  }
}

function drawTree(box, units, onAddChild) {
  if (!units.length) {
    replace(box, h('div', { class: 'empty-state' }, h('p', { class: 'empty-title', i18n: 'units.empty' })));
    return;
  }
  function branch(nodes, top) {
    return h('ul', { class: top ? 'tree' : null, id: top ? 'units-tree' : null }, nodes.map(function (node) {
      const u = node.item;
      return h('li', { 'data-id': u.id },
        h('div', { class: 'tree-row' },
          h('span', { class: 'tree-name', text: u.name }),
          u.code ? h('span', { class: 'badge badge-code', text: u.code }) : null,
          onAddChild ? h('button', { type: 'button', class: 'btn btn-small btn-quiet tree-add', i18n: 'units.addChild',
            args: { name: u.name }, i18nAttr: { 'aria-label': 'units.addChildLabel' },
            onclick: function () { onAddChild(u); } }) : null),
        node.children.length ? branch(node.children, false) : null);
    }));
  }
  replace(box, branch(buildTree(units), true));
}

function openAddUnit(parent, reload) {
  loadRefs().then(function (refs) {
    openDialog({
      title: 'units.add',
      submit: 'units.add',
      body: [
        selectField('units.parent', 'parentId', [{ value: '', key: 'units.topLevel' }].concat(treeChoices(refs.units)), parent ? parent.id : ''),
        field('units.name', { name: 'name', autocomplete: 'off', required: true }),
        field('units.code', { name: 'code', autocomplete: 'off', spellcheck: 'false' }, 'units.codeHint'),
      ],
      onSubmit: function (form) {
        const v = formValues(form);
        if (!v.name) return Promise.reject(userError(t('error.required', { field: t('units.name') }), 'name'));
        return api.createUnit({ name: v.name, parentId: v.parentId ? Number(v.parentId) : null, code: v.code || null })
          .then(function (unit) {
            clearRefs();
            announce(t('units.created', { name: unit.name || v.name }));
            reload(true);
          });
      },
    });
  }, function (err) { announce(describeError(err), 'error'); });
}
