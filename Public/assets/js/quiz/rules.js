// What a resident should know before starting a round: when it runs, how many questions and how long each,
// the prizes, who enters the draw and how the winners are picked from a public lottery result, and the
// commitment that proves the rules were fixed before the round opened.
import { h } from '../dom.js';
import { beijingParts, shortHash, percentText } from './format.js';

/** "12月1日 09:00 至 12月7日 20:00（北京时间）", each moment kept on one line. */
export function windowLine(round) {
  return h('span', { class: 'quiz-window' },
    moment(round.opensAt), h('span', { i18n: 'quiz.windowTo' }), moment(round.closesAt), h('span', { class: 'nowrap', i18n: 'quiz.beijing' }));
}

/** One moment in Beijing time, translated in place on a language switch. */
export function moment(iso) {
  const p = beijingParts(iso);
  if (!p) return null;
  const key = p.y === beijingParts(new Date().toISOString()).y ? 'quiz.moment' : 'quiz.momentYear';
  return h('span', { class: 'nowrap', i18n: key, args: p });
}

/** The round's rules as a definition list. */
export function roundFacts(round) {
  const rows = [
    ['quiz.factWindow', windowLine(round)],
    ['quiz.factQuestions', h('span', { i18n: 'quiz.questionsN', args: { n: round.questionsPerEntry } })],
    ['quiz.factTime', round.secondsPerQuestion
      ? h('span', { i18n: 'quiz.secondsEach', args: { n: round.secondsPerQuestion } })
      : h('span', { i18n: 'quiz.untimed' })],
    ['quiz.factTries', h('span', { i18n: 'quiz.triesPerDay', args: { n: round.entriesPerDay } })],
  ];
  return h('dl', { class: 'facts quiz-facts' }, rows.map(function (row) {
    return [h('dt', { i18n: row[0] }), h('dd', null, row[1])];
  }));
}

/** Prizes, who may enter the draw, how the winners are drawn and the commitment; null without prizes. */
export function drawRules(round, idPrefix) {
  const prizes = round.prizes || [];
  if (!prizes.length) return null;
  const id = (idPrefix || 'round-' + round.id) + '-commitment';
  const seed = round.publicSeed || {};
  const threshold = Number(round.drawThresholdPercent);
  return h('section', { class: 'quiz-draw-rules', 'aria-labelledby': id + '-title' },
    h('h3', { id: id + '-title', i18n: 'quiz.prizesTitle' }),
    h('ul', { class: 'quiz-prizes' }, prizes.map(function (p) {
      return h('li', null, h('span', { class: 'quiz-prize-name', text: p.name }),
        h('span', { class: 'quiz-prize-count', i18n: 'quiz.prizeCount', args: { n: p.count } }));
    })),
    h('dl', { class: 'facts quiz-facts' },
      h('dt', { i18n: 'quiz.whoDraws' }),
      h('dd', { i18n: threshold >= 100 ? 'quiz.whoDrawsFull' : 'quiz.whoDrawsPercent', args: { p: percentText(threshold) } }),
      h('dt', { i18n: 'quiz.howDrawn' }),
      h('dd', null,
        h('span', { i18n: 'quiz.howDrawnText', args: { name: seed.name || '', issue: seed.issue || '', date: seed.drawDate || '' } }),
        seed.howRead ? h('span', { class: 'quiz-howread' }, ' ', h('span', { i18n: 'quiz.howRead', args: { how: seed.howRead } })) : null),
      round.commitment ? [
        h('dt', { i18n: 'quiz.commitment' }),
        h('dd', null,
          h('code', { class: 'quiz-hash', id: id, title: round.commitment, text: shortHash(round.commitment) }),
          h('details', { class: 'quiz-what' },
            h('summary', { i18n: 'quiz.commitmentWhat' }),
            h('p', { i18n: 'quiz.commitmentExplain' }),
            h('p', { i18n: 'quiz.commitmentCheck' }),
            h('p', { class: 'quiz-hash-full' }, h('span', { i18n: 'quiz.commitmentFull' }), ' ',
              h('code', { text: round.commitment })))),
      ] : null));
}
