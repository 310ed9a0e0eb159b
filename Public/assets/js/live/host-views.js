// The big screen's body for each phase, drawn to be read from the back of a hall: the join code and address in
// the lobby; the question with its options and countdown; the reveal with the key, how the hall answered (bars)
// and the top ten; the podium at the end. Each returns {el, update(view)} for the numbers that change in place.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { choices, choiceText, keyIndexes, num } from './format.js';
import { explain } from './player-views.js';

/** The address phones open, as people type it (no scheme) and as a link. */
export function joinAddress() {
  return { href: location.origin + '/live', text: location.host + '/live' };
}

/** A coloured badge for a contest's phase (lists and the stage's top bar). */
export function phaseBadge(phase) {
  return h('span', { class: 'badge live-phase-badge phase-' + phase, i18n: 'live.phase.' + phase });
}

function setCount(el, key, args) {
  el.setAttribute('data-i18n', key);
  el.setAttribute('data-i18n-args', JSON.stringify(args));
  el.textContent = t(key, args);
}

/** Lobby: the code, huge, the address, and who has joined. */
export function lobbyStage(view) {
  const address = joinAddress();
  const count = h('p', { class: 'live-big-players', id: 'live-stage-joined' });
  const names = h('ul', { class: 'live-joined-names', id: 'live-joined-names', i18nAttr: { 'aria-label': 'live.joinedNames' } });
  function update(v) {
    setCount(count, 'live.playersJoined', { n: v.players });
    replace(names, (v.ranking || []).map(function (r) { return h('li', { text: r.nickname }); }),
      v.players > (v.ranking || []).length ? h('li', { class: 'live-joined-more', text: '…' }) : null);
  }
  const el = h('div', { class: 'live-stage-lobby' },
    h('p', { class: 'live-stage-lead' },
      h('span', { i18n: 'live.stageOpen' }), ' ',
      h('a', { href: address.href, class: 'live-address', id: 'live-address', target: '_blank', rel: 'noopener', text: address.text }), ' ',
      h('span', { i18n: 'live.stageEnter' })),
    h('p', { class: 'live-big-code-box' }, h('span', { class: 'live-big-code-label', i18n: 'live.code' }), h('span', { class: 'live-big-code', id: 'live-code', text: view.code })),
    count, names);
  update(view);
  return { el: el, update: update };
}

function optionList(q, className, extra) {
  return h('ol', { class: className + (q.type === 'judge' ? ' is-judge' : '') }, choices(q).map(function (c, i) {
    return h('li', { class: 'live-stage-option', 'data-choice': String(i) },
      h('span', { class: 'live-stage-letter', 'aria-hidden': q.type === 'judge' ? 'true' : null, text: c.label }),
      choiceText(c, { class: 'live-stage-option-text' }),
      extra ? extra(i) : null);
  }));
}

/** Question: the stem, the options, the timer slot and 已作答 x / y. */
export function questionStage(view) {
  const q = view.question;
  const answered = h('p', { class: 'live-stage-answered', id: 'live-answered', 'aria-live': 'off' });
  const timerSlot = h('div', { class: 'live-stage-timer' });
  function update(v) {
    setCount(answered, 'live.answeredOf', { n: v.answered, total: v.players });
  }
  const el = h('div', { class: 'live-stage-question', id: 'live-stage-question', 'data-index': String(view.index) },
    h('div', { class: 'live-stage-qhead' },
      h('span', { class: 'chip chip-type live-stage-type', i18n: 'qtype.' + q.type }),
      timerSlot, answered),
    h('p', { class: 'live-stage-stem', id: 'live-stage-stem', text: q.stem }),
    optionList(q, 'live-stage-options'));
  update(view);
  return { el: el, timerSlot: timerSlot, update: update };
}

/** Reveal: the key highlighted, a bar per option with its count, 解析 and 法律依据, the top ten. */
export function revealStage(view) {
  const q = view.question;
  const r = view.reveal || {};
  const keys = keyIndexes(r.key);
  const counts = r.distribution || [];
  const respondents = Math.max(1, view.answered);
  const list = optionList(q, 'live-stage-options live-stage-dist', function (i) {
    const n = counts[i] || 0;
    return h('span', { class: 'live-bar' },
      h('span', { class: 'live-bar-track' }, h('span', { class: 'live-bar-fill', style: 'width:' + Math.min(100, 100 * n / respondents).toFixed(1) + '%' })),
      h('span', { class: 'live-bar-count', i18n: 'live.distCount', args: { n: n, pct: Math.round(100 * n / respondents) } }));
  });
  const items = list.querySelectorAll('.live-stage-option');
  for (let i = 0; i < items.length; i++) {
    if (keys.indexOf(i) >= 0) {
      items[i].classList.add('is-key');
      items[i].appendChild(h('span', { class: 'live-tag live-tag-key', i18n: 'live.correctAnswer' }));
    }
  }
  const el = h('div', { class: 'live-stage-reveal', id: 'live-stage-reveal' },
    h('div', { class: 'live-stage-main' },
      h('p', { class: 'live-stage-stem live-stage-stem-small', text: q.stem }),
      list,
      h('p', { class: 'live-stage-answered', i18n: 'live.answeredOf', args: { n: view.answered, total: view.players } }),
      explain(r)),
    stageRanking(view.ranking, 'live-stage-ranking'));
  return { el: el, update: function () {} };
}

/** The top ten as a big list. */
export function stageRanking(ranking, id) {
  return h('section', { class: 'live-stage-side', 'aria-labelledby': id + '-title' },
    h('h2', { id: id + '-title', i18n: 'live.top10' }),
    ranking && ranking.length ? h('ol', { class: 'live-ranking live-stage-rank', id: id }, ranking.map(function (r) {
      return h('li', { class: 'live-rank-row rank-' + Math.min(r.rank, 4) },
        h('span', { class: 'live-rank-no', text: String(r.rank) }),
        h('span', { class: 'live-rank-name', text: r.nickname }),
        h('span', { class: 'live-rank-score', text: num(r.score) }));
    })) : h('p', { class: 'muted', i18n: 'live.noPlayers' }));
}

/** The end: a podium for the first three (second, first, third), then places 4–10. */
export function endedStage(view) {
  const ranking = view.ranking || [];
  const top = ranking.slice(0, 3);
  const order = [1, 0, 2].filter(function (i) { return top[i]; });
  const el = h('div', { class: 'live-stage-ended', id: 'live-stage-ended' },
    h('h2', { class: 'live-stage-ended-title', i18n: 'live.finalRanking' }),
    top.length ? h('ol', { class: 'live-podium', id: 'live-podium' }, order.map(function (i) {
      const r = top[i];
      return h('li', { class: 'live-podium-place place-' + (i + 1) },
        h('span', { class: 'live-podium-name', text: r.nickname }),
        h('span', { class: 'live-podium-score', i18n: 'live.points', args: { n: num(r.score) } }),
        h('span', { class: 'live-podium-block' }, h('span', { class: 'live-podium-rank', i18n: 'live.rankN', args: { n: r.rank } })));
    })) : h('p', { class: 'muted', i18n: 'live.noPlayers' }),
    ranking.length > 3 ? h('ol', { class: 'live-ranking live-stage-rest', start: '4' }, ranking.slice(3).map(function (r) {
      return h('li', { class: 'live-rank-row' },
        h('span', { class: 'live-rank-no', text: String(r.rank) }),
        h('span', { class: 'live-rank-name', text: r.nickname }),
        h('span', { class: 'live-rank-score', text: num(r.score) }));
    })) : null);
  return { el: el, update: function () {} };
}
