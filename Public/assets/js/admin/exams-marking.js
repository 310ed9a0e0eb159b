// 阅卷: the case-analysis answers of submitted attempts that wait for a hand mark. Each card shows the stem,
// the candidate's answer, the reference answer and the scoring points, with a mark (0…points, halves allowed)
// and a comment saved on their own. After a save the queue reloads: an attempt whose every answer is marked
// leaves it (its score and pass/fail are final then).
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy, showFormError } from '../feedback.js';
import { examAdminApi, examHash, numberText, num } from './exams-data.js';
import { examHeader } from './exams-head.js';

/** Draws the marking page of exam id into container. */
export function renderExamMarking(container, ctx, id) {
  const body = h('div', { id: 'exam-marking', 'aria-busy': 'true' }, loadingView());
  replace(container, body);
  let exam = null;
  load();

  // First time: the exam (for the header) and the queue; after a save only the queue, keeping focus near.
  function load(after) {
    const asks = [examAdminApi.marking(id)];
    if (!exam) asks.push(examAdminApi.get(id));
    body.setAttribute('aria-busy', 'true');
    Promise.all(asks).then(function (answers) {
      if (!exam) {
        exam = answers[1];
        replace(container, examHeader(ctx, exam, 'marking', function () { ctx.go(examHash('marking', exam.id)); }), body);
      }
      body.removeAttribute('aria-busy');
      draw(body, exam, (answers[0] && answers[0].items) || [], load);
      if (after) after();
    }, function (err) {
      body.removeAttribute('aria-busy');
      if (exam && after) announce(describeError(err), 'error');
      else replace(body, errorView(err, function () { load(); }));
    });
  }
}

function draw(box, exam, items, reload) {
  if (!items.length) {
    replace(box, h('div', { class: 'empty-state', id: 'marking-empty' },
      h('p', { class: 'empty-title', i18n: 'exams.markingEmpty' }),
      h('p', { class: 'muted', i18n: 'exams.markingEmptyHint' })));
    return;
  }
  replace(box,
    h('p', { class: 'q-count', id: 'marking-count', role: 'status', i18n: 'exams.markingCount', args: { n: items.length } }),
    h('p', { class: 'hint', i18n: 'exams.markingIntro' }),
    h('ol', { class: 'marking-list', id: 'marking-list' }, items.map(function (item, i) { return markCard(item, i, reload); })));
}

function markCard(item, index, reload) {
  const key = 'mark-' + item.attemptId + '-' + item.slot;
  const hasMark = item.mark !== null && item.mark !== undefined;
  const points = Number(item.points) || 0;
  const markInput = h('input', { type: 'number', id: key + '-mark', name: 'mark', class: 'marking-mark', inputmode: 'decimal',
    min: '0', max: String(points), step: '0.5', required: true, value: hasMark ? String(item.mark) : '',
    'aria-describedby': key + '-range' });
  const comment = h('textarea', { id: key + '-comment', name: 'comment', rows: 2 });
  const errorBox = h('div', { class: 'form-error', id: key + '-error', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', id: key + '-save', i18n: 'exams.markSave' });
  const titleId = key + '-title';
  const form = h('form', { class: 'marking-form', novalidate: true }, 
    h('div', { class: 'marking-inputs' },
      h('div', { class: 'field field-short' }, h('label', { for: key + '-mark', i18n: 'exams.markLabel' }), markInput,
        h('p', { class: 'hint', id: key + '-range', i18n: 'exams.markRange', args: { max: numberText(points) } })),
      h('div', { class: 'field field-grow' }, h('label', { for: key + '-comment', i18n: 'exams.markComment' }), comment)),
    errorBox,
    h('div', { class: 'form-actions' }, save));
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    showFormError(errorBox, '');
    const mark = num(markInput.value);
    if (isNaN(mark) || mark < 0 || mark > points) {
      showFormError(errorBox, t('exams.markOutOfRange', { max: numberText(points) }));
      markInput.focus();
      return;
    }
    withBusy(save, function () { return examAdminApi.mark(item.attemptId, item.slot, mark, comment.value.trim()); }).then(function (result) {
      const done = result && result.score !== null && result.score !== undefined;
      announce(done ? t('exams.markSavedFinal', { name: item.candidate, n: numberText(result.score), total: numberText(result.maxScore) })
        : t('exams.markSaved', { name: item.candidate }));
      reload(function () {
        const heading = document.getElementById('marking-count') || document.getElementById('marking-empty');
        if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
      });
    }, function (err) {
      showFormError(errorBox, describeError(err));
      markInput.focus();
    });
  });
  return h('li', { class: 'card marking-item', id: key, 'data-attempt-id': item.attemptId, 'data-slot': item.slot, 'aria-labelledby': titleId },
    h('h2', { class: 'marking-title', id: titleId },
      h('span', { i18n: 'exams.markingItem', args: { n: index + 1, name: item.candidate || '—' } }),
      h('span', { class: 'badge', i18n: 'exams.markPoints', args: { n: numberText(points) } }),
      hasMark ? h('span', { class: 'badge badge-on', i18n: 'exams.markHas', args: { n: numberText(item.mark) } }) : null),
    h('h3', { class: 'marking-label', i18n: 'exams.markStem' }),
    h('p', { class: 'marking-text', text: item.stem || '' }),
    h('h3', { class: 'marking-label', i18n: 'exams.markAnswer' }),
    item.answer ? h('p', { class: 'marking-text marking-answer', text: item.answer })
      : h('p', { class: 'muted', i18n: 'exams.markNoAnswer' }),
    h('details', { class: 'json-details marking-reference', open: true },
      h('summary', { i18n: 'exams.markReference' }),
      h('p', { class: 'marking-text', text: item.reference || '' }),
      (item.rubric || []).length ? [h('h3', { class: 'marking-label', i18n: 'exams.markRubric' }),
        h('ul', { class: 'marking-rubric' }, item.rubric.map(function (r) { return h('li', { text: r }); }))] : null),
    form);
}
