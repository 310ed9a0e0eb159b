// The editor's preview: the question as a candidate sees it (stem, lettered options, blanks as boxes,
// 正确/错误, a case's answer box — all read-only), then "答案与解析" as a quiz shows it after answering:
// the key, the explanation, the legal basis and the article's words.
import { h, replace } from '../dom.js';
import { letter, stemPieces, keyIndexes } from './questions-data.js';

/** The preview panel; update(draft) redraws it from the form's current values. */
export function previewPanel() {
  const question = h('div', { class: 'qv', id: 'q-preview-question' });
  const feedback = h('section', { class: 'qv-feedback', id: 'q-preview-feedback', 'aria-labelledby': 'q-preview-feedback-title' });
  const panel = h('aside', { class: 'card q-preview', id: 'q-preview', 'aria-labelledby': 'q-preview-title' },
    h('h2', { id: 'q-preview-title', i18n: 'questions.preview' }),
    h('p', { class: 'hint q-preview-hint', i18n: 'questions.previewHint' }),
    question, feedback);
  return {
    panel: panel,
    update: function (draft) {
      drawQuestion(question, draft);
      drawFeedback(feedback, draft);
    },
  };
}

function placeholder(key) {
  return h('span', { class: 'qv-placeholder', i18n: key });
}

function drawQuestion(box, d) {
  replace(box,
    h('p', { class: 'qv-meta' },
      h('span', { class: 'chip chip-type', i18n: 'qtype.' + d.type }),
      d.type === 'case' && d.points ? h('span', { class: 'muted', i18n: 'questions.pointsN', args: { n: d.points } }) : null),
    h('div', { class: 'qv-stem' }, d.stem ? stem(d) : placeholder('questions.previewNoStem')),
    body(d));
}

// The stem's text with every ____ turned into an answer box, numbered for screen readers.
function stem(d) {
  const pieces = stemPieces(d.stem);
  if (d.type !== 'blank' || pieces.length === 1) return d.stem;
  const out = [];
  pieces.forEach(function (piece, i) {
    out.push(piece);
    if (i < pieces.length - 1) {
      out.push(h('input', { type: 'text', class: 'qv-blank', disabled: true, i18nAttr: { 'aria-label': 'questions.blankN' },
        args: { n: i + 1 } }));
    }
  });
  return out;
}

function body(d) {
  if (d.type === 'single' || d.type === 'multiple') {
    const kind = d.type === 'single' ? 'radio' : 'checkbox';
    return h('ul', { class: 'qv-options' }, d.options.map(function (text, i) {
      return h('li', null, h('label', { class: 'qv-option' },
        h('input', { type: kind, name: 'qv-choice', disabled: true }),
        h('span', { class: 'qv-letter', text: letter(i) }),
        text ? h('span', { text: text }) : placeholder('questions.previewNoOption')));
    }));
  }
  if (d.type === 'judge') {
    return h('ul', { class: 'qv-options qv-judge' }, ['questions.true', 'questions.false'].map(function (key) {
      return h('li', null, h('label', { class: 'qv-option' },
        h('input', { type: 'radio', name: 'qv-judge', disabled: true }), h('span', { i18n: key })));
    }));
  }
  if (d.type === 'case') {
    return h('textarea', { class: 'qv-essay', rows: 4, disabled: true, i18nAttr: { placeholder: 'questions.previewEssay', 'aria-label': 'questions.previewEssayLabel' } });
  }
  return null;
}

function drawFeedback(box, d) {
  function row(key, value, cls) {
    return [h('dt', { i18n: key }), h('dd', { class: cls || null }, value)];
  }
  replace(box,
    h('h3', { id: 'q-preview-feedback-title', i18n: 'questions.feedback' }),
    h('dl', { class: 'qv-facts' },
      row(d.type === 'case' ? 'questions.reference' : 'questions.key', keyText(d), 'qv-key'),
      d.type === 'case' && d.rubric.length ? row('questions.rubricShort', h('ol', { class: 'qv-rubric' }, d.rubric.map(function (r) {
        return h('li', { text: r });
      }))) : null,
      row('questions.explanation', d.explanation || placeholder('questions.previewMissing'), 'qv-explanation'),
      row('questions.basis', d.basis || placeholder('questions.previewMissing'), 'qv-basis'),
      d.quote ? row('questions.quote', h('blockquote', { class: 'qv-quote', text: d.quote })) : null));
}

function keyText(d) {
  if (d.type === 'single' || d.type === 'multiple') {
    const keys = keyIndexes(d.answer);
    return keys.length ? keys.map(letter).join('') : placeholder('questions.previewNoKey');
  }
  if (d.type === 'judge') {
    if (d.answer === null || d.answer === undefined) return placeholder('questions.previewNoKey');
    return h('span', { i18n: d.answer ? 'questions.true' : 'questions.false' });
  }
  if (d.type === 'blank') {
    if (!d.answer.length) return placeholder('questions.previewNoKey');
    return h('ul', { class: 'qv-blank-keys' }, d.answer.map(function (variants, i) {
      return h('li', null, h('span', { class: 'muted', i18n: 'questions.blankKey', args: { n: i + 1 } }),
        variants.length ? variants.join(' ／ ') : placeholder('questions.previewNoKey'));
    }));
  }
  return d.answer ? h('div', { class: 'qv-reference', text: d.answer }) : placeholder('questions.previewNoKey');
}
