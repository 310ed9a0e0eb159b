// 试题分析: classical item analysis of the counted attempts, as Moodle's quiz statistics report computes it.
// The test summary (mean, spread, internal consistency…) and one row per question (facility, discrimination,
// effective weight, how often each option was chosen). A question whose discrimination is weak is marked with
// words as well as colour, so it reads the same in print and to a screen reader. A statistic the server could
// not compute (too few attempts, no spread) is absent and shown as —.
import { h, replace, labelOr } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { examAdminApi, examHash, percentText } from './exams-data.js';
import { examHeader } from './exams-head.js';

/** Draws the item-analysis page of exam id into container. */
export function renderExamStatistics(container, ctx, id) {
  const body = h('div', { id: 'exam-statistics', 'aria-busy': 'true' }, loadingView());
  replace(container, body);
  load();

  function load() {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    Promise.all([examAdminApi.get(id), examAdminApi.statistics(id)]).then(function (answers) {
      const exam = answers[0];
      replace(container, examHeader(ctx, exam, 'statistics', function () { ctx.go(examHash('statistics', exam.id)); }), body);
      body.removeAttribute('aria-busy');
      draw(body, answers[1] || {});
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, load));
    });
  }
}

/** A number with digits decimals; undefined, null or not a number → "—". */
function fixed(n, digits) {
  if (n === null || n === undefined || isNaN(n)) return '—';
  return Number(n).toFixed(digits);
}

function draw(box, stats) {
  const test = stats.test || {};
  const questions = stats.questions || [];
  function stat(key, value, name) {
    return h('div', { class: 'q-stat', id: 'stats-' + name }, h('dt', { i18n: key }), h('dd', { text: value }));
  }
  replace(box,
    h('section', { class: 'card', 'aria-labelledby': 'stats-test-title' },
      h('h2', { id: 'stats-test-title', i18n: 'exams.statsTest' }),
      h('dl', { class: 'q-stats stats-summary', id: 'stats-summary' },
        stat('exams.statsAttempts', String(test.attempts || 0), 'attempts'),
        stat('exams.statsMean', fixed(test.mean, 2), 'mean'),
        stat('exams.statsMedian', fixed(test.median, 2), 'median'),
        stat('exams.statsSd', fixed(test.sd, 2), 'sd'),
        stat('exams.statsSkewness', fixed(test.skewness, 3), 'skewness'),
        stat('exams.statsKurtosis', fixed(test.kurtosis, 3), 'kurtosis'),
        stat('exams.statsCic', percentText(test.cic), 'cic'),
        stat('exams.statsErrorRatio', percentText(test.errorRatio), 'error-ratio'),
        stat('exams.statsStandardError', fixed(test.standardError, 2), 'standard-error')),
      h('p', { class: 'hint', i18n: 'exams.statsTestNote' })),
    h('section', { class: 'card', 'aria-labelledby': 'stats-questions-title' },
      h('h2', { id: 'stats-questions-title', i18n: 'exams.statsQuestions' }),
      questions.length ? questionTable(questions) : h('p', { class: 'muted', id: 'stats-no-questions', i18n: 'exams.statsNone' })),
    definitions());
}

function questionTable(questions) {
  const cols = ['exams.statsColQuestion', 'exams.statsFacility', 'exams.statsSdQ', 'exams.statsDiscrimination',
    'exams.statsEfficiency', 'exams.statsIntended', 'exams.statsEffective', 'exams.statsGuess', 'exams.statsResponses'];
  function td(key, content, cls) {
    return h('td', { class: cls || 'num', i18nAttr: { 'data-label': key } }, h('div', { class: 'cell' }, content));
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table stats-table', id: 'stats-questions' },
    h('caption', { class: 'visually-hidden', i18n: 'exams.statsQuestions' }),
    h('thead', null, h('tr', null, cols.map(function (key, i) {
      return h('th', { scope: 'col', class: i && i < cols.length - 1 ? 'num' : null, i18n: key });
    }))),
    h('tbody', null, questions.map(function (q, i) {
      const weak = q.weakDiscrimination === true;
      return h('tr', { 'data-question-id': q.questionId, class: weak ? 'stats-weak' : null },
        h('th', { scope: 'row', class: 'stats-stem', i18nAttr: { 'data-label': 'exams.statsColQuestion' } }, h('div', { class: 'cell' },
          h('span', { class: 'stats-number', text: (i + 1) + '. ' }),
          h('span', { class: 'badge' }, labelOr('qtype.' + (q.type === 'essay' ? 'case' : q.type), q.type || '')), ' ',
          h('span', { text: q.stem || '' }),
          weak ? h('span', { class: 'badge stats-weak-label', i18n: 'exams.statsWeak' }) : null)),
        td('exams.statsFacility', percentText(q.facility)),
        td('exams.statsSdQ', percentText(q.sd)),
        td('exams.statsDiscrimination', percentText(q.discriminationIndex)),
        td('exams.statsEfficiency', percentText(q.discriminativeEfficiency)),
        td('exams.statsIntended', percentText(q.intendedWeight)),
        td('exams.statsEffective', percentText(q.effectiveWeight)),
        td('exams.statsGuess', percentText(q.randomGuessScore)),
        td('exams.statsResponses', responses(q.responses), 'stats-responses'));
    }))));
}

function responses(list) {
  if (!list || !list.length) return '—';
  return h('ul', { class: 'stats-options' }, list.map(function (r) {
    return h('li', null, h('span', { class: 'mono', text: String(r.option) }), h('span', { i18n: 'exams.statsCount', args: { n: r.count } }));
  }));
}

function definitions() {
  const terms = ['Facility', 'Discrimination', 'Efficiency', 'Effective', 'Guess', 'Cic', 'ErrorRatio', 'StandardError'];
  return h('details', { class: 'json-details stats-definitions', id: 'stats-definitions' },
    h('summary', { i18n: 'exams.statsDefinitions' }),
    h('dl', { class: 'stats-defs' }, terms.map(function (k) {
      return [h('dt', { i18n: 'exams.statsDef' + k + 'Term' }), h('dd', { i18n: 'exams.statsDef' + k })];
    })),
    h('p', { class: 'hint', i18n: 'exams.statsDefSource' }));
}
