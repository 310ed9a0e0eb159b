// A segment's page: conditions in three blocks (全部满足 / 任一满足 / 不满足), added from a field picker; a live count
// (debounced preview) with the spread over top-level regions as a bar chart and a list; hold-out percentage; save;
// for a saved segment its "as of" time, recompute, and its members.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy, userError } from '../feedback.js';
import { field } from '../fields.js';
import { loadRefs } from './refs.js';
import { hashFor } from './table.js';
import { FIELDS, blankCondition, composeRule, decomposeRule, contentChoices, missingPart, segmentsApi } from './audience-data.js';
import { conditionRow } from './segments-conditions.js';
import { drawRegionChart } from './segments-chart.js';
import { renderMembers } from './segments-members.js';
import { asOf } from './segments.js';

const BLOCKS = ['all', 'any', 'none'];
const DEBOUNCE_MS = 400;

/** Draws the builder of segment id (null = a new one). */
export function renderBuilder(container, ctx, id) {
  replace(container, loadingView());
  Promise.all([id ? segmentsApi.get(id) : Promise.resolve(null), segmentsApi.list(),
    loadRefs().catch(function () { return { units: [], regions: [] }; }), contentChoices()]).then(function (a) {
    draw(container, ctx, a[0], { units: a[2].units, regions: a[2].regions, contents: a[3], segments: a[1].items || [], selfId: id });
  }, function (err) { replace(container, errorView(err, function () { renderBuilder(container, ctx, id); })); });
}

function draw(container, ctx, segment, refs) {
  const blocks = (segment && decomposeRule(segment.rule)) || { all: [], any: [], none: [] };
  const complex = segment && !decomposeRule(segment.rule);
  let timer = null;
  let asked = 0;
  const count = h('p', { class: 'seg-count', id: 'seg-count', 'aria-live': 'polite' }, h('span', { class: 'muted', i18n: 'seg.addFirst' }));
  const problem = h('div', { class: 'form-error', role: 'alert', id: 'seg-rule-error', hidden: true });
  const canvas = h('canvas', { id: 'seg-region-chart', role: 'img', i18nAttr: { 'aria-label': 'seg.chartLabel' } });
  const regionList = h('ul', { class: 'plain-list seg-region-list', id: 'seg-region-list' });
  const name = field('segments.name', { name: 'name', value: segment ? segment.name : '', maxlength: 60, required: true, autocomplete: 'off' });
  const description = field('segments.description', { name: 'description', value: segment ? segment.description : '', maxlength: 500, autocomplete: 'off' });
  const holdout = field('segments.holdout', { name: 'holdoutPercent', type: 'number', min: 0, max: 50, inputmode: 'numeric',
    value: segment ? segment.holdoutPercent : 0, class: 'seg-number' }, 'segments.holdoutHint');
  holdout.querySelector('input').addEventListener('input', schedule);
  const blockBoxes = {};
  BLOCKS.forEach(function (b) { blockBoxes[b] = h('div', { class: 'seg-conds', id: 'seg-block-' + b }); });

  const save = h('button', { type: 'submit', class: 'btn btn-primary', id: 'seg-save', i18n: segment ? 'save' : 'segments.create' });
  const chartBox = h('div', { class: 'chart-box seg-chart', hidden: true }, canvas);
  // On a wide screen the count stays in view beside the conditions; on a phone it follows them.
  const form = h('form', { class: 'seg-form', novalidate: true, id: 'seg-form' },
    h('div', { class: 'seg-layout' },
      h('div', { class: 'seg-main' },
        h('section', { class: 'card' }, name, description, holdout),
        complex ? h('p', { class: 'notice', i18n: 'seg.complex' }) : null,
        BLOCKS.map(function (b) { return blockFieldset(b); })),
      h('div', { class: 'seg-side' },
        h('section', { class: 'card seg-preview', id: 'seg-preview', 'aria-labelledby': 'seg-preview-title' },
          h('h2', { id: 'seg-preview-title', i18n: 'seg.previewTitle' }), count, problem, chartBox, regionList))),
    h('div', { class: 'form-actions' }, save,
      segment ? h('button', { type: 'button', class: 'btn btn-danger-quiet', id: 'seg-delete', i18n: 'segments.delete', onclick: remove }) : null));
  form.addEventListener('submit', function (event) { event.preventDefault(); submit(); });

  const status = segment ? statusCard(segment) : null;
  const members = segment ? h('section', { class: 'card', id: 'seg-members', 'aria-labelledby': 'seg-members-title' }) : null;
  replace(container, h('a', { href: '#/segments', class: 'back-link', i18n: 'segments.back' }),
    h('div', { class: 'section-head' }, h('h1', { text: segment ? segment.name : t('segments.new') })),
    status, form, members);
  BLOCKS.forEach(drawBlock);
  if (members) renderMembers(members, segment);
  schedule();

  function blockFieldset(b) {
    const picker = h('select', { id: 'seg-pick-' + b, i18nAttr: { 'aria-label': 'seg.pickField' } },
      FIELDS.map(function (f) { return h('option', { value: f, i18n: 'seg.field.' + f }); }));
    const add = h('button', { type: 'button', class: 'btn btn-small', id: 'seg-add-' + b, i18n: 'seg.add', onclick: function () {
      blocks[b].push(blankCondition(picker.value));
      drawBlock(b);
      const rows = blockBoxes[b].querySelectorAll('.seg-cond');
      const last = rows[rows.length - 1];
      const first = last && last.querySelector('input, select');
      if (first) first.focus();
      schedule();
    } });
    return h('fieldset', { class: 'card seg-block seg-block-' + b },
      h('legend', { i18n: 'seg.block.' + b }), h('p', { class: 'hint', i18n: 'seg.blockHint.' + b }), blockBoxes[b],
      h('div', { class: 'input-row seg-add' }, picker, add));
  }

  function drawBlock(b) {
    replace(blockBoxes[b], blocks[b].map(function (cond, i) {
      return conditionRow(cond, refs, schedule, function () {
        blocks[b].splice(i, 1);
        drawBlock(b);
        document.getElementById('seg-pick-' + b).focus();
        schedule();
      });
    }));
  }

  function holdoutValue() {
    const v = Number(holdout.querySelector('input').value || 0);
    return isNaN(v) ? 0 : v;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(preview, DEBOUNCE_MS);
  }

  function preview() {
    const rule = composeRule(blocks);
    const unfinished = unfinishedConditions();
    if (!rule || unfinished.length) {
      asked++;
      count.removeAttribute('aria-busy');
      replace(count, h('span', { class: 'muted', i18n: !rule ? (complex ? 'seg.complexKept' : 'seg.addFirst') : 'seg.finishFirst' }));
      problem.hidden = true;
      if (unfinished.length) {
        replace(problem, h('ul', { class: 'plain-list' }, unfinished.map(function (u) {
          return h('li', { i18n: 'seg.missing.' + u.missing, args: { field: t('seg.field.' + u.cond.field), n: u.n } });
        })));
        problem.hidden = false;
      }
      replace(regionList);
      chartBox.hidden = true;
      drawRegionChart(canvas, []);
      return;
    }
    const mine = ++asked;
    count.setAttribute('aria-busy', 'true');
    segmentsApi.preview({ rule: rule, holdoutPercent: holdoutValue(), segmentId: segment ? segment.id : undefined }).then(function (r) {
      if (mine !== asked) return;   // an older answer arriving after a newer question
      count.removeAttribute('aria-busy');
      problem.hidden = true;
      replace(count, h('strong', { class: 'seg-count-n', text: String(r.count) }), ' ', h('span', { i18n: 'seg.people' }),
        r.heldOut ? h('span', { class: 'muted', i18n: 'seg.heldOutN', args: { n: r.heldOut } }) : null);
      chartBox.hidden = !r.byRegion.length;
      replace(regionList, r.byRegion.map(function (x) {
        return h('li', null, h('span', { text: x.regionId === null ? t('seg.noRegion') : x.name }), ' ', h('strong', { text: String(x.count) }));
      }));
      drawRegionChart(canvas, r.byRegion);
    }, function (err) {
      if (mine !== asked) return;
      count.removeAttribute('aria-busy');
      replace(count, h('span', { class: 'muted', i18n: 'seg.countUnknown' }));
      problem.textContent = describeError(err);
      problem.hidden = false;
    });
  }

  /** Conditions still lacking something, numbered as they appear on the page; their rows are marked. */
  function unfinishedConditions() {
    const out = [];
    let n = 0;
    BLOCKS.forEach(function (b) {
      const rows = blockBoxes[b].querySelectorAll('.seg-cond');
      blocks[b].forEach(function (cond, i) {
        n++;
        const missing = missingPart(cond);
        if (rows[i]) rows[i].classList.toggle('is-incomplete', Boolean(missing));
        if (missing) out.push({ cond: cond, missing: missing, n: n });
      });
    });
    return out;
  }

  function submit() {
    const rule = composeRule(blocks) || (complex ? segment.rule : null);
    const v = { name: form.elements.name.value.trim(), description: form.elements.description.value.trim(), holdoutPercent: holdoutValue() };
    let check = null;
    if (!v.name) check = userError(t('error.required', { field: t('segments.name') }), 'name');
    else if (!rule) check = userError(t('seg.addFirst'));
    else if (unfinishedConditions().length) check = userError(t('seg.finishFirst'));
    else if (v.holdoutPercent < 0 || v.holdoutPercent > 50) check = userError(t('segments.holdoutHint'), 'holdoutPercent');
    if (check) {
      announce(check.userMessage, 'error');
      if (check.field) form.elements[check.field].focus();
      return;
    }
    const input = Object.assign({ rule: rule }, v);
    if (segment) input.expectedVersion = segment.version;
    withBusy(save, function () { return segment ? segmentsApi.update(segment.id, input) : segmentsApi.create(input); }).then(function (saved) {
      announce(t('segments.saved', { name: saved.name }));
      ctx.go(hashFor('segments', { id: saved.id }));
    }, function (err) { announce(describeError(err), 'error'); });
  }

  function remove() {
    if (!window.confirm(t('segments.confirmDelete', { name: segment.name }))) return;
    segmentsApi.remove(segment.id).then(function () {
      announce(t('segments.deleted', { name: segment.name }));
      ctx.go('#/segments');
    }, function (err) { announce(describeError(err), 'error'); });
  }

  function statusCard(s) {
    const figures = h('p', { class: 'seg-status', id: 'seg-status' });
    const fill = function (x) {
      replace(figures, h('strong', { id: 'seg-member-count', text: String(x.memberCount) }), ' ', h('span', { i18n: 'seg.people' }),
        x.holdoutCount ? h('span', { class: 'muted', i18n: 'seg.heldOutN', args: { n: x.holdoutCount } }) : null, ' · ', asOf(x));
    };
    fill(s);
    const recompute = h('button', { type: 'button', class: 'btn', id: 'seg-recompute', i18n: 'segments.recompute', onclick: function () {
      withBusy(recompute, function () { return segmentsApi.recompute(s.id); }).then(function (x) {
        fill(x);
        announce(t('segments.recomputed', { n: x.memberCount }));
        if (members) renderMembers(members, x);
      }, function (err) { announce(describeError(err), 'error'); });
    } });
    return h('section', { class: 'card seg-status-card' }, figures, h('p', { class: 'hint', i18n: 'segments.recomputeHint' }), recompute);
  }
}
