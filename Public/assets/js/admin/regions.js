// 地区: the county > town > village tree and, with regions.manage, adding a region. The level follows
// from the parent (none → county, county → town, town → village), so the form never asks for it.
import { api } from '../api.js';
import { h, formValues } from '../dom.js';
import { t } from '../i18n.js';
import { announce, userError, describeError } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { field, selectField } from '../fields.js';
import { loadRefs, clearRefs, treeChoices, byId } from './refs.js';
import { renderTreeSection } from './tree-section.js';

const CHILD_LEVEL = { county: 'town', town: 'village' };

/** The level a new region under parent gets, or null when parent (a village) cannot have children. */
export function childLevel(parent) {
  if (!parent) return 'county';
  return CHILD_LEVEL[parent.level] || null;
}

/** Draws the region tree into container. */
export function renderRegions(container, ctx) {
  renderTreeSection(container, {
    kind: 'regions', title: 'nav.regions', intro: 'regions.intro', empty: 'regions.empty',
    add: { id: 'add-region', key: 'regions.addCounty' }, canAdd: ctx.can('regions.manage'), open: openAddRegion,
    items: function (refs) { return refs.regions; },
    badge: function (r) { return h('span', { class: 'badge badge-level level-' + r.level, i18n: 'level.' + r.level }); },
    child: function (r) {
      const next = childLevel(r);
      return next ? { key: 'regions.addChild', args: { name: r.name, level: '@level.' + next }, label: 'regions.addChildLabel' } : null;
    },
  });
}

function openAddRegion(parent, reload) {
  loadRefs().then(function (refs) {
    const level = childLevel(parent);
    const levelNote = h('p', { class: 'level-note' },
      h('span', { i18n: 'regions.level' }), '：', h('strong', { i18n: 'level.' + level }));
    const body = [field('regions.name', { name: 'name', autocomplete: 'off', required: true }), levelNote];
    if (parent) {
      // Any county or town may be the parent; the level shown follows the choice.
      const choices = treeChoices(refs.regions, function (r) { return Boolean(CHILD_LEVEL[r.level]); });
      const select = selectField('regions.parent', 'parentId', choices, parent.id);
      select.querySelector('select').addEventListener('change', function (e) {
        const chosen = byId(refs.regions, Number(e.target.value));
        const next = childLevel(chosen);
        const strong = levelNote.querySelector('strong');
        strong.setAttribute('data-i18n', 'level.' + next);
        strong.textContent = t('level.' + next);
        const title = select.parentNode.querySelector('h2');
        title.setAttribute('data-i18n-args', JSON.stringify({ level: '@level.' + next }));
        title.textContent = t('regions.addTitle', { level: '@level.' + next });
      });
      body.unshift(select);
    }
    openDialog({
      title: 'regions.addTitle',
      args: { level: '@level.' + level },
      submit: 'save',
      body: body,
      onSubmit: function (form) {
        const v = formValues(form);
        if (!v.name) return Promise.reject(userError(t('error.required', { field: t('regions.name') }), 'name'));
        const parentRegion = v.parentId ? byId(refs.regions, Number(v.parentId)) : null;
        const lvl = childLevel(parentRegion);
        return api.createRegion({ name: v.name, parentId: parentRegion ? parentRegion.id : null, level: lvl })
          .then(function (region) {
            clearRefs();
            announce(t('regions.created', { name: region.name || v.name, level: '@level.' + lvl }));
            reload(true);
          });
      },
    });
  }, function (err) { announce(describeError(err), 'error'); });
}
