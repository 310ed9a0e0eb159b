// 作答与核查: every entry of a round with nickname, masked phone, town or village, score, time, the anti-abuse flags
// (each with its reason) and the review; 核查通过 / 排除 for flagged entries until the eligible list is frozen;
// a filter for flagged entries only (kept in the address); the score distribution and the regions' standings.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy, inCurrentLanguage } from '../feedback.js';
import { loadRefs, pathOf } from './refs.js';
import { percentText, BANDS } from './exams-data.js';
import { loadChartJs } from './exams-charts.js';
import { quizAdminApi, quizHash } from './quizzes-data.js';
import { quizHeader } from './quizzes-head.js';
import { bandCounts, drawScoreChart } from './quizzes-charts.js';

/** Draws the entries page of round id into container; params.flagged === '1' starts with flagged entries only. */
export function renderQuizEntries(container, ctx, id, params) {
  const body = h('div', { id: 'qa-entries', 'aria-busy': 'true' }, loadingView());
  replace(container, body);
  const state = { round: null, flaggedOnly: params.flagged === '1' };
  load(true);

  function load(first, button, then) {
    const asks = [quizAdminApi.entries(id), quizAdminApi.leaderboard(id).catch(function () { return null; }),
      loadRefs().catch(function () { return { regions: [] }; }),
      first ? quizAdminApi.get(id) : Promise.resolve(state.round)];
    const work = Promise.all(asks).then(function (answers) {
      // The draw exists only for published rounds; frozen or not decides whether reviews may change.
      const round = answers[3];
      const draw = round.status === 'published' && (round.prizes || []).length
        ? quizAdminApi.draw(id).catch(function () { return null; }) : Promise.resolve(null);
      return draw.then(function (d) { return answers.concat([d]); });
    });
    (button ? withBusy(button, function () { return work; }) : work).then(function (answers) {
      if (first) {
        state.round = answers[3];
        replace(container, quizHeader(ctx, state.round, 'entries', function () { ctx.go(quizHash('entries', id)); }), body);
      }
      body.removeAttribute('aria-busy');
      draw(answers[0].items || [], answers[1], answers[2].regions || [], Boolean(answers[4] && answers[4].frozen));
      if (then) then();
    }, function (err) {
      body.removeAttribute('aria-busy');
      if (first) replace(body, errorView(err, function () { load(true); }));
      else announce(describeError(err), 'error');
    });
  }

  function draw(items, board, regions, frozen) {
    const finished = items.filter(function (e) { return e.finishedAt; });
    const flagged = items.filter(function (e) { return (e.flags || []).length; });
    const pending = flagged.filter(function (e) { return !e.review; });
    const mean = finished.length ? finished.reduce(function (s, e) { return s + e.percent; }, 0) / finished.length : null;
    function stat(key, value, sid) { return h('div', { class: 'q-stat', id: sid }, h('dt', { i18n: key }), h('dd', { text: value })); }
    const refresh = h('button', { type: 'button', class: 'btn', id: 'qa-entries-refresh', i18n: 'exams.refresh',
      onclick: function () { load(false, refresh, function () { announce(t('exams.reportRefreshed')); }); } });
    const canvas = h('canvas', { id: 'qa-score-chart', role: 'img', i18nAttr: { 'aria-label': 'qadmin.chartScores' } });
    const counts = bandCounts(finished.map(function (e) { return e.percent; }));
    replace(body,
      h('div', { class: 'report-toolbar' }, refresh),
      h('dl', { class: 'q-stats report-stats', id: 'qa-entry-stats' },
        stat('qadmin.statEntries', String(items.length), 'qa-stat-entries'),
        stat('qadmin.statFinished', String(finished.length), 'qa-stat-finished'),
        stat('qadmin.statMean', percentText(mean), 'qa-stat-mean'),
        stat('qadmin.statFlagged', String(flagged.length), 'qa-stat-flagged'),
        stat('qadmin.statPending', String(pending.length), 'qa-stat-pending'),
        stat('qadmin.statEligible', String(items.filter(function (e) { return e.eligible; }).length), 'qa-stat-eligible')),
      pending.length && !frozen ? h('p', { class: 'notice', id: 'qa-pending-note', i18n: 'qadmin.pendingNote', args: { n: pending.length } }) : null,
      frozen ? h('p', { class: 'notice', id: 'qa-frozen-note', i18n: 'qadmin.frozenNote' }) : null,
      entriesCard(items, regions, frozen),
      h('section', { class: 'card', 'aria-labelledby': 'qa-scores-title' },
        h('h2', { id: 'qa-scores-title', i18n: 'qadmin.scoreDistribution' }),
        finished.length ? [h('figure', { class: 'report-figure' }, h('div', { class: 'chart-box' }, canvas),
          h('figcaption', { class: 'hint', i18n: 'qadmin.chartCaption' })), bandTable(counts)]
          : h('p', { class: 'muted', i18n: 'qadmin.noFinished' })),
      standings(board));
    if (finished.length) {
      loadChartJs().then(function (Chart) { drawScoreChart(Chart, canvas, counts); }, function () { canvas.parentNode.hidden = true; });
    }
  }

  function entriesCard(items, regions, frozen) {
    const only = h('input', { type: 'checkbox', id: 'qa-entries-flagged', checked: state.flaggedOnly });
    const count = h('p', { class: 'q-count', id: 'qa-entries-count', role: 'status' });
    const box = h('div');
    function show() {
      const rows = items.filter(function (e) { return !state.flaggedOnly || (e.flags || []).length; });
      count.setAttribute('data-i18n', 'qadmin.entriesShown');
      count.setAttribute('data-i18n-args', JSON.stringify({ n: rows.length, total: items.length }));
      count.textContent = t('qadmin.entriesShown', { n: rows.length, total: items.length });
      replace(box, rows.length ? entryTable(rows, regions, frozen, review)
        : h('p', { class: 'muted', id: 'qa-entries-empty', i18n: state.flaggedOnly ? 'qadmin.noFlagged' : 'qadmin.noEntries' }));
    }
    only.addEventListener('change', function () {
      state.flaggedOnly = only.checked;
      // The filter lives in the address, so reload and Back keep it; replaceState does not re-route.
      history.replaceState(null, '', quizHash('entries', id) + (state.flaggedOnly ? '&flagged=1' : ''));
      show();
    });
    show();
    return h('section', { class: 'card', 'aria-labelledby': 'qa-entries-title' },
      h('h2', { id: 'qa-entries-title', i18n: 'qadmin.entriesTitle' }),
      h('div', { class: 'check' }, only, h('label', { for: 'qa-entries-flagged', i18n: 'qadmin.onlyFlagged' })),
      count, box,
      h('p', { class: 'hint', i18n: 'qadmin.flagsHint' }));
  }

  function review(entry, value, button) {
    withBusy(button, function () { return quizAdminApi.review(id, entry.entryId, value); }).then(function () {
      load(false, null, function () {
        announce(t(value === 'cleared' ? 'qadmin.clearedDone' : 'qadmin.excludedDone', { name: entry.nickname || entry.entryId }));
        const row = document.querySelector('#qa-entries-table tr[data-entry-id="' + entry.entryId + '"] [data-action]:not([disabled])');
        (row || document.getElementById('qa-entries-flagged')).focus();
      });
    }, function (err) { announce(describeError(err), 'error'); });
  }
}

function entryTable(rows, regions, frozen, review) {
  function td(key, content, cls) {
    return h('td', { class: cls || null, i18nAttr: { 'data-label': key } }, h('div', { class: 'cell' }, content));
  }
  const keys = ['qadmin.colPerson', 'qadmin.colRegion', 'qadmin.colScore', 'qadmin.colTime', 'qadmin.colFlags', 'qadmin.colReview', 'qadmin.colEligible'];
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data-table qa-entries-table', id: 'qa-entries-table' },
    h('caption', { class: 'visually-hidden', i18n: 'qadmin.entriesTitle' }),
    h('thead', null, h('tr', null, keys.map(function (key) { return h('th', { scope: 'col', i18n: key }); }))),
    h('tbody', null, rows.map(function (e) {
      const flags = e.flags || [];
      const args = { name: e.nickname || e.entryId };
      return h('tr', { 'data-entry-id': e.entryId, class: flags.length && !e.review ? 'qa-row-flagged' : null },
        td('qadmin.colPerson', h('span', { class: 'qa-person' },
          e.nickname ? h('span', { class: 'qa-nickname', text: e.nickname }) : h('span', { class: 'muted', i18n: 'qadmin.noContact' }),
          e.phone ? h('span', { class: 'mono qa-phone', text: e.phone }) : null,
          h('span', { class: 'muted mono qa-entry-id', text: e.entryId }))),
        td('qadmin.colRegion', e.regionId ? placeOf(regions, e.regionId) : '—'),
        td('qadmin.colScore', e.finishedAt ? h('span', null, h('span', { text: percentText(e.percent) }),
          h('span', { class: 'muted qa-duration', i18n: 'qadmin.took', args: { t: duration(e.startedAt, e.finishedAt) } }))
          : h('span', { class: 'muted', i18n: 'qadmin.unfinished' }), 'nowrap'),
        td('qadmin.colTime', e.finishedAt ? h('span', { class: 'nowrap', text: formatTime(e.finishedAt) })
          : h('span', { class: 'muted', i18n: 'qadmin.startedAt', args: { time: formatTime(e.startedAt) } })),
        td('qadmin.colFlags', flags.length ? h('ul', { class: 'qa-flags' }, flags.map(function (f) {
          return h('li', { 'data-flag': f.kind }, h('span', { class: 'badge qa-flag', i18n: 'qadmin.flag.' + f.kind }),
            h('span', { class: 'qa-flag-reason', text: inCurrentLanguage(f.reason) }));
        })) : '—'),
        td('qadmin.colReview', flags.length ? h('div', { class: 'qa-review' },
          h('span', { class: 'badge qa-review-' + (e.review || 'pending'), i18n: 'qadmin.review.' + (e.review || 'pending') }),
          h('div', { class: 'row-actions' },
            h('button', { type: 'button', class: 'btn btn-small' + (e.review === 'cleared' ? '' : ' btn-primary'), 'data-action': 'clear',
              disabled: frozen || e.review === 'cleared', i18n: 'qadmin.clear', args: args, i18nAttr: { 'aria-label': 'qadmin.clearLabel' },
              onclick: function (ev) { review(e, 'cleared', ev.currentTarget); } }),
            h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-action': 'exclude',
              disabled: frozen || e.review === 'excluded', i18n: 'qadmin.exclude', args: args, i18nAttr: { 'aria-label': 'qadmin.excludeLabel' },
              onclick: function (ev) { review(e, 'excluded', ev.currentTarget); } }))) : '—'),
        td('qadmin.colEligible', e.eligible ? h('span', { class: 'qa-yes' }, h('span', { 'aria-hidden': 'true', text: '✓ ' }), h('span', { i18n: 'qadmin.inDraw' }))
          : h('span', { class: 'muted', i18n: 'qadmin.notInDraw' }), 'nowrap'));
    }))));
}

// Town and village (the county is the same for everyone), the whole path on hover.
function placeOf(regions, regionId) {
  const path = pathOf(regions, regionId);
  if (!path) return String(regionId);
  const parts = path.split(' / ');
  return h('span', { title: path, text: parts.slice(Math.max(0, parts.length - 2)).join(' · ') });
}

// "1 分 05 秒" from two instants.
function duration(from, to) {
  const s = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  return s >= 60 ? t('qadmin.minSec', { m: Math.floor(s / 60), s: (s % 60 < 10 ? '0' : '') + (s % 60) }) : t('qadmin.sec', { s: s });
}

function bandTable(counts) {
  return h('details', { class: 'json-details report-dist' }, h('summary', { i18n: 'exams.distributionTable' }),
    h('table', { class: 'count-table', id: 'qa-distribution' },
      h('thead', null, h('tr', null, h('th', { scope: 'col', i18n: 'exams.band' }), h('th', { scope: 'col', class: 'num', i18n: 'qadmin.entriesCount' }))),
      h('tbody', null, BANDS.map(function (band, i) {
        return h('tr', null, h('th', { scope: 'row', text: band + '%' }), h('td', { class: 'num', text: String(counts[i] || 0) }));
      }))));
}

// The towns and villages ranked as residents see them on the leaderboard (excluded entries left out).
function standings(board) {
  const regions = board && board.regions ? board.regions.slice(0, 10) : [];
  return h('section', { class: 'card', 'aria-labelledby': 'qa-standings-title' },
    h('h2', { id: 'qa-standings-title', i18n: 'qadmin.standings' }),
    regions.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'count-table', id: 'qa-standings' },
      h('thead', null, h('tr', null, ['qadmin.colRank', 'qadmin.colRegion', 'qadmin.statEntries', 'qadmin.statMean', 'qadmin.fullMarks']
        .map(function (key, i) { return h('th', { scope: 'col', class: i > 1 ? 'num' : null, i18n: key }); }))),
      h('tbody', null, regions.map(function (r, i) {
        return h('tr', { 'data-region-id': r.regionId }, h('td', { text: String(i + 1) }),
          h('th', { scope: 'row' }, h('span', { text: r.name }), ' ', h('span', { class: 'badge badge-level level-' + r.level, i18n: 'level.' + r.level })),
          h('td', { class: 'num', text: String(r.entries) }), h('td', { class: 'num', text: percentText(r.meanPercent) }),
          h('td', { class: 'num', text: String(r.fullMarks) }));
      })))) : h('p', { class: 'muted', i18n: 'qadmin.noStandings' }),
    h('p', { class: 'hint', i18n: 'qadmin.standingsHint' }));
}
