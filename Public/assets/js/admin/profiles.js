// 对象: audience profiles. A search (name or the last digits of a phone, group, region or unit subtree) paged in the
// hash, and one profile's page: attributes (editable), accuracy per knowledge point over the last 90 days, reading,
// segments. Phones are shown masked as the server sends them.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, userError } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { field, selectField } from '../fields.js';
import { loadRefs, pathOf, treeChoices } from './refs.js';
import { dataTable, pager, hashFor, pageParam } from './table.js';
import { GROUPS, AGE_BANDS, profilesApi } from './audience-data.js';

const PAGE_SIZE = 20;

/** Draws the list (params q, group, regionId, unitId, page) or one profile (params id). */
export function renderProfiles(container, ctx, params) {
  if (params.id) { renderProfile(container, ctx, Number(params.id)); return; }
  const filter = { q: params.q || '', group: GROUPS.indexOf(params.group) >= 0 ? params.group : '', regionId: params.regionId || '',
    unitId: params.unitId || '' };
  const page = pageParam(params.page, 1);
  const results = h('div', { class: 'results', id: 'profiles-results', 'aria-busy': 'true' }, loadingView());
  replace(container, h('div', { class: 'section-head' }, h('h1', { i18n: 'nav.profiles' })),
    h('p', { class: 'intro', i18n: 'profiles.intro' }), results);
  loadRefs().catch(function () { return { units: [], regions: [] }; }).then(function (refs) {
    container.insertBefore(searchForm(ctx, filter, refs), results);
    load(refs);
  });

  function load(refs) {
    profilesApi.list(Object.assign({ page: page, pageSize: PAGE_SIZE }, filter)).then(function (data) {
      results.removeAttribute('aria-busy');
      drawList(results, data, refs, filter);
    }, function (err) {
      results.removeAttribute('aria-busy');
      replace(results, errorView(err, function () { load(refs); }));
    });
  }
}

function searchForm(ctx, filter, refs) {
  const none = { value: '', key: 'profiles.any' };
  const form = h('form', { class: 'toolbar', role: 'search', id: 'profile-search' },
    h('div', { class: 'field field-grow' }, h('label', { for: 'profile-q', i18n: 'profiles.search' }),
      h('input', { type: 'search', id: 'profile-q', name: 'q', value: filter.q, autocomplete: 'off', i18nAttr: { placeholder: 'profiles.searchHint' } })),
    selectField('profiles.group', 'group', [none].concat(GROUPS.map(function (g) { return { value: g, key: 'audience.' + g }; })), filter.group),
    selectField('profiles.region', 'regionId', [none].concat(treeChoices(refs.regions)), filter.regionId),
    selectField('profiles.unit', 'unitId', [none].concat(treeChoices(refs.units)), filter.unitId),
    h('div', { class: 'field field-button' }, h('button', { type: 'submit', class: 'btn', i18n: 'profiles.searchButton' })));
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const e = form.elements;
    ctx.go(hashFor('profiles', { q: e.q.value.trim(), group: e.group.value, regionId: e.regionId.value, unitId: e.unitId.value }));
  });
  return form;
}

/** Translated chips for group codes. */
export function groupChips(groups) {
  return h('span', { class: 'chips' }, (groups || []).map(function (g) { return h('span', { class: 'chip', i18n: 'audience.' + g }); }));
}

function drawList(box, data, refs, filter) {
  const items = data.items || [];
  if (!items.length) {
    replace(box, h('div', { class: 'card empty-state' }, h('p', { class: 'empty-title', i18n: 'profiles.empty' })));
    return;
  }
  const columns = [
    { label: 'profiles.colName', cell: function (p) {
      return h('a', { href: hashFor('profiles', { id: p.id }), class: 'link-title', text: p.displayName });
    } },
    { label: 'profiles.colKind', class: 'nowrap', cell: function (p) { return h('span', { i18n: 'profiles.kind.' + p.kind }); } },
    { label: 'profiles.colPhone', class: 'nowrap mono', cell: function (p) { return p.phone || ''; } },
    { label: 'profiles.colGroups', cell: function (p) { return groupChips(p.groups); } },
    { label: 'profiles.colRegion', cell: function (p) { return pathOf(refs.regions, p.regionId); } },
    { label: 'profiles.colUnit', cell: function (p) { return pathOf(refs.units, p.unitId); } },
    { label: 'profiles.colActive', class: 'nowrap', cell: function (p) {
      return p.lastActiveAt ? formatTime(p.lastActiveAt) : h('span', { class: 'muted', i18n: 'profiles.never' });
    } },
  ];
  replace(box, dataTable(columns, items, { id: 'profiles-table', caption: 'nav.profiles' }),
    pager(data.page || 1, data.pageSize || PAGE_SIZE, data.total || 0, function (p) {
      return hashFor('profiles', Object.assign({}, filter, { page: p }));
    }));
}

function renderProfile(container, ctx, id) {
  replace(container, loadingView());
  Promise.all([profilesApi.get(id), loadRefs().catch(function () { return { units: [], regions: [] }; })]).then(function (answers) {
    drawProfile(container, ctx, answers[0], answers[1]);
  }, function (err) { replace(container, errorView(err, function () { renderProfile(container, ctx, id); })); });
}

function drawProfile(container, ctx, d, refs) {
  const p = d.profile;
  const edit = h('button', { type: 'button', class: 'btn btn-primary', id: 'profile-edit', i18n: 'profiles.edit',
    onclick: function () { openEdit(p, refs, function () { renderProfile(container, ctx, p.id); }); } });
  const facts = h('dl', { class: 'facts', id: 'profile-facts' },
    fact('profiles.colKind', t('profiles.kind.' + p.kind)), fact('profiles.colPhone', p.phone || '—'),
    fact('profiles.colGroups', (p.groups || []).length ? groupChips(p.groups) : '—'), fact('profiles.ageBand', p.ageBand ? t('ageBand.' + p.ageBand) : '—'),
    fact('profiles.occupation', p.occupation || '—'), fact('profiles.interests', (p.interests || []).join('、') || '—'),
    fact('profiles.colRegion', pathOf(refs.regions, p.regionId) || '—'), fact('profiles.colUnit', pathOf(refs.units, p.unitId) || '—'),
    fact('profiles.colActive', p.lastActiveAt ? formatTime(p.lastActiveAt) : t('profiles.never')));
  const topics = (d.topics || []).length ? dataTable([
    { label: 'profiles.topic', cell: function (x) { return x.topic; } },
    { label: 'profiles.answered', class: 'num', cell: function (x) { return String(x.answered); } },
    { label: 'profiles.accuracy', class: 'num', cell: function (x) { return Math.round(x.accuracy * 100) + '%'; } },
    { label: 'profiles.lastDay', class: 'nowrap', cell: function (x) { return x.lastDay; } },
  ], d.topics, { id: 'profile-topics' }) : h('p', { class: 'muted', i18n: 'profiles.noTopics' });
  const reads = (d.reads || []).length ? dataTable([
    { label: 'profiles.readTitle', cell: function (r) { return r.title; } },
    { label: 'profiles.readMinutes', class: 'num', cell: function (r) { return String(Math.round(r.seconds / 60)); } },
    { label: 'profiles.readFinished', cell: function (r) { return r.finishedAt ? formatTime(r.finishedAt) : '—'; } },
  ], d.reads, { id: 'profile-reads' }) : h('p', { class: 'muted', i18n: 'profiles.noReads' });
  const segs = (d.segments || []).length ? h('ul', { class: 'plain-list' }, d.segments.map(function (s) {
    return h('li', null, h('a', { href: hashFor('segments', { id: s.segmentId }), text: s.name }),
      s.heldOut ? h('span', { class: 'badge badge-off', i18n: 'segments.heldOut' }) : null);
  })) : h('p', { class: 'muted', i18n: 'profiles.noSegments' });
  replace(container,
    h('a', { href: '#/profiles', class: 'back-link', i18n: 'profiles.back' }),
    h('div', { class: 'section-head' }, h('h1', { text: p.displayName }), edit),
    h('section', { class: 'card' }, facts),
    h('section', { class: 'card' }, h('h2', { i18n: 'profiles.topicsTitle', args: { days: d.factsDays } }), topics),
    h('section', { class: 'card' }, h('h2', { i18n: 'profiles.readsTitle' }), reads),
    h('section', { class: 'card' }, h('h2', { i18n: 'profiles.segmentsTitle' }), segs));
}

function fact(labelKey, value) {
  return [h('dt', { i18n: labelKey }), h('dd', null, value)];
}

function openEdit(p, refs, onSaved) {
  const none = { value: '', key: 'none' };
  openDialog({
    title: 'profiles.editTitle', args: { name: p.displayName },
    body: [
      h('fieldset', { class: 'field' }, h('legend', { i18n: 'profiles.colGroups' }), h('div', { class: 'checks' }, GROUPS.map(function (g) {
        const id = 'pg-' + g;
        return h('div', { class: 'check' }, h('input', { type: 'checkbox', id: id, name: 'groups', value: g, checked: (p.groups || []).indexOf(g) >= 0 }),
          h('label', { for: id, i18n: 'audience.' + g }));
      }))),
      selectField('profiles.ageBand', 'ageBand', [none].concat(AGE_BANDS.map(function (b) { return { value: b, key: 'ageBand.' + b }; })), p.ageBand || ''),
      field('profiles.occupation', { name: 'occupation', value: p.occupation || '', maxlength: 20, autocomplete: 'off' }),
      field('profiles.interests', { name: 'interests', value: (p.interests || []).join('，'), autocomplete: 'off' }, 'profiles.interestsHint'),
      selectField('profiles.region', 'regionId', [none].concat(treeChoices(refs.regions)), p.regionId || ''),
      selectField('profiles.unit', 'unitId', [none].concat(treeChoices(refs.units)), p.unitId || ''),
    ],
    onSubmit: function (form) {
      const e = form.elements;
      const groups = Array.prototype.filter.call(form.querySelectorAll('input[name=groups]'), function (b) { return b.checked; })
        .map(function (b) { return b.value; });
      const interests = splitWords(e.interests.value);
      if (interests.length > 20) return Promise.reject(userError(t('profiles.tooManyInterests'), 'interests'));
      return profilesApi.update(p.id, { groups: groups, ageBand: e.ageBand.value || null, occupation: e.occupation.value.trim() || null,
        interests: interests, regionId: e.regionId.value ? Number(e.regionId.value) : null, unitId: e.unitId.value ? Number(e.unitId.value) : null })
        .then(function () { announce(t('profiles.saved', { name: p.displayName })); onSaved(); });
    },
  });
}

/** "反诈，继承, 劳动" → ["反诈", "继承", "劳动"]: Chinese and Western commas and 、 all separate. */
export function splitWords(text) {
  return String(text || '').split(/[,，、;；\n]/).map(function (s) { return s.trim(); }).filter(Boolean);
}
