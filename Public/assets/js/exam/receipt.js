// 交卷回执: what the candidate keeps after handing in — attempt, time, how many answered, the digest the
// server computed over the stored answers, and score and pass when the review policy shows them. Printable.
// Below it, when the policy allows, the review: each question with the candidate's answer, the key, the
// mark, the explanation and the legal basis.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { letter, stemNodes } from './answers.js';
import { formatPoints } from './exam-api.js';

/** Draws the receipt of view (an AttemptView with receipt) into container; user is who is signed in. */
export function renderReceipt(container, view, user) {
  const r = view.receipt || {};
  const candidate = r.candidate || (user ? user.displayName || user.username : '');
  const review = view.review || null;
  const score = r.score !== null && r.score !== undefined ? r.score : (review ? review.score : null);
  const maxScore = r.maxScore !== null && r.maxScore !== undefined ? r.maxScore : (review ? review.maxScore : null);
  const passed = r.passed !== null && r.passed !== undefined ? r.passed : (review ? review.passed : null);
  function row(key, value, id) {
    return [h('dt', { i18n: key }), h('dd', { id: id || null }, value)];
  }
  const print = h('button', { type: 'button', class: 'btn', id: 'receipt-print', i18n: 'exam.print', onclick: function () { window.print(); } });
  replace(container,
    h('a', { class: 'back-link no-print', href: '#/', i18n: 'exam.backToList' }),
    h('section', { class: 'card receipt', id: 'exam-receipt', 'aria-labelledby': 'receipt-title' },
      h('div', { class: 'receipt-head' },
        h('h1', { id: 'receipt-title', tabindex: '-1', i18n: 'exam.receiptTitle' }),
        h('p', { class: 'receipt-ok', i18n: r.submittedBy === 'deadline' ? 'exam.receiptByDeadline' : 'exam.receiptOk' })),
      h('dl', { class: 'facts receipt-facts', id: 'receipt-facts' },
        row('exam.receiptExam', r.examTitle || view.examTitle || ''),
        candidate ? row('exam.receiptCandidate', candidate) : null,
        row('exam.receiptAttempt', h('span', null, h('span', { class: 'mono', text: String(r.attemptId || view.id) }),
          view.number ? h('span', { class: 'muted', i18n: 'exam.attemptNumberParen', args: { n: view.number } }) : null)),
        row('exam.receiptTime', h('time', { datetime: r.submittedAt, text: formatTime(r.submittedAt) })),
        row('exam.receiptBy', h('span', { i18n: r.submittedBy === 'deadline' ? 'exam.byDeadline' : 'exam.byCandidate' })),
        row('exam.receiptAnswered', h('span', { i18n: 'exam.answeredOf', args: { n: r.answered, total: r.total } }), 'receipt-answered'),
        score !== null && score !== undefined
          ? row('exam.receiptScore', h('span', { class: 'receipt-score', i18n: 'exam.scoreOf', args: { n: formatPoints(score), total: formatPoints(maxScore) } }), 'receipt-score')
          : null,
        passed === true || passed === false
          ? row('exam.receiptResult', h('span', { class: 'badge ' + (passed ? 'badge-on' : 'badge-off'), i18n: passed ? 'exam.passed' : 'exam.failed' }), 'receipt-result')
          : null,
        row('exam.receiptDigest', h('code', { class: 'receipt-digest', id: 'receipt-digest', text: r.digest || '' }))),
      score === null || score === undefined ? h('p', { class: 'muted', i18n: 'exam.scoreLater' }) : null,
      h('p', { class: 'hint', i18n: 'exam.digestHint' }),
      h('div', { class: 'form-actions no-print' }, print,
        passed === true ? h('a', { class: 'btn', id: 'receipt-certificate', href: '/api/v1/attempts/' + (r.attemptId || view.id) + '/certificate', target: '_blank', rel: 'noopener', i18n: 'exam.certificate' }) : null,
        h('a', { class: 'btn', href: '#/', i18n: 'exam.backToList' }))),
    review && review.items && review.items.length ? reviewSection(view, review) : null);
}

function reviewSection(view, review) {
  const bySlot = {};
  (review.items || []).forEach(function (it) { bySlot[it.slot] = it; });
  return h('section', { class: 'card exam-review', id: 'exam-review', 'aria-labelledby': 'review-title' },
    h('h2', { id: 'review-title', i18n: 'exam.reviewTitle' }),
    h('ol', { class: 'review-list' }, (view.items || []).map(function (item, i) {
      const rv = bySlot[item.slot] || {};
      const full = rv.mark !== null && rv.mark !== undefined && Number(rv.mark) >= Number(item.points);
      const none = rv.mark !== null && rv.mark !== undefined && Number(rv.mark) <= 0;
      return h('li', { class: 'review-item' + (full ? ' is-right' : none ? ' is-wrong' : ''), 'data-slot': item.slot },
        h('p', { class: 'review-head' },
          h('span', { class: 'review-no', i18n: 'exam.questionShort', args: { n: i + 1 } }),
          h('span', { class: 'chip chip-type', i18n: 'qtype.' + item.type }),
          rv.mark !== null && rv.mark !== undefined
            ? h('span', { class: 'review-mark', i18n: 'exam.markOf', args: { n: formatPoints(rv.mark), total: formatPoints(item.points) } })
            : h('span', { class: 'muted', i18n: 'exam.markPending' })),
        h('div', { class: 'exam-stem' }, stemNodes(item)),
        item.options && item.options.length ? h('ol', { class: 'review-options', type: 'A' }, item.options.map(function (o) { return h('li', { text: o }); })) : null,
        h('dl', { class: 'qv-facts review-facts' },
          h('dt', { i18n: 'exam.yourAnswer' }), h('dd', null, responseText(item, item.response)),
          rv.correct ? [h('dt', { i18n: 'exam.correctAnswer' }), h('dd', { class: 'qv-key' }, responseText(item, rv.correct))] : null,
          rv.explanation ? [h('dt', { i18n: 'exam.explanation' }), h('dd', { text: rv.explanation })] : null,
          rv.basis ? [h('dt', { i18n: 'exam.basis' }), h('dd', { text: rv.basis })] : null));
    })));
}

/** A response as text: "A、C", 正确, "（1）十五日；（2）…", or the written answer. */
export function responseText(item, response) {
  if (!response) return h('span', { class: 'muted', i18n: 'exam.noAnswer' });
  if (Array.isArray(response.choice)) {
    return response.choice.length ? response.choice.map(letter).join('、') : h('span', { class: 'muted', i18n: 'exam.noAnswer' });
  }
  if (response.judge === true || response.judge === false) return h('span', { i18n: response.judge ? 'exam.true' : 'exam.false' });
  if (Array.isArray(response.blanks)) {
    return response.blanks.map(function (b, i) { return '（' + (i + 1) + '）' + (b || '—'); }).join('；');
  }
  if (typeof response.text === 'string') return h('span', { class: 'review-text', text: response.text || t('exam.noAnswerText') });
  return '';
}
