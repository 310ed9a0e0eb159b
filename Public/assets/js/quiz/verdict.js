// The feedback after an answer (随学随测): right or wrong, the correct answer, 解析, 法律依据 with the quoted
// article behind a disclosure, and 延伸阅读 when the round names something to read next.
import { h } from '../dom.js';
import { keyNodes } from './answers.js';

/**
 * The panel for item's feedback fb ({correct, late, key, explanation, basis, quote, readMore} or {unknown});
 * onRead() runs when the resident opens the related reading.
 */
export function verdictPanel(item, fb, onRead) {
  if (fb.unknown) {
    return h('section', { class: 'quiz-feedback is-unknown', id: 'quiz-feedback', 'aria-labelledby': 'quiz-verdict' },
      h('p', { class: 'quiz-verdict', id: 'quiz-verdict', i18n: 'quiz.answeredBefore' }));
  }
  const right = Boolean(fb.correct);
  const more = fb.readMore && fb.readMore.url ? fb.readMore : null;
  const external = more && /^https?:/i.test(more.url);
  return h('section', { class: 'quiz-feedback ' + (right ? 'is-right' : 'is-wrong'), id: 'quiz-feedback',
    'data-correct': right ? 'true' : 'false', 'aria-labelledby': 'quiz-verdict' },
    h('p', { class: 'quiz-verdict', id: 'quiz-verdict' },
      h('span', { class: 'quiz-verdict-icon', 'aria-hidden': 'true', text: right ? '✓' : '✗' }),
      h('span', { i18n: right ? 'quiz.right' : 'quiz.wrong' })),
    fb.late ? h('p', { class: 'quiz-late', i18n: 'quiz.late' }) : null,
    fb.key ? h('p', { class: 'quiz-key', id: 'quiz-key' },
      h('span', { class: 'quiz-key-label', i18n: 'quiz.keyLabel' }),
      h('span', { class: 'quiz-key-value' + (item.type === 'multiple' ? ' is-list' : '') }, keyNodes(item, fb.key))) : null,
    fb.explanation ? h('div', { class: 'quiz-explain', id: 'quiz-explanation' },
      h('h3', { i18n: 'quiz.explanation' }),
      h('p', { text: fb.explanation })) : null,
    fb.basis || fb.quote ? h('div', { class: 'quiz-basis', id: 'quiz-basis' },
      h('h3', { i18n: 'quiz.basis' }),
      fb.basis ? h('p', { class: 'quiz-basis-name', text: fb.basis }) : null,
      fb.quote ? h('details', { class: 'quiz-quote', id: 'quiz-quote' },
        h('summary', { i18n: 'quiz.quoteShow' }),
        h('blockquote', { text: fb.quote })) : null) : null,
    more ? h('p', { class: 'quiz-readmore', id: 'quiz-readmore' },
      h('span', { class: 'quiz-readmore-label', i18n: 'quiz.readMore' }),
      h('a', { href: more.url, text: more.title || more.url, target: external ? '_blank' : null, rel: external ? 'noopener' : null,
        onclick: function () { if (onRead) onRead(); } })) : null);
}
