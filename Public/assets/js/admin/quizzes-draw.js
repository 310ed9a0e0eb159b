// 抽奖与兑奖: the draw as a checklist in the order the public can check it — ① the rules published with their
// commitment, ② the eligible list frozen after the close (its size and digest published), ③ the named lottery's
// numbers entered and the winners drawn (RFC 3797), ④ prizes handed over against the one-time codes.
import { h, replace, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, announce, describeError, withBusy, showFormError } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { toLocalInput } from './exams-data.js';
import { quizAdminApi, quizHash, prizesText, drawFileUrl, untilFreeze, publicValueOf, copyText } from './quizzes-data.js';
import { quizHeader, commitmentBlock } from './quizzes-head.js';
import { prizeStep } from './quizzes-winners.js';

/** Draws the draw page of round id into container. */
export function renderQuizDraw(container, ctx, id) {
  const body = h('div', { id: 'qa-draw', 'aria-busy': 'true' }, loadingView());
  replace(container, body);
  // Codes come once, in the answer to the draw; they stay on this page (not in storage) until it is left.
  const page = { round: null, codes: null, revealed: {}, timer: null };
  load(true);

  function load(first, then) {
    const round = first ? quizAdminApi.get(id) : Promise.resolve(page.round);
    round.then(function (r) {
      page.round = r;
      if (r.status !== 'published' || !(r.prizes || []).length) return [r, null, []];
      return Promise.all([r, quizAdminApi.draw(id), quizAdminApi.entries(id).then(function (d) { return d.items || []; }, function () { return []; })]);
    }).then(function (answers) {
      if (first) replace(container, quizHeader(ctx, answers[0], 'draw', function () { ctx.go(quizHash('draw', id)); }), body);
      body.removeAttribute('aria-busy');
      draw(answers[0], answers[1], answers[2]);
      if (then) then();
    }, function (err) {
      body.removeAttribute('aria-busy');
      if (first) replace(body, errorView(err, function () { load(true); }));
      else announce(describeError(err), 'error');
    });
  }

  function draw(round, state, entries) {
    clearTimeout(page.timer);
    if (round.status !== 'published') {
      replace(body, h('div', { class: 'notice', id: 'qa-draw-draft' }, h('p', { i18n: 'qadmin.drawNeedsPublish' }),
        h('a', { href: quizHash('edit', round.id), i18n: 'qadmin.toSettings' })));
      return;
    }
    if (!state) {
      replace(body, h('p', { class: 'notice', id: 'qa-draw-none', i18n: 'qadmin.drawNoPrizes' }));
      return;
    }
    const steps = [
      step(1, 'qadmin.step1', 'done', [commitmentBlock(round, 'draw-commitment'), rulesFacts(round)]),
      step(2, 'qadmin.step2', state.frozen ? 'done' : 'current', state.frozen ? frozenFacts(state) : freezeForm(round, state, entries)),
      step(3, 'qadmin.step3', state.drawn ? 'done' : state.frozen ? 'current' : 'waiting',
        state.drawn ? drawnFacts(state) : state.frozen ? drawForm(round, state) : h('p', { class: 'muted', i18n: 'qadmin.step3Wait' })),
      step(4, 'qadmin.step4', state.drawn ? (state.winners.every(function (w) { return w.redeemed; }) ? 'done' : 'current') : 'waiting',
        state.drawn ? prizeStep(ctx, round, state, page, function (then) { load(false, then); })
          : h('p', { class: 'muted', i18n: 'qadmin.step4Wait' })),
    ];
    replace(body, h('p', { class: 'muted intro', i18n: 'qadmin.drawIntro' }), h('ol', { class: 'qa-steps', id: 'qa-steps' }, steps));
  }

  function freezeForm(round, state, entries) {
    const wait = untilFreeze(round.closesAt);
    const pending = entries.filter(function (e) { return (e.flags || []).length && !e.review; }).length;
    const button = h('button', { type: 'button', class: 'btn btn-primary', id: 'qa-freeze', i18n: 'qadmin.freeze', disabled: wait > 0,
      'aria-describedby': 'qa-freeze-why', onclick: function () { confirmFreeze(pending); } });
    const why = h('p', { class: 'hint', id: 'qa-freeze-why', i18n: wait > 0 ? 'qadmin.freezeWait' : 'qadmin.freezeReady',
      args: { time: formatTime(round.closesAt) } });
    if (wait > 0 && wait < 24 * 3600 * 1000) {
      // The page opens the button itself at the close (plus the server's grace), so nobody needs to reload.
      page.timer = setTimeout(function () { if (document.body.contains(button)) load(false); }, wait + 300);
    }
    return [h('p', { i18n: 'qadmin.freezeExplain' }),
      pending ? h('p', { class: 'notice', id: 'qa-freeze-pending' }, h('span', { i18n: 'qadmin.freezePending', args: { n: pending } }), ' ',
        h('a', { href: quizHash('entries', round.id) + '&flagged=1', i18n: 'qadmin.toReview' })) : null,
      h('div', { class: 'form-actions' }, button), why];
  }

  function confirmFreeze(pending) {
    openDialog({
      title: 'qadmin.freezeTitle',
      submit: 'qadmin.freezeConfirm',
      body: [h('p', { i18n: 'qadmin.freezeWarning' }),
        pending ? h('p', { class: 'form-error', i18n: 'qadmin.freezePending', args: { n: pending } }) : null],
      onSubmit: function () {
        return quizAdminApi.freeze(id).then(function (s) {
          announce(t('qadmin.frozen', { n: s.eligibleCount }));
          load(false, function () { focusStep(3); });
        });
      },
    });
  }

  function drawForm(round, state) {
    const seed = state.publicSeed || round.publicSeed || {};
    const input = h('input', { type: 'text', id: 'qa-public-value', name: 'publicValue', autocomplete: 'off', inputmode: 'numeric',
      'aria-describedby': 'qa-public-value-hint', 'aria-required': 'true' });
    const error = h('div', { class: 'form-error', id: 'qa-draw-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'qa-run-draw', i18n: 'qadmin.runDraw' });
    const form = h('form', { class: 'qa-draw-form', id: 'qa-draw-form', novalidate: true },
      h('dl', { class: 'facts' },
        fact('qadmin.seedName', seed.name), fact('qadmin.seedIssue', seed.issue), fact('qadmin.seedDate', seed.drawDate),
        fact('qadmin.seedHowRead', seed.howRead || '—')),
      h('div', { class: 'field' }, h('label', { for: 'qa-public-value', i18n: 'qadmin.publicValue', args: { name: seed.name, issue: seed.issue } }), input,
        h('p', { class: 'hint', id: 'qa-public-value-hint', i18n: 'qadmin.publicValueHint' })),
      error, h('div', { class: 'form-actions' }, submit));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const value = publicValueOf(input.value);
      showFormError(error, '');
      input.removeAttribute('aria-invalid');
      if (!value) {
        showFormError(error, t('qadmin.problemPublicValue'));
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      confirmDraw(seed, value);
    });
    return form;
  }

  function confirmDraw(seed, value) {
    const today = toLocalInput(new Date().toISOString()).slice(0, 10);
    openDialog({
      title: 'qadmin.drawTitle',
      submit: 'qadmin.drawConfirm',
      body: [h('p', { i18n: 'qadmin.drawCheck', args: { name: seed.name, issue: seed.issue } }),
        h('p', { class: 'qa-public-echo' }, h('code', { id: 'qa-public-echo', text: value })),
        seed.drawDate && today < seed.drawDate ? h('p', { class: 'form-error', id: 'qa-draw-early', i18n: 'qadmin.drawEarly', args: { date: seed.drawDate } }) : null,
        h('p', { class: 'notice', i18n: 'qadmin.drawWarning' })],
      onSubmit: function () {
        return quizAdminApi.run(id, value).then(function (s) {
          page.codes = {};
          (s.winners || []).forEach(function (w) { if (w.code) page.codes[w.entryId] = w.code; });
          announce(t('qadmin.drawn', { n: (s.winners || []).length }));
          load(false, function () {
            const notice = document.getElementById('qa-codes');
            if (notice) { notice.setAttribute('tabindex', '-1'); notice.focus(); }
          });
        });
      },
    });
  }
}

function step(n, key, status, content) {
  return h('li', { class: 'qa-step is-' + status, id: 'qa-step-' + n, 'data-status': status },
    h('h2', { class: 'qa-step-title' },
      h('span', { class: 'qa-step-mark', 'aria-hidden': 'true', text: status === 'done' ? '✓' : String(n) }),
      h('span', { i18n: key }),
      h('span', { class: 'badge qa-step-state', i18n: 'qadmin.stepState.' + status })),
    h('div', { class: 'qa-step-body' }, content));
}

function focusStep(n) {
  const el = document.querySelector('#qa-step-' + n + ' h2');
  if (el) { el.setAttribute('tabindex', '-1'); el.focus(); }
}

function fact(key, value) {
  return [h('dt', { i18n: key }), h('dd', null, value)];
}

function rulesFacts(round) {
  return h('dl', { class: 'facts qa-rules-facts' },
    fact('qadmin.prizes', prizesText(round.prizes)),
    fact('qadmin.threshold', t('qadmin.thresholdValue', { n: round.drawThresholdPercent })),
    fact('qadmin.seed', round.publicSeed ? t('qadmin.seedValue', { name: round.publicSeed.name, issue: round.publicSeed.issue, date: round.publicSeed.drawDate }) : '—'));
}

function hashRow(id, value, labelKey) {
  return h('div', { class: 'qa-hash-row' }, h('code', { class: 'qa-hash', id: id, text: value }),
    h('button', { type: 'button', class: 'btn btn-small', i18n: 'qadmin.copy', i18nAttr: { 'aria-label': labelKey }, onclick: function () {
      copyText(value).then(function (ok) { announce(t(ok ? 'qadmin.copied' : 'qadmin.copyFailed'), ok ? null : 'error'); });
    } }));
}

function frozenFacts(state) {
  return [h('dl', { class: 'facts', id: 'qa-frozen-facts' },
    fact('qadmin.eligibleCount', h('span', { id: 'qa-eligible-count', text: String(state.eligibleCount) })),
    fact('qadmin.eligibleDigest', hashRow('qa-eligible-digest', state.eligibleDigest || '', 'qadmin.copyDigest')),
    fact('qadmin.frozenAt', formatTime(state.frozenAt))),
  h('p', { class: 'qa-files' },
    h('a', { class: 'btn btn-small', id: 'qa-file-eligible', href: drawFileUrl(state.roundId, 'eligible.txt'), download: 'eligible.txt', i18n: 'qadmin.downloadEligible' }),
    h('a', { class: 'btn btn-small', href: drawFileUrl(state.roundId, 'rules.json'), download: 'rules.json', i18n: 'qadmin.downloadRules' })),
  h('p', { class: 'hint', i18n: 'qadmin.eligibleHint' })];
}

function drawnFacts(state) {
  return h('dl', { class: 'facts', id: 'qa-drawn-facts' },
    fact('qadmin.publicValueShort', h('code', { id: 'qa-drawn-value', text: state.publicValue || '' })),
    fact('qadmin.drawKey', h('code', { class: 'qa-hash', text: state.key || '' })),
    fact('qadmin.drawnAt', formatTime(state.drawnAt)));
}
