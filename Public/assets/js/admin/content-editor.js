// 新建内容 / 编辑内容: the form beside a live preview (under it on a phone), saving with a note, and the version
// history. A save carries the version the editor opened (0 for a new piece), so the server answers 409
// stale_version instead of overwriting someone's newer save — or, for a new piece, a piece already at that address.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy, inCurrentLanguage } from '../feedback.js';
import { dataTable } from './table.js';
import { backToList, listHash, statusCell } from './content-list.js';
import { contentForm } from './content-form.js';
import { previewPanel } from './content-preview.js';
import { contentApi, serverProblems, slugOK, visibility, beijingToday, readerHref, editHash, AUDIENCES } from './content-data.js';

/** Draws the editor for the piece at slug (null: a new piece) into container. */
export function renderContentEditor(container, ctx, slug) {
  const box = h('div', { id: 'content-editor', 'aria-busy': 'true' }, loadingView());
  replace(container, backToList(), h('div', { class: 'section-head' }, h('h1', { i18n: slug ? 'contentAdmin.editTitle' : 'contentAdmin.newTitle' })), box);
  load();

  function load() {
    box.setAttribute('aria-busy', 'true');
    replace(box, loadingView());
    (slug ? contentApi.get(slug) : Promise.resolve(null)).then(function (piece) {
      box.removeAttribute('aria-busy');
      draw(box, ctx, piece, load);
    }, function (err) {
      box.removeAttribute('aria-busy');
      replace(box, errorView(err, load));
    });
  }
}

function draw(box, ctx, piece, reload) {
  const isNew = !piece;
  let current = piece;
  const preview = previewPanel();
  const cf = contentForm(piece, function () { preview.update(cf.read()); });
  const note = h('input', { type: 'text', id: 'c-note', name: 'note', autocomplete: 'off', maxlength: 200, 'aria-describedby': 'c-note-hint' });
  const errorBox = h('div', { class: 'form-error', id: 'content-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'content-save', i18n: isNew ? 'contentAdmin.create' : 'contentAdmin.save' });
  const meta = h('div', { class: 'c-meta', id: 'content-meta' });
  const history = h('section', { class: 'card q-history', id: 'content-history', 'aria-labelledby': 'c-history-title' });
  cf.form.appendChild(h('div', { class: 'q-form-footer c-form-footer' },
    h('div', { class: 'field' }, h('label', { for: 'c-note', i18n: 'contentAdmin.note' }), note,
      h('p', { class: 'hint', id: 'c-note-hint', i18n: 'contentAdmin.noteHint' })),
    errorBox,
    h('div', { class: 'form-actions' }, submit, h('a', { class: 'btn', href: listHash(), i18n: 'cancel' }),
      h('p', { class: 'hint c-save-hint', i18n: 'contentAdmin.saveHint' }))));
  // Where form and preview are stacked (phones, narrow windows), buttons move between the text and its preview.
  function moveTo(el) {
    el.scrollIntoView();
    if (!el.hasAttribute('tabindex') && !/^(TEXTAREA|INPUT)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
    el.focus();
  }
  const jump = h('button', { type: 'button', class: 'btn btn-small c-jump', id: 'c-jump-preview', i18n: 'contentAdmin.jumpToPreview',
    onclick: function () { moveTo(preview.panel); } });
  cf.form.querySelector('.c-body-status').appendChild(h('button', { type: 'button', class: 'btn btn-small c-jump', id: 'c-body-to-preview',
    i18n: 'contentAdmin.jumpToPreview', onclick: function () { moveTo(preview.panel); } }));
  preview.panel.querySelector('.c-preview-head').appendChild(h('button', { type: 'button', class: 'btn btn-small c-jump', id: 'c-preview-to-body',
    i18n: 'contentAdmin.backToBody', onclick: function () { moveTo(document.getElementById('c-body')); } }));
  replace(box, isNew ? null : meta, jump, h('div', { class: 'q-editor c-editor' }, cf.form, preview.panel), isNew ? null : history);
  preview.update(cf.read(), true);
  // What the form held when loaded or last saved: saving it unchanged would do nothing.
  let savedShape = JSON.stringify(cf.read());
  if (!isNew) showCurrent();

  function showCurrent() {
    drawMeta(meta, current);
    drawHistory(history, current.versions || []);
  }

  // Ctrl+S (⌘S) saves, as in any editor, instead of saving the console page to disk.
  cf.form.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S')) {
      event.preventDefault();
      submit.click();
    }
  });

  cf.form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearInvalid(cf.form);
    const input = cf.read();
    const address = isNew ? cf.slug.value.trim() : current.slug;
    if (isNew && !slugOK(address)) {
      showProblems(errorBox, [{ text: t(address ? 'contentAdmin.problemSlug' : 'contentAdmin.problemNoSlug'), field: 'slug' }]);
      return;
    }
    if (!isNew && JSON.stringify(input) === savedShape) {
      hideError(errorBox);
      announce(t('contentAdmin.nothingChanged'));
      return;
    }
    input.expectedVersion = isNew ? 0 : current.version;
    input.note = note.value.trim() || null;
    hideError(errorBox);
    withBusy(submit, function () { return contentApi.save(address, input); }).then(function (saved) {
      if (isNew) {
        announce(t('contentAdmin.created', { title: saved.title }));
        ctx.go(editHash(saved.slug));
        return;
      }
      const sameVersion = saved.version === current.version;
      announce(t(sameVersion ? 'contentAdmin.savedStatus' : 'contentAdmin.saved', { n: saved.version }));
      savedShape = JSON.stringify(cf.read());
      note.value = '';
      // The save answers the piece without its history; the history comes with a fresh read.
      contentApi.get(saved.slug).then(function (full) { current = full; showCurrent(); }, function () {
        current = Object.assign({}, saved, { versions: current.versions });
        showCurrent();
      });
    }, function (err) {
      if (err && err.code === 'stale_version' && isNew) showTaken(errorBox, address);
      else if (err && err.code === 'stale_version') showStale(errorBox, reload);
      else if (err && err.code === 'validation_failed') showProblems(errorBox, serverProblems(err.serverMessage));
      else showProblems(errorBox, [{ text: describeError(err) }], true);
    });
  });
}

/** Where readers find the piece and whether they see it today, its version, status and last change. */
function drawMeta(box, piece) {
  const seen = visibility(piece, beijingToday());
  const where = seen === 'live'
    ? h('a', { href: readerHref(piece.slug), id: 'content-public-link', target: '_blank', rel: 'noopener', class: 'mono', text: '/read#/' + piece.slug })
    : h('span', { class: 'mono', text: '/read#/' + piece.slug });
  replace(box,
    h('p', { class: 'q-meta' },
      h('span', { id: 'content-version', i18n: 'contentAdmin.currentVersion', args: { n: piece.version } }),
      h('span', { class: 'c-meta-status' }, statusCell(piece, beijingToday())),
      h('span', { i18n: 'contentAdmin.updatedAt', args: { time: formatTime(piece.updatedAt) } })),
    h('p', { class: 'c-public c-public-' + seen, id: 'content-public' },
      h('span', { i18n: 'contentAdmin.readerAddress' }), ' ', where, ' ',
      h('span', { class: 'c-public-note', i18n: 'contentAdmin.publicNote.' + seen, args: { publish: piece.publish || '', expire: piece.expire || '' } })));
}

function drawHistory(box, versions) {
  const rows = versions.slice().sort(function (a, b) { return b.version - a.version; })
    .map(function (v) { return Object.assign({ id: v.version }, v); });
  replace(box,
    h('h2', { id: 'c-history-title', i18n: 'contentAdmin.history' }),
    h('p', { class: 'hint', i18n: 'contentAdmin.historyHint' }),
    dataTable([
      { label: 'contentAdmin.colVersion', class: 'nowrap', cell: function (v) { return h('span', { i18n: 'contentAdmin.versionN', args: { n: v.version } }); } },
      { label: 'contentAdmin.colTime', class: 'nowrap', cell: function (v) { return h('time', { datetime: v.createdAt, text: formatTime(v.createdAt) }); } },
      { label: 'contentAdmin.colAuthor', cell: function (v) { return v.author ? h('span', { class: 'mono', text: v.author }) : h('span', { class: 'muted', text: '—' }); } },
      { label: 'contentAdmin.colNote', cell: function (v) { return v.note ? inCurrentLanguage(v.note) : h('span', { class: 'muted', text: '—' }); } },
    ], rows, { id: 'content-history-table', caption: 'contentAdmin.history' }));
}

// The form field each problem is about, by the name the server and content-data.js use.
const FIELD_IDS = { slug: 'c-slug', title: 'c-title', summary: 'c-summary', topics: 'c-topics', audiences: 'c-audience-' + AUDIENCES[0],
  basis: 'c-basis', publish: 'c-publish', expire: 'c-expire', questions: 'c-questions', body: 'c-body' };

function markInvalid(field) {
  if (field === 'audiences') {
    document.getElementById('c-audiences').classList.add('is-invalid');
    return;
  }
  const el = document.getElementById(FIELD_IDS[field]);
  if (el) el.setAttribute('aria-invalid', 'true');
}

function clearInvalid(form) {
  const bad = form.querySelectorAll('[aria-invalid]');
  for (let i = 0; i < bad.length; i++) bad[i].removeAttribute('aria-invalid');
  const sets = form.querySelectorAll('.is-invalid');
  for (let i = 0; i < sets.length; i++) sets[i].classList.remove('is-invalid');
}

function hideError(box) {
  replace(box);
  box.hidden = true;
}

/**
 * Every problem, in the alert by the save button: one as a sentence, several as a list. A problem about a field
 * is a button that takes the user there. plain: a failure that is no one field's fault (the network, say).
 */
function showProblems(box, problems, plain) {
  function line(p) {
    const id = p.field && FIELD_IDS[p.field];
    if (!id) return p.text;
    return h('button', { type: 'button', class: 'link-button', 'data-field': p.field, text: p.text, onclick: function () {
      const el = document.getElementById(id);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.focus();
    } });
  }
  if (plain) replace(box, h('p', { text: problems[0].text }));
  else if (problems.length === 1) replace(box, h('p', null, t('contentAdmin.cannotSave'), line(problems[0])));
  else {
    replace(box, h('p', { i18n: 'contentAdmin.cannotSaveList', args: { n: problems.length } }),
      h('ul', { class: 'problem-list' }, problems.map(function (p) { return h('li', null, line(p)); })));
  }
  problems.forEach(function (p) { if (p.field) markInvalid(p.field); });
  box.hidden = false;
  box.setAttribute('tabindex', '-1');
  box.focus();
}

function showStale(box, reload) {
  replace(box,
    h('p', { class: 'q-stale-title', i18n: 'contentAdmin.staleTitle' }),
    h('p', { i18n: 'contentAdmin.staleHint' }),
    h('button', { type: 'button', class: 'btn', id: 'content-reload', i18n: 'contentAdmin.reloadLatest', onclick: function () {
      reload();
      announce(t('contentAdmin.reloaded'));
    } }));
  box.hidden = false;
  box.querySelector('button').focus();
}

function showTaken(box, slug) {
  replace(box,
    h('p', { class: 'q-stale-title', i18n: 'contentAdmin.takenTitle', args: { slug: slug } }),
    h('p', { i18n: 'contentAdmin.takenHint' }),
    h('a', { class: 'btn', id: 'content-open-taken', href: editHash(slug), i18n: 'contentAdmin.openTaken', args: { slug: slug } }));
  document.getElementById('c-slug').setAttribute('aria-invalid', 'true');
  box.hidden = false;
  box.setAttribute('tabindex', '-1');
  box.focus();
}
