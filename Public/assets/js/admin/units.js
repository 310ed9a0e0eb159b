// 单位: the tree of units (bureau > section > …) and, with units.manage, adding a unit under any parent.
import { api } from '../api.js';
import { h, formValues } from '../dom.js';
import { t } from '../i18n.js';
import { announce, userError, describeError } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { field, selectField } from '../fields.js';
import { loadRefs, clearRefs, treeChoices } from './refs.js';
import { renderTreeSection } from './tree-section.js';

/** Draws the unit tree into container. */
export function renderUnits(container, ctx) {
  renderTreeSection(container, {
    kind: 'units', title: 'nav.units', intro: 'units.intro', empty: 'units.empty', add: { id: 'add-unit', key: 'units.add' },
    canAdd: ctx.can('units.manage'), open: openAddUnit,
    items: function (refs) { return refs.units; },
    badge: function (u) { return u.code ? h('span', { class: 'badge badge-code', text: u.code }) : null; },
    child: function (u) { return { key: 'units.addChild', args: { name: u.name }, label: 'units.addChildLabel' }; },
  });
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
