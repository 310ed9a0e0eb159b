// 奖品与抽奖 in the round form: the prizes as a small repeatable list (awarded in this order), who may enter the draw
// (the score threshold), and the public random source — the lottery issue, drawn after the close, whose numbers
// will make the draw; named before publishing so that nobody can know the random value while entries still change.
import { h, replace } from '../dom.js';
import { num, say, toLocalInput } from './exams-data.js';

const DEFAULT_HOW_READ = '按开奖公告的顺序录入全部开奖号码（例如双色球：6 个红球号码和 1 个蓝球号码）';

/**
 * round: the saved round or null; opts.readOnly, opts.onChange().
 * Returns {el, read() → {prizes, publicSeed, drawThresholdPercent}, problems(closesAtIso) → [{key, args, focus}]}.
 */
export function prizeEditor(round, opts) {
  const readOnly = Boolean(opts.readOnly);
  const changed = opts.onChange || function () {};
  const prizes = ((round && round.prizes) || []).map(function (p) { return { name: p.name, count: p.count }; });
  const seed = (round && round.publicSeed) || { name: '', issue: '', drawDate: '', howRead: DEFAULT_HOW_READ };
  const list = h('ol', { class: 'qa-prizes', id: 'qa-prize-list' });
  const none = h('p', { class: 'muted', id: 'qa-no-prizes', i18n: 'qadmin.noPrizesNote' });
  const add = readOnly ? null : h('button', { type: 'button', class: 'btn', id: 'qa-prize-add', i18n: 'qadmin.addPrize', onclick: function () {
    prizes.push({ name: '', count: 1 });
    drawList();
    changed();
    document.getElementById('qa-prize-name-' + (prizes.length - 1)).focus();
  } });

  function input(id, name, value, attrs) {
    return h('input', Object.assign({ type: 'text', id: id, name: name, value: value || '', autocomplete: 'off', disabled: readOnly }, attrs || {}));
  }
  function field(id, key, control, hintKey, required) {
    return h('div', { class: 'field' },
      h('label', { for: id }, h('span', { i18n: key }), required ? h('span', { class: 'req', 'aria-hidden': 'true', text: ' *' }) : null),
      control, hintKey ? h('p', { class: 'hint', id: id + '-hint', i18n: hintKey }) : null);
  }

  const threshold = input('qa-f-threshold', 'drawThresholdPercent', String(round ? round.drawThresholdPercent : 100),
    { type: 'number', min: '0', max: '100', step: '1', inputmode: 'numeric', 'aria-describedby': 'qa-f-threshold-hint' });
  const seedName = input('qa-seed-name', 'seedName', seed.name, { maxlength: 60, i18nAttr: { placeholder: 'qadmin.seedNameExample' }, 'aria-required': 'true' });
  const seedIssue = input('qa-seed-issue', 'seedIssue', seed.issue, { maxlength: 30, i18nAttr: { placeholder: 'qadmin.seedIssueExample' }, 'aria-required': 'true' });
  const seedDate = input('qa-seed-date', 'seedDate', seed.drawDate, { type: 'date', 'aria-required': 'true', 'aria-describedby': 'qa-seed-date-hint' });
  const howRead = h('textarea', { id: 'qa-seed-how', name: 'seedHowRead', rows: 3, maxlength: 200, disabled: readOnly,
    'aria-describedby': 'qa-seed-how-hint' });
  howRead.value = seed.howRead || '';
  [threshold, seedName, seedIssue, seedDate, howRead].forEach(function (el) { el.addEventListener('input', changed); });

  const drawPart = h('div', { class: 'qa-draw-settings', id: 'qa-draw-settings' },
    field('qa-f-threshold', 'qadmin.thresholdField', threshold, 'qadmin.thresholdHint', true),
    h('fieldset', { class: 'field qa-seed', id: 'qa-seed', 'aria-describedby': 'qa-seed-explain' },
      h('legend', { i18n: 'qadmin.seedLegend' }),
      h('p', { class: 'hint', id: 'qa-seed-explain', i18n: 'qadmin.seedExplain' }),
      h('div', { class: 'exam-field-grid' },
        field('qa-seed-name', 'qadmin.seedName', seedName, null, true),
        field('qa-seed-issue', 'qadmin.seedIssue', seedIssue, null, true)),
      field('qa-seed-date', 'qadmin.seedDate', seedDate, 'qadmin.seedDateHint', true),
      field('qa-seed-how', 'qadmin.seedHowRead', howRead, 'qadmin.seedHowReadHint')));

  const el = h('div', { class: 'qa-prize-editor', id: 'qa-prize-editor' }, none, list, add, drawPart);

  function drawList() {
    none.hidden = prizes.length > 0;
    drawPart.hidden = prizes.length === 0;
    replace(list, prizes.map(function (p, i) {
      const name = input('qa-prize-name-' + i, 'prizeName', p.name, { maxlength: 60, 'aria-required': 'true' });
      name.addEventListener('input', function () { p.name = name.value; changed(); });
      const count = input('qa-prize-count-' + i, 'prizeCount', String(p.count), { type: 'number', min: '1', max: '10000', step: '1', inputmode: 'numeric' });
      count.addEventListener('input', function () { p.count = num(count.value); changed(); });
      return h('li', { class: 'qa-prize-row', 'data-prize': i },
        h('span', { class: 'paper-no', text: (i + 1) + '.' }),
        h('div', { class: 'field qa-prize-name' }, h('label', { for: name.id, i18n: 'qadmin.prizeName', args: { n: i + 1 } }), name),
        h('div', { class: 'field qa-prize-count' }, h('label', { for: count.id, i18n: 'qadmin.prizeCount' }), count),
        readOnly ? null : h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-action': 'remove-prize', i18n: 'exams.remove',
          args: { n: i + 1 }, i18nAttr: { 'aria-label': 'qadmin.removePrizeLabel' }, onclick: function () {
            prizes.splice(i, 1);
            drawList();
            changed();
            (add || document.body).focus();
          } }));
    }));
  }
  drawList();

  return {
    el: el,
    read: function () {
      const out = {
        prizes: prizes.map(function (p) { return { name: String(p.name || '').trim(), count: p.count }; }),
        drawThresholdPercent: num(threshold.value),
        publicSeed: null,
      };
      if (prizes.length) {
        out.publicSeed = { name: seedName.value.trim(), issue: seedIssue.value.trim(), drawDate: seedDate.value.trim(), howRead: howRead.value.trim() };
      }
      return out;
    },
    problems: function (closesAt) {
      const out = [];
      prizes.forEach(function (p, i) {
        if (!String(p.name || '').trim()) out.push({ key: 'qadmin.problemPrizeName', args: { n: i + 1 }, focus: 'qa-prize-name-' + i });
        if (!(p.count >= 1 && p.count <= 10000) || Math.floor(p.count) !== p.count) {
          out.push({ key: 'qadmin.problemPrizeCount', args: { n: i + 1 }, focus: 'qa-prize-count-' + i });
        }
      });
      if (!prizes.length) return out;
      const th = num(threshold.value);
      if (!(th >= 0 && th <= 100)) out.push({ key: 'qadmin.problemThreshold', focus: 'qa-f-threshold' });
      if (!seedName.value.trim()) out.push({ key: 'qadmin.problemSeedName', focus: 'qa-seed-name' });
      if (!seedIssue.value.trim()) out.push({ key: 'qadmin.problemSeedIssue', focus: 'qa-seed-issue' });
      const day = seedDate.value.trim();
      const closeDay = closesAt ? toLocalInput(closesAt).slice(0, 10) : '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) out.push({ key: 'qadmin.problemSeedDate', focus: 'qa-seed-date' });
      else if (closeDay && day < closeDay) out.push({ key: 'qadmin.problemSeedEarly', args: { day: closeDay }, focus: 'qa-seed-date' });
      return out;
    },
    /** Shows which close day the draw date must not precede. */
    noteClose: function (closesAt) {
      const hint = document.getElementById('qa-seed-date-hint');
      const closeDay = closesAt ? toLocalInput(closesAt).slice(0, 10) : '';
      if (hint) say(hint, closeDay ? 'qadmin.seedDateHintDay' : 'qadmin.seedDateHint', closeDay ? { day: closeDay } : undefined);
    },
  };
}
