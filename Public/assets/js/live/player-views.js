// The phone's screens for each phase: the lobby, the question with its answer buttons, the reveal, the end.
// Each returns nodes (and, for the question, the handles the controller needs); none calls the API.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { choices, choiceText, keyIndexes, keyLine, num } from './format.js';

/** 已加入，等待主持人开始 with the number of players. */
export function lobbyView(view) {
  return h('div', { class: 'live-phase live-lobby', id: 'live-lobby' },
    h('p', { class: 'live-title', text: view.title }),
    h('div', { class: 'live-wait-mark', 'aria-hidden': 'true' }),
    h('h1', { class: 'live-phase-title', tabindex: '-1', i18n: 'live.joinedWaiting' }),
    h('p', { class: 'live-players', id: 'live-players', i18n: 'live.playersJoined', args: { n: view.players } }),
    h('p', { class: 'hint', i18n: 'live.keepOpen' }));
}

/**
 * The question: n / N, the countdown, the stem and big answer buttons (a 提交 button for multiple choice).
 * onAnswer(response) is called once with {judge: bool} or {choice: [i…]}. Returns {el, timerSlot, lock(chosen),
 * unlock(), setStatus(key, kind, text)}.
 */
export function questionView(view, onAnswer) {
  const q = view.question;
  const multiple = q.type === 'multiple';
  const picked = [];
  const timerSlot = h('div', { class: 'live-timer-slot' });
  const status = h('p', { class: 'live-answer-status', id: 'live-answer-status', role: 'status', 'aria-live': 'polite' });
  const submit = multiple ? h('button', {
    type: 'button', class: 'btn btn-primary btn-block live-submit', id: 'live-submit', disabled: true, i18n: 'live.submit',
    onclick: function () { if (picked.length) onAnswer({ choice: picked.slice().sort(function (a, b) { return a - b; }) }); },
  }) : null;
  const buttons = choices(q).map(function (c, i) {
    return h('button', {
      type: 'button', class: 'live-answer', 'data-choice': String(i), 'aria-pressed': multiple ? 'false' : null,
      onclick: function () {
        if (!multiple) {
          onAnswer(q.type === 'judge' ? { judge: i === 0 } : { choice: [i] });
          return;
        }
        const at = picked.indexOf(i);
        if (at >= 0) picked.splice(at, 1); else picked.push(i);
        buttons[i].setAttribute('aria-pressed', at >= 0 ? 'false' : 'true');
        submit.disabled = picked.length === 0;
      },
    }, h('span', { class: 'live-answer-letter', 'aria-hidden': q.type === 'judge' ? 'true' : null, text: c.label }), choiceText(c, { class: 'live-answer-text' }));
  });
  const el = h('div', { class: 'live-phase live-question', id: 'live-question', 'data-index': String(view.index), 'data-type': q.type },
    h('div', { class: 'live-q-head' },
      h('h1', { class: 'live-q-count', id: 'live-q-count', tabindex: '-1', i18n: 'live.questionOf', args: { n: view.index + 1, total: view.total } }),
      h('span', { class: 'chip chip-type', i18n: 'qtype.' + q.type })),
    timerSlot,
    h('p', { class: 'live-stem', id: 'live-stem', text: q.stem }),
    multiple ? h('p', { class: 'hint live-multi-hint', i18n: 'live.multipleHint' }) : null,
    h('div', { class: 'live-answers' + (q.type === 'judge' ? ' is-judge' : '') }, buttons),
    submit,
    status);

  // A translated status (key) or a ready sentence (text, e.g. a server refusal); kind colours it.
  function setStatus(key, kind, text) {
    status.className = 'live-answer-status' + (kind ? ' is-' + kind : '');
    if (key) {
      status.setAttribute('data-i18n', key);
      status.textContent = t(key);
    } else {
      status.removeAttribute('data-i18n');
      status.textContent = text || '';
    }
  }
  return {
    el: el,
    timerSlot: timerSlot,
    /** Locks the buttons, marking chosen (indexes) as the answer given. */
    lock: function (chosen) {
      buttons.forEach(function (b, i) {
        b.disabled = true;
        b.classList.toggle('is-chosen', (chosen || []).indexOf(i) >= 0);
        if (multiple) b.setAttribute('aria-pressed', (chosen || []).indexOf(i) >= 0 ? 'true' : 'false');
      });
      if (submit) submit.disabled = true;
      el.classList.add('is-locked');
    },
    /** Gives the buttons back after a failed send. */
    unlock: function () {
      buttons.forEach(function (b) { b.disabled = false; });
      if (submit) submit.disabled = picked.length === 0;
      el.classList.remove('is-locked');
    },
    setStatus: setStatus,
  };
}

/** 回答正确 +points / 回答错误 / 未作答, the key, 解析 and 法律依据, my score and rank. */
export function revealView(view, mine) {
  const q = view.question;
  const r = view.reveal || {};
  const me = view.me || {};
  const keys = keyIndexes(r.key);
  const verdict = !me.answered ? 'none' : (me.correct ? 'right' : 'wrong');
  return h('div', { class: 'live-phase live-reveal', id: 'live-reveal', 'data-index': String(view.index) },
    h('div', { class: 'live-verdict is-' + verdict, id: 'live-verdict' },
      h('h1', { class: 'live-verdict-title', tabindex: '-1', i18n: 'live.verdict.' + verdict }),
      verdict === 'right' ? h('p', { class: 'live-points', id: 'live-points', i18n: 'live.plusPoints', args: { n: num(me.points) } }) : null),
    myStanding(view),
    h('div', { class: 'live-reveal-q' },
      h('p', { class: 'live-q-count', i18n: 'live.questionOf', args: { n: view.index + 1, total: view.total } }),
      h('p', { class: 'live-stem live-stem-small', text: q.stem }),
      h('ul', { class: 'live-review' }, choices(q).map(function (c, i) {
        const isKey = keys.indexOf(i) >= 0;
        const isMine = (mine || []).indexOf(i) >= 0;
        return h('li', { class: 'live-review-item' + (isKey ? ' is-key' : '') + (isMine ? ' is-mine' : '') },
          h('span', { class: 'live-answer-letter', text: c.label }),
          choiceText(c, { class: 'live-answer-text' }),
          isKey || isMine ? h('span', { class: 'live-review-tags' },
            isKey ? h('span', { class: 'live-tag live-tag-key', i18n: 'live.correctAnswer' }) : null,
            isMine ? h('span', { class: 'live-tag live-tag-mine', i18n: 'live.yourAnswer' }) : null) : null);
      }))),
    h('p', { class: 'live-key-line', id: 'live-key' }, h('b', { i18n: 'live.answerIs' }), keyLine(q, r.key)),
    explain(r),
    h('p', { class: 'live-next-hint', i18n: 'live.waitNext' }));
}

/** 解析 and 法律依据, when the question has them. */
export function explain(r) {
  if (!r.explanation && !r.basis) return null;
  return h('dl', { class: 'live-explain' },
    r.explanation ? [h('dt', { i18n: 'live.explanation' }), h('dd', { id: 'live-explanation', text: r.explanation })] : null,
    r.basis ? [h('dt', { i18n: 'live.basis' }), h('dd', { id: 'live-basis', text: r.basis })] : null);
}

function myStanding(view) {
  const me = view.me || {};
  return h('dl', { class: 'live-standing', id: 'live-standing' },
    h('div', null, h('dt', { i18n: 'live.myScore' }), h('dd', { id: 'live-score', text: num(me.score) })),
    h('div', null, h('dt', { i18n: 'live.myRank' }), h('dd', { id: 'live-rank', i18n: 'live.rankN', args: { n: me.rank } })));
}

/** The end: my final rank and score, and the top ten. onLeave() forgets the contest. */
export function endedView(view, onLeave) {
  return h('div', { class: 'live-phase live-ended', id: 'live-ended' },
    h('p', { class: 'live-title', text: view.title }),
    h('h1', { class: 'live-phase-title', tabindex: '-1', i18n: 'live.endedTitle' }),
    view.me ? h('p', { class: 'live-final', id: 'live-final', i18n: 'live.finalLine', args: { n: view.me.rank, score: num(view.me.score) } }) : null,
    rankingList(view.ranking, 'live-phone-ranking'),
    h('button', { type: 'button', class: 'btn btn-block', id: 'live-leave', i18n: 'live.joinAnother', onclick: onLeave }));
}

/** The top ten as an ordered list: rank, nickname, score. */
export function rankingList(ranking, id) {
  if (!ranking || !ranking.length) return null;
  return h('section', { class: 'live-ranking-box', 'aria-labelledby': id + '-title' },
    h('h2', { id: id + '-title', i18n: 'live.top10' }),
    h('ol', { class: 'live-ranking', id: id }, ranking.map(function (r) {
      return h('li', { class: 'live-rank-row rank-' + Math.min(r.rank, 4) },
        h('span', { class: 'live-rank-no', text: String(r.rank) }),
        h('span', { class: 'live-rank-name', text: r.nickname }),
        h('span', { class: 'live-rank-score', text: num(r.score) }));
    })));
}
