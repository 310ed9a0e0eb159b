// 确认交卷: how many questions are answered, the unanswered and the flagged ones as buttons that go back to
// them, and the warning that answers cannot change afterwards. The caller's onSubmit makes sure every answer
// reached the server before it submits; its error shows in the dialog, which then stays open.
import { h } from '../dom.js';
import { openDialog } from '../dialog.js';

/**
 * opts: total, missing and flagged (question indexes), onJump(index), onSubmit() → promise.
 * Returns the dialog ({close, form}).
 */
export function openSubmitDialog(opts) {
  let dialog = null;
  function jumpList(labelKey, indexes, id) {
    if (!indexes.length) return null;
    return h('div', { class: 'exam-submit-group', id: id },
      h('p', { class: 'exam-submit-label', i18n: labelKey, args: { n: indexes.length } }),
      h('ul', { class: 'exam-jump-list' }, indexes.map(function (i) {
        return h('li', null, h('button', { type: 'button', class: 'btn btn-small', i18n: 'exam.jumpTo', args: { n: i + 1 },
          i18nAttr: { 'aria-label': 'exam.jumpToLabel' }, onclick: function () { dialog.close(); opts.onJump(i); } }));
      })));
  }
  dialog = openDialog({
    title: 'exam.submitTitle',
    submit: 'exam.submitConfirm',
    body: [
      h('p', { id: 'exam-submit-summary', i18n: 'exam.submitSummary', args: { n: opts.total - opts.missing.length, total: opts.total } }),
      opts.missing.length ? null : h('p', { class: 'muted', i18n: 'exam.submitAllAnswered' }),
      jumpList('exam.submitUnanswered', opts.missing, 'exam-submit-unanswered'),
      jumpList('exam.submitFlagged', opts.flagged, 'exam-submit-flagged'),
      h('p', { class: 'exam-submit-warning', i18n: 'exam.submitWarning' }),
    ],
    onSubmit: opts.onSubmit,
  });
  return dialog;
}
