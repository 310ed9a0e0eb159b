// 考生名单: who takes the exam. Tick units (a unit brings every official in it and in its sub-units) and
// paste extra usernames, or import a sheet of officials (exams-roster-import.js); saving replaces the roster and shows it. Unknown usernames come back as a 422 that
// names them, and nothing is changed.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy, showFormError } from '../feedback.js';
import { loadRefs, buildTree } from './refs.js';
import { dataTable } from './table.js';
import { examAdminApi, examHash } from './exams-data.js';
import { examHeader } from './exams-head.js';
import { rosterImportCard } from './exams-roster-import.js';

const SHOW_ROWS = 200;

/** Draws the roster page of exam id into container. */
export function renderExamRoster(container, ctx, id) {
  const body = h('div', { id: 'exam-roster-page', 'aria-busy': 'true' }, loadingView());
  replace(container, body);
  load();

  function load() {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    Promise.all([examAdminApi.get(id), examAdminApi.roster(id), loadRefs()]).then(function (answers) {
      body.removeAttribute('aria-busy');
      const exam = answers[0];
      replace(container, examHeader(ctx, exam, 'roster', function () { ctx.go(examHash('roster', exam.id)); }), body);
      draw(body, ctx, exam, answers[1], manageable(ctx, answers[2].units));
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
}

// An organizer rosters only their own unit and its sub-units (the server refuses others); an admin any unit.
function manageable(ctx, units) {
  if ((ctx.user.roles || []).indexOf('admin') >= 0 || ctx.user.unitId === null || ctx.user.unitId === undefined) return units;
  const mine = subtreeOf(ctx.user.unitId, units);
  return units.filter(function (u) { return mine.indexOf(u.id) >= 0; });
}

/** "wang01, li02\nzhang03" → ["wang01", "li02", "zhang03"] (commas, 、, semicolons, spaces, new lines). */
export function splitUsernames(text) {
  const seen = {};
  return (text || '').split(/[\s,，、;；]+/).map(function (s) { return s.trim(); }).filter(function (s) {
    if (!s || seen[s]) return false;
    seen[s] = true;
    return true;
  });
}

function draw(box, ctx, exam, roster, units) {
  const chosen = {};
  (roster.unitIds || []).forEach(function (uid) { chosen[uid] = true; });
  const boxes = {};
  const parentOf = {};
  units.forEach(function (u) { parentOf[u.id] = u.parentId; });
  const tree = h('ul', { class: 'tree unit-picker', id: 'roster-units' }, branch(buildTree(units)));
  function branch(nodes) {
    return nodes.map(function (node) {
      const u = node.item;
      const cid = 'roster-unit-' + u.id;
      const input = h('input', { type: 'checkbox', id: cid, value: u.id, 'data-unit-id': u.id, checked: Boolean(chosen[u.id]) });
      boxes[u.id] = input;
      return h('li', { 'data-id': u.id },
        h('div', { class: 'check' }, input, h('label', { for: cid, text: u.name })),
        node.children.length ? h('ul', null, branch(node.children)) : null);
    });
  }
  // Inside a ticked unit every sub-unit is included already: shown ticked and locked.
  function covered(uid) {
    let p = parentOf[uid];
    let guard = 0;
    while (p !== null && p !== undefined && guard++ < 50) {
      if (boxes[p] && boxes[p].checked && !boxes[p].disabled) return true;
      p = parentOf[p];
    }
    return false;
  }
  function refreshLocks() {
    units.forEach(function (u) {
      const input = boxes[u.id];
      const locked = covered(u.id);
      if (locked) {
        if (!input.disabled) input.setAttribute('data-was', input.checked ? '1' : '0');
        input.disabled = true;
        input.checked = true;
      } else if (input.disabled) {
        input.disabled = false;
        input.checked = input.getAttribute('data-was') === '1';
      }
    });
  }
  tree.addEventListener('change', refreshLocks);
  refreshLocks();

  // People on the roster outside the ticked units were added by username: they stay listed here, so saving
  // again (say, after ticking one more unit) does not drop them.
  function extraUsernames(saved) {
    const inUnits = {};
    (saved.unitIds || []).forEach(function (uid) { subtreeOf(uid, units).forEach(function (id) { inUnits[id] = true; }); });
    return (saved.items || []).filter(function (r) { return !inUnits[r.unitId]; }).map(function (r) { return r.username; });
  }
  const usernames = h('textarea', { id: 'roster-usernames', name: 'usernames', rows: 4, spellcheck: 'false', autocapitalize: 'off',
    'aria-describedby': 'roster-usernames-hint', value: extraUsernames(roster).join('\n') });
  let current = roster.items || [];
  const errorBox = h('div', { class: 'form-error', id: 'roster-error', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', id: 'roster-save', i18n: 'exams.rosterSave' });
  const listBox = h('div', { id: 'roster-list' });
  const form = h('form', { class: 'card roster-form', id: 'roster-form', novalidate: true, 'aria-labelledby': 'roster-form-title' },
    h('h2', { id: 'roster-form-title', i18n: 'exams.rosterChoose' }),
    h('p', { class: 'hint', i18n: 'exams.rosterIntro' }),
    h('fieldset', { class: 'field' }, h('legend', { i18n: 'exams.rosterUnits' }),
      units.length ? tree : h('p', { class: 'muted', i18n: 'exams.rosterNoUnits' })),
    h('div', { class: 'field' }, h('label', { for: 'roster-usernames', i18n: 'exams.rosterUsernames' }), usernames,
      h('p', { class: 'hint', id: 'roster-usernames-hint', i18n: 'exams.rosterUsernamesHint' })),
    errorBox,
    h('div', { class: 'form-actions' }, save, h('p', { class: 'hint', i18n: 'exams.rosterReplaces' })));
  // Imported officials join the listed usernames, so saving the form afterwards keeps them on the roster.
  const importCard = exam.status === 'draft' ? rosterImportCard(exam, function () {
    examAdminApi.roster(exam.id).then(function (saved) {
      usernames.value = extraUsernames(saved).join('\n');
      exam.rosterCount = saved.total;
      current = saved.items || [];
      drawRoster(listBox, saved, exam);
    }, function (err) { showFormError(errorBox, describeError(err)); });
  }) : null;
  replace(box, form, importCard, h('section', { class: 'card', 'aria-labelledby': 'roster-list-title' },
    h('h2', { id: 'roster-list-title', i18n: 'exams.rosterCurrent' }), listBox));
  drawRoster(listBox, roster, exam);

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    showFormError(errorBox, '');
    const unitIds = units.filter(function (u) { return boxes[u.id].checked && !boxes[u.id].disabled; }).map(function (u) { return u.id; });
    const names = splitUsernames(usernames.value);
    if (!unitIds.length && !names.length) {
      showFormError(errorBox, t('exams.rosterNothing'));
      return;
    }
    withBusy(save, function () { return examAdminApi.setRoster(exam.id, unitIds, names); }).then(function (saved) {
      announce(t('exams.rosterSaved', { n: saved.total !== undefined ? saved.total : (saved.items || []).length }));
      exam.rosterCount = saved.total;
      const kept = {};
      (saved.items || []).forEach(function (r) { kept[r.userId] = true; });
      const removed = current.filter(function (r) { return !kept[r.userId]; });
      current = saved.items || [];
      drawRoster(listBox, saved, exam, removed);
      const heading = document.getElementById('roster-list-title');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }, function (err) {
      // The server names the unknown accounts in its message; pick out the ones we sent, whatever its wording.
      const unknown = err && err.status === 422 ? names.filter(function (n) { return (err.serverMessage || '').indexOf(n) >= 0; }) : [];
      showFormError(errorBox, unknown.length ? t('exams.rosterUnknown', { names: unknown.join(t('exams.listSep')) }) : describeError(err));
      errorBox.setAttribute('tabindex', '-1');
      errorBox.focus();
    });
  });
}

function subtreeOf(id, units) {
  const out = [id];
  for (let i = 0; i < out.length && i < 10000; i++) {
    units.forEach(function (u) { if (u.parentId === out[i] && out.indexOf(u.id) < 0) out.push(u.id); });
  }
  return out;
}

function drawRoster(box, roster, exam, removed) {
  const items = roster.items || [];
  const total = roster.total !== undefined ? roster.total : items.length;
  const removedNote = removed && removed.length ? h('p', { class: 'notice', id: 'roster-removed', role: 'status', i18n: 'exams.rosterRemoved',
    args: { n: removed.length, names: removed.slice(0, 20).map(function (r) { return r.displayName || r.username; }).join(t('exams.listSep')) +
      (removed.length > 20 ? '…' : '') } }) : null;
  if (!items.length) {
    replace(box, removedNote, h('div', { class: 'empty-state', id: 'roster-empty' }, h('p', { class: 'empty-title', i18n: 'exams.rosterEmpty' }),
      h('p', { class: 'muted', i18n: 'exams.rosterEmptyHint' })));
    return;
  }
  const filter = h('input', { type: 'search', id: 'roster-filter', autocomplete: 'off' });
  const tableBox = h('div');
  function show() {
    const q = filter.value.trim().toLowerCase();
    const rows = items.filter(function (r) {
      return !q || [r.username, r.displayName, r.unitName].some(function (v) { return String(v || '').toLowerCase().indexOf(q) >= 0; });
    });
    replace(tableBox,
      dataTable([
        { label: 'exams.colUsername', cell: function (r) { return h('span', { class: 'mono', text: r.username }); } },
        { label: 'exams.colName', cell: function (r) { return r.displayName || ''; } },
        { label: 'exams.colUnit', cell: function (r) { return r.unitName || h('span', { class: 'muted', i18n: 'none' }); } },
      ], rows.slice(0, SHOW_ROWS).map(function (r) { return Object.assign({ id: r.userId }, r); }), { id: 'roster-table', caption: 'exams.rosterCurrent' }),
      rows.length > SHOW_ROWS ? h('p', { class: 'hint', i18n: 'exams.rosterMore', args: { n: SHOW_ROWS, total: rows.length } }) : null);
  }
  filter.addEventListener('input', show);
  replace(box,
    removedNote,
    h('p', { class: 'total', id: 'roster-total', i18n: 'exams.rosterTotal', args: { n: total } }),
    exam.status === 'draft' ? h('p', { class: 'hint', i18n: 'exams.rosterNext' }) : null,
    items.length > 10 ? h('div', { class: 'field' }, h('label', { for: 'roster-filter', i18n: 'exams.rosterFilter' }), filter) : null,
    tableBox);
  show();
}
