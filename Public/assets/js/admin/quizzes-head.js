// The header every page of one round shares: back link, title with status and phase, the steps as tabs
// (settings and questions → entries and review → draw and prizes) and, while the round is a draft, 发布 with a
// confirmation that the draw rules and their commitment become public and cannot change. Also the commitment
// block (64 hex digits, a copy button, rules.json) that the settings page and the draw page show.
import { h, formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { announce } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { quizAdminApi, quizHash, phaseOf, prizesText, drawFileUrl, copyText } from './quizzes-data.js';

const TABS = [
  { view: 'edit', key: 'qadmin.tabSettings' },
  { view: 'entries', key: 'qadmin.tabEntries' },
  { view: 'stats', key: 'qadmin.tabStats' },
  { view: 'draw', key: 'qadmin.tabDraw' },
];

/**
 * The header of a round's pages. active: 'edit' | 'entries' | 'stats' | 'draw'. onChanged(round) runs after publishing.
 * opts.unsaved() (optional) tells whether the settings form holds changes not saved yet; publishing waits for them.
 */
export function quizHeader(ctx, round, active, onChanged, opts) {
  const phase = phaseOf(round);
  const draft = round.status === 'draft';
  const publish = draft ? h('button', { type: 'button', class: 'btn btn-primary', id: 'qa-publish', i18n: 'qadmin.publish',
    onclick: function () { confirmPublish(round, onChanged, opts || {}); } }) : null;
  return h('div', { class: 'exam-admin-head qa-admin-head' },
    h('a', { class: 'back-link', href: '#/quizzes', i18n: 'qadmin.backToList' }),
    h('div', { class: 'section-head' },
      h('h1', { id: 'qa-admin-title' }, h('span', { text: round.title }),
        h('span', { class: 'badge exam-status-' + round.status, id: 'qa-status', i18n: 'qadmin.status.' + round.status }),
        draft ? null : h('span', { class: 'badge qa-phase-' + phase, id: 'qa-phase', i18n: 'qadmin.phase.' + phase })),
      publish),
    h('p', { class: 'hint qa-window-note', i18n: draft ? 'qadmin.draftNote' : 'qadmin.windowNote',
      args: { opens: formatTime(round.opensAt), closes: formatTime(round.closesAt) } }),
    h('nav', { class: 'exam-tabs', i18nAttr: { 'aria-label': 'qadmin.tabsLabel' } }, h('ul', null, TABS.map(function (tab, i) {
      return h('li', null, h('a', { href: quizHash(tab.view, round.id), id: 'qa-tab-' + tab.view,
        'aria-current': tab.view === active ? 'page' : null },
        h('span', { class: 'exam-tab-step', 'aria-hidden': 'true', text: String(i + 1) }), h('span', { i18n: tab.key })));
    }))));
}

/** The published commitment with a copy button and the rules it hashes; null while there is none. */
export function commitmentBlock(round, id) {
  if (!round.commitment) return null;
  const code = h('code', { class: 'qa-hash', id: (id || 'qa-commitment') + '-value', text: round.commitment });
  const copy = h('button', { type: 'button', class: 'btn btn-small', id: (id || 'qa-commitment') + '-copy', i18n: 'qadmin.copy',
    i18nAttr: { 'aria-label': 'qadmin.copyCommitment' }, onclick: function () {
      copyText(round.commitment).then(function (ok) { announce(t(ok ? 'qadmin.copied' : 'qadmin.copyFailed'), ok ? null : 'error'); });
    } });
  return h('div', { class: 'qa-commitment', id: id || 'qa-commitment' },
    h('p', { class: 'qa-commitment-label' }, h('strong', { i18n: 'qadmin.commitment' })),
    h('div', { class: 'qa-hash-row' }, code, copy),
    h('p', { class: 'hint' }, h('span', { i18n: 'qadmin.commitmentHint' }), ' ',
      h('a', { href: drawFileUrl(round.id, 'rules.json'), download: 'rules.json', i18n: 'qadmin.downloadRules' })));
}

function confirmPublish(round, onChanged, opts) {
  if (opts.unsaved && opts.unsaved()) {
    announce(t('qadmin.saveFirst'), 'error');
    const save = document.getElementById('qa-save');
    if (save) save.focus();
    return;
  }
  function fact(key, value) { return [h('dt', { i18n: key }), h('dd', null, value)]; }
  const prizes = round.prizes || [];
  const seed = round.publicSeed;
  const late = prizes.length && Date.now() >= Date.parse(round.opensAt);
  openDialog({
    title: 'qadmin.publishTitle',
    args: { title: round.title },
    submit: 'qadmin.publishConfirm',
    body: [
      h('dl', { class: 'facts' },
        fact('qadmin.window', formatTime(round.opensAt) + ' — ' + formatTime(round.closesAt)),
        fact('qadmin.poolSummary', t('qadmin.poolCount', { n: (round.questionIds || []).length, per: round.questionsPerEntry })),
        fact('qadmin.prizes', prizes.length ? prizesText(prizes) : t('qadmin.noPrizes')),
        prizes.length ? fact('qadmin.threshold', t('qadmin.thresholdValue', { n: round.drawThresholdPercent })) : null,
        prizes.length && seed ? fact('qadmin.seed', t('qadmin.seedValue', { name: seed.name, issue: seed.issue, date: seed.drawDate })) : null),
      late ? h('p', { class: 'form-error', id: 'publish-too-late', i18n: 'qadmin.publishTooLate' }) : null,
      h('p', { class: 'notice', id: 'publish-warning', i18n: prizes.length ? 'qadmin.publishWarning' : 'qadmin.publishWarningNoPrizes' }),
    ],
    onSubmit: function () {
      return quizAdminApi.publish(round.id).then(function (saved) {
        announce(t('qadmin.published', { title: saved.title || round.title }));
        onChanged(saved);
      });
    },
  });
}
