// A saved segment's members as last computed (phones masked, held-out ones marked), paged; staff exclude a member or
// include anyone found by name or phone ending. Overrides apply from the next recompute, so the list says so.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy } from '../feedback.js';
import { dataTable } from './table.js';
import { profilesApi, segmentsApi } from './audience-data.js';
import { groupChips } from './profiles.js';

const PAGE_SIZE = 20;

/** Draws the members of segment into box (page 1 unless given). */
export function renderMembers(box, segment, page) {
  const current = page || 1;
  replace(box, h('h2', { id: 'seg-members-title', i18n: 'segments.members' }), loadingView());
  segmentsApi.members(segment.id, { page: current, pageSize: PAGE_SIZE }).then(function (data) {
    draw(box, segment, data, current);
  }, function (err) { replace(box, h('h2', { id: 'seg-members-title', i18n: 'segments.members' }), errorView(err, function () { renderMembers(box, segment, current); })); });
}

function draw(box, segment, data, page) {
  const reload = function () { renderMembers(box, segment, page); };
  const items = data.page.items || [];
  const table = items.length ? dataTable([
    { label: 'profiles.colName', cell: function (m) { return h('a', { href: '#/profiles?id=' + m.profile.id, text: m.profile.displayName }); } },
    { label: 'profiles.colPhone', class: 'nowrap mono', cell: function (m) { return m.profile.phone || ''; } },
    { label: 'profiles.colGroups', cell: function (m) { return groupChips(m.profile.groups); } },
    { label: 'segments.colReach', cell: function (m) {
      return m.heldOut ? h('span', { class: 'badge badge-off', i18n: 'segments.heldOut' })
        : h('span', { class: 'badge badge-on', i18n: m.override === 'include' ? 'segments.included' : 'segments.reached' });
    } },
    { label: 'segments.colActions', class: 'actions', cell: function (m) {
      return h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', i18n: 'segments.exclude', args: { name: m.profile.displayName },
        i18nAttr: { 'aria-label': 'segments.excludeLabel' }, onclick: function (e) { override(e.target, m.profile, 'exclude'); } });
    } },
  ], items.map(function (m) { return Object.assign({ id: m.profile.id }, m); }), { id: 'seg-members-table', caption: 'segments.members' })
    : h('p', { class: 'muted', i18n: segment.computedAt ? 'segments.noMembers' : 'segments.notComputedYet' });
  const pages = data.page.total > PAGE_SIZE ? pagerButtons(box, segment, page, data.page.total) : null;
  replace(box, h('h2', { id: 'seg-members-title', i18n: 'segments.members' }), table, pages,
    h('h3', { i18n: 'segments.overrides' }), overridesList(data.overrides || []), includeForm());

  function override(button, profile, mode) {
    withBusy(button, function () { return segmentsApi.setOverride(segment.id, profile.id, mode); }).then(function () {
      announce(t(mode === 'include' ? 'segments.includedDone' : 'segments.excludedDone', { name: profile.displayName }));
      reload();
    }, function (err) { announce(describeError(err), 'error'); });
  }

  function overridesList(list) {
    if (!list.length) return h('p', { class: 'muted', i18n: 'segments.noOverrides' });
    return h('ul', { class: 'plain-list', id: 'seg-overrides' }, list.map(function (o) {
      const undo = h('button', { type: 'button', class: 'btn btn-small', i18n: 'segments.undoOverride', onclick: function () {
        withBusy(undo, function () { return segmentsApi.clearOverride(segment.id, o.profile.id); }).then(reload, function (err) {
          announce(describeError(err), 'error');
        });
      } });
      return h('li', null, h('span', { class: 'badge ' + (o.mode === 'include' ? 'badge-on' : 'badge-off'), i18n: 'segments.mode.' + o.mode }), ' ',
        h('span', { text: o.profile.displayName + (o.profile.phone ? '（' + o.profile.phone + '）' : '') }), ' ', undo);
    }));
  }

  function includeForm() {
    const input = h('input', { type: 'search', id: 'seg-include-q', autocomplete: 'off', i18nAttr: { placeholder: 'profiles.searchHint' } });
    const found = h('ul', { class: 'plain-list', id: 'seg-include-results', 'aria-live': 'polite' });
    const form = h('form', { class: 'toolbar', role: 'search' },
      h('div', { class: 'field field-grow' }, h('label', { for: 'seg-include-q', i18n: 'segments.includeSearch' }), input),
      h('div', { class: 'field field-button' }, h('button', { type: 'submit', class: 'btn', i18n: 'profiles.searchButton' })));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      profilesApi.list({ q: input.value.trim(), pageSize: 10 }).then(function (r) {
        replace(found, (r.items || []).length ? r.items.map(function (p) {
          const add = h('button', { type: 'button', class: 'btn btn-small', i18n: 'segments.include', args: { name: p.displayName },
            i18nAttr: { 'aria-label': 'segments.includeLabel' }, onclick: function () { override(add, p, 'include'); } });
          return h('li', null, h('span', { text: p.displayName + (p.phone ? '（' + p.phone + '）' : '') }), ' ', add);
        }) : h('li', { class: 'muted', i18n: 'profiles.empty' }));
      }, function (err) { announce(describeError(err), 'error'); });
    });
    return [h('p', { class: 'hint', i18n: 'segments.overridesHint' }), form, found];
  }
}

function pagerButtons(box, segment, page, total) {
  const pages = Math.ceil(total / PAGE_SIZE);
  return h('nav', { class: 'pager', i18nAttr: { 'aria-label': 'paging.label' } },
    h('button', { type: 'button', class: 'btn btn-small', disabled: page <= 1, i18n: 'paging.prev', onclick: function () { renderMembers(box, segment, page - 1); } }),
    h('span', { class: 'pager-summary', i18n: 'paging.summary', args: { page: page, pages: pages, total: total } }),
    h('button', { type: 'button', class: 'btn btn-small', disabled: page >= pages, i18n: 'paging.next', onclick: function () { renderMembers(box, segment, page + 1); } }));
}
