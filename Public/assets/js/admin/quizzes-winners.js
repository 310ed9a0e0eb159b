// Step ④ of the draw page: the redemption codes right after drawing (shown once, with a CSV download), the winners
// with their masked phones and whether the prize was handed over, the redeem form, 查看完整手机号 for those who may
// (each reveal is written to the audit log), and the three published files with the command that checks them.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { announce, describeError, withBusy, showFormError } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { toCsv, download } from './exams-data.js';
import { quizAdminApi, drawFileUrl, verifyCommand, copyText } from './quizzes-data.js';

/**
 * round, state (the draw), page ({codes, revealed}: what this page keeps while it is open), reload(then).
 * Returns the nodes of step ④.
 */
export function prizeStep(ctx, round, state, page, reload) {
  return [
    page.codes ? codesNotice(round, state, page.codes) : null,
    winnersTable(ctx, round, state, page),
    redeemForm(round, state, reload),
    verifyBlock(state),
  ];
}

function codesNotice(round, state, codes) {
  const rows = state.winners.filter(function (w) { return codes[w.entryId]; });
  function csv() {
    const lines = [[t('qadmin.colPrize'), t('qadmin.colPosition'), t('qadmin.colEntry'), t('qadmin.colPhone'), t('qadmin.colCode')]];
    rows.forEach(function (w) { lines.push([w.prize, w.position, w.entryId, w.maskedPhone || '', codes[w.entryId]]); });
    download(t('qadmin.codesFile', { title: round.title }) + '.csv', toCsv(lines));
  }
  return h('section', { class: 'notice qa-codes', id: 'qa-codes', 'aria-labelledby': 'qa-codes-title' },
    h('h3', { id: 'qa-codes-title', i18n: 'qadmin.codesTitle' }),
    h('p', { i18n: 'qadmin.codesOnce' }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'count-table', id: 'qa-codes-table' },
      h('thead', null, h('tr', null, ['qadmin.colPrize', 'qadmin.colEntry', 'qadmin.colPhone', 'qadmin.colCode']
        .map(function (key) { return h('th', { scope: 'col', i18n: key }); }))),
      h('tbody', null, rows.map(function (w) {
        return h('tr', { 'data-entry-id': w.entryId }, h('td', { text: w.prize }), h('td', { class: 'mono', text: w.entryId }),
          h('td', { class: 'mono', text: w.maskedPhone || '' }), h('td', null, h('code', { class: 'qa-code', text: codes[w.entryId] })));
      })))),
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'btn btn-primary', id: 'qa-codes-csv', i18n: 'qadmin.codesCsv', onclick: csv }),
      h('p', { class: 'hint', i18n: 'qadmin.codesHint' })));
}

function winnersTable(ctx, round, state, page) {
  const mayReveal = ctx.can('personal.reveal');
  function td(key, content, cls) {
    return h('td', { class: cls || null, i18nAttr: { 'data-label': key } }, h('div', { class: 'cell' }, content));
  }
  const keys = ['qadmin.colPrize', 'qadmin.colPosition', 'qadmin.colEntry', 'qadmin.colPhone', 'qadmin.colRedeemed'];
  if (mayReveal) keys.push('qadmin.colActions');
  return h('section', { 'aria-labelledby': 'qa-winners-title' },
    h('h3', { id: 'qa-winners-title', i18n: 'qadmin.winners', args: { n: state.winners.length } }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', id: 'qa-winners' },
      h('thead', null, h('tr', null, keys.map(function (key) { return h('th', { scope: 'col', i18n: key }); }))),
      h('tbody', null, state.winners.map(function (w) {
        const phone = h('span', { class: 'mono', text: page.revealed[w.entryId] || w.maskedPhone || '—' });
        return h('tr', { 'data-entry-id': w.entryId, 'data-redeemed': w.redeemed ? 'true' : 'false' },
          td('qadmin.colPrize', w.prize),
          td('qadmin.colPosition', String(w.position), 'num'),
          td('qadmin.colEntry', h('span', { class: 'mono', text: w.entryId })),
          td('qadmin.colPhone', phone, 'nowrap qa-phone-cell'),
          td('qadmin.colRedeemed', h('span', { class: 'badge ' + (w.redeemed ? 'badge-on' : 'qa-review-pending'), i18n: w.redeemed ? 'qadmin.redeemedYes' : 'qadmin.redeemedNo' }), 'nowrap'),
          mayReveal ? td('qadmin.colActions', page.revealed[w.entryId] ? h('span', { class: 'muted', i18n: 'qadmin.revealedNote' })
            : h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'reveal', i18n: 'qadmin.reveal', args: { id: w.entryId },
              i18nAttr: { 'aria-label': 'qadmin.revealLabel' }, onclick: function () { confirmReveal(round, w, page, phone); } }), 'actions') : null);
      })))),
    h('p', { class: 'hint', i18n: 'qadmin.positionHint' }),
    mayReveal ? h('p', { class: 'hint', id: 'qa-reveal-hint', i18n: 'qadmin.revealHint' }) : null);
}

function confirmReveal(round, winner, page, cell) {
  openDialog({
    title: 'qadmin.revealTitle',
    args: { id: winner.entryId },
    submit: 'qadmin.revealConfirm',
    body: [h('p', { i18n: 'qadmin.revealWarning' })],
    onSubmit: function () {
      return quizAdminApi.revealPhone(round.id, winner.entryId).then(function (answer) {
        page.revealed[winner.entryId] = answer.phone || '—';
        cell.textContent = page.revealed[winner.entryId];
        const button = cell.closest('tr').querySelector('[data-action=reveal]');
        if (button) replace(button.parentNode, h('span', { class: 'muted', i18n: 'qadmin.revealedNote' }));
        announce(t('qadmin.revealed', { id: winner.entryId }));
      });
    },
  });
}

function redeemForm(round, state, reload) {
  const input = h('input', { type: 'text', id: 'qa-redeem-code', name: 'code', autocomplete: 'off', autocapitalize: 'characters',
    spellcheck: 'false', 'aria-describedby': 'qa-redeem-hint' });
  const error = h('div', { class: 'form-error', id: 'qa-redeem-error', role: 'alert', hidden: true });
  const result = h('div', { id: 'qa-redeem-result', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'qa-redeem-submit', i18n: 'qadmin.redeem' });
  const form = h('form', { class: 'qa-redeem', id: 'qa-redeem-form', novalidate: true, 'aria-labelledby': 'qa-redeem-title' },
    h('h3', { id: 'qa-redeem-title', i18n: 'qadmin.redeemTitle' }),
    h('div', { class: 'input-row' }, h('label', { for: 'qa-redeem-code', class: 'visually-hidden', i18n: 'qadmin.redeemCode' }), input, submit),
    h('p', { class: 'hint', id: 'qa-redeem-hint', i18n: 'qadmin.redeemHint' }),
    error, result);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const code = input.value.trim();
    showFormError(error, '');
    replace(result);
    if (!code) {
      showFormError(error, t('qadmin.problemCode'));
      input.focus();
      return;
    }
    withBusy(submit, function () { return quizAdminApi.redeem(round.id, code); }).then(function (w) {
      // The answer does not say whether this request handed the prize over or an earlier one did: the page knew.
      const before = state.winners.filter(function (x) { return x.entryId === w.entryId; })[0];
      const again = Boolean(before && before.redeemed);
      const masked = before ? before.maskedPhone : '';
      input.value = '';
      reload(function () {
        const box = document.getElementById('qa-redeem-result');
        if (!box) return;
        replace(box, h('p', { class: again ? 'form-error' : 'notice qa-redeem-ok', i18n: again ? 'qadmin.redeemAgain' : 'qadmin.redeemDone',
          args: { prize: w.prize, id: w.entryId, phone: masked || '—' } }));
        document.getElementById('qa-redeem-code').focus();
      });
    }, function (err) {
      showFormError(error, err && err.status === 404 ? t('qadmin.redeemUnknown') : describeError(err));
      input.focus();
    });
  });
  return form;
}

function verifyBlock(state) {
  const command = verifyCommand(state.publicValue);
  function file(name, id) {
    return h('a', { class: 'btn btn-small', id: id, href: drawFileUrl(state.roundId, name), download: name, text: name });
  }
  return h('section', { class: 'qa-verify', id: 'qa-verify', 'aria-labelledby': 'qa-verify-title' },
    h('h3', { id: 'qa-verify-title', i18n: 'qadmin.verifyTitle' }),
    h('p', { i18n: 'qadmin.verifyText' }),
    h('p', { class: 'qa-files' }, file('rules.json', 'qa-file-rules'), file('eligible.txt', 'qa-file-eligible-2'), file('result.json', 'qa-file-result')),
    h('pre', { class: 'json qa-command', id: 'qa-verify-command', text: command }),
    h('button', { type: 'button', class: 'btn btn-small', id: 'qa-verify-copy', i18n: 'qadmin.copyCommand', onclick: function () {
      copyText(command).then(function (ok) { announce(t(ok ? 'qadmin.copied' : 'qadmin.copyFailed'), ok ? null : 'error'); });
    } }));
}
