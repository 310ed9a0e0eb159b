// Group robots (群机器人): DingTalk or WeCom webhooks that campaigns post one message to per sending. The signing
// secret is write-only: the page shows only whether one is set, and an edit that leaves it empty keeps it.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { errorView, loadingView, withBusy, describeError, announce } from '../feedback.js';
import { openDialog } from '../dialog.js';
import { field, selectField } from '../fields.js';
import { dataTable } from './table.js';
import { campaignApi } from './campaigns-data.js';
import { loadRefs, pathOf, treeChoices } from './refs.js';

export function renderRobots(container) {
  const results = h('div', { id: 'robot-results', 'aria-busy': 'true' }, loadingView());
  const add = h('button', { type: 'button', class: 'btn btn-primary', id: 'robot-new', i18n: 'campaigns.robotNew', onclick: function () { edit(null); } });
  replace(container,
    h('a', { class: 'back-link', href: '#/campaigns', i18n: 'campaigns.backToList' }),
    h('div', { class: 'section-head' }, h('h1', { i18n: 'campaigns.robots' }), h('div', { class: 'head-actions' }, add)),
    h('p', { class: 'intro muted', i18n: 'campaigns.robotsIntro' }),
    results);
  load();

  let refs = { units: [], regions: [] };

  function load() {
    Promise.all([campaignApi.robots(), loadRefs()]).then(function (answers) {
      const data = answers[0];
      refs = answers[1];
      results.removeAttribute('aria-busy');
      const items = data.items || [];
      if (!items.length) {
        replace(results, h('div', { class: 'card empty-state' }, h('p', { class: 'empty-title', i18n: 'campaigns.noRobotsYet' })));
        return;
      }
      replace(results, dataTable([
        { label: 'campaigns.robotName', cell: function (r) { return r.name; } },
        { label: 'campaigns.robotKind', cell: function (r) { return h('span', { i18n: 'campaigns.kind.' + r.kind }); } },
        { label: 'campaigns.robotURL', cell: function (r) { return h('span', { class: 'mono camp-url', text: r.url }); } },
        { label: 'campaigns.robotScope', cell: function (r) { return scopeText(r); } },
        { label: 'campaigns.secret', cell: function (r) { return h('span', { i18n: r.secretSet ? 'campaigns.secretSet' : 'campaigns.secretNone' }); } },
        { label: 'campaigns.colStatus', cell: function (r) {
          return h('span', { class: 'badge ' + (r.enabled ? 'badge-on' : 'badge-off'), i18n: r.enabled ? 'campaigns.enabled' : 'campaigns.disabled' });
        } },
        { label: 'campaigns.colActions', class: 'actions', cell: function (r) {
          const test = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'test', i18n: 'campaigns.test', onclick: function () {
            withBusy(test, function () { return campaignApi.testRobot(r.id); }).then(function (res) {
              announce(res.ok ? t('campaigns.testOk', { name: r.name }) : t('campaigns.testFailed', { name: r.name, error: res.error || '' }), res.ok ? null : 'error');
            }, function (err) { announce(describeError(err), 'error'); });
          } });
          return h('div', { class: 'row-actions' }, test,
            h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'edit', i18n: 'campaigns.edit', onclick: function () { edit(r); } }),
            h('button', { type: 'button', class: 'btn btn-small btn-quiet', 'data-action': 'delete', i18n: 'campaigns.robotDelete',
              onclick: function () { remove(r); } }));
        } },
      ], items, { id: 'robot-table', caption: 'campaigns.robots' }));
    }, function (err) {
      results.removeAttribute('aria-busy');
      replace(results, errorView(err, load));
    });
  }

  // The scope a study task's escalation keeps to: the group of one unit or one place, or everybody.
  function scopeText(r) {
    const parts = [];
    if (r.unitId) parts.push(pathOf(refs.units, r.unitId));
    if (r.regionId) parts.push(pathOf(refs.regions, r.regionId));
    return parts.length ? parts.join('；') : t('campaigns.robotScopeAll');
  }

  // Only a robot nothing relies on can go: the server refuses one a campaign still sends to, or one with sent
  // messages (their record stays), and the dialog shows why — disabling is the way out then.
  function remove(robot) {
    openDialog({
      title: 'campaigns.robotDeleteTitle',
      args: { name: robot.name },
      submit: 'campaigns.robotDelete',
      danger: true,
      body: [h('p', { i18n: 'campaigns.robotDeleteBody' })],
      onSubmit: function () {
        return campaignApi.deleteRobot(robot.id).then(function () {
          announce(t('campaigns.robotDeleted', { name: robot.name }));
          load();
        });
      },
    });
  }

  function edit(robot) {
    const secret = field('campaigns.secret', { name: 'secret', type: 'password', autocomplete: 'off', spellcheck: 'false',
      placeholder: robot && robot.secretSet ? t('campaigns.secretSet') : '' }, robot ? 'campaigns.secretKeepHint' : 'campaigns.secretHint');
    const enabled = h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'enabled', checked: robot ? robot.enabled : true }),
      h('span', { i18n: 'campaigns.enabled' }));
    openDialog({
      title: robot ? 'campaigns.robotEdit' : 'campaigns.robotNew',
      body: [field('campaigns.robotName', { name: 'name', required: true, maxlength: 60, value: robot ? robot.name : '' }),
        selectField('campaigns.robotKind', 'kind', [{ value: 'dingtalk', key: 'campaigns.kind.dingtalk' }, { value: 'wecom', key: 'campaigns.kind.wecom' }],
          robot ? robot.kind : 'dingtalk'),
        field('campaigns.robotURL', { name: 'url', type: 'url', required: true, value: robot ? robot.url : '', spellcheck: 'false' }, 'campaigns.urlHint'),
        selectField('campaigns.robotUnit', 'unitId', [{ value: '', key: 'campaigns.robotScopeAll' }].concat(treeChoices(refs.units)),
          robot && robot.unitId ? robot.unitId : ''),
        selectField('campaigns.robotRegion', 'regionId', [{ value: '', key: 'campaigns.robotScopeAll' }].concat(treeChoices(refs.regions)),
          robot && robot.regionId ? robot.regionId : ''),
        h('p', { class: 'hint', i18n: 'campaigns.robotScopeHint' }),
        secret,
        robot && robot.secretSet ? h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'clearSecret' }),
          h('span', { i18n: 'campaigns.clearSecret' })) : null,
        enabled],
      onSubmit: function (form) {
        const input = { name: form.elements.name.value.trim(), kind: form.elements.kind.value, url: form.elements.url.value.trim(),
          enabled: form.elements.enabled.checked,
          unitId: form.elements.unitId.value ? Number(form.elements.unitId.value) : null,
          regionId: form.elements.regionId.value ? Number(form.elements.regionId.value) : null };
        // An empty secret on an edit keeps the stored one; on a new robot it means none.
        if (form.elements.secret.value) input.secret = form.elements.secret.value;
        else if (form.elements.clearSecret && form.elements.clearSecret.checked) input.secret = '';
        return (robot ? campaignApi.updateRobot(robot.id, input) : campaignApi.createRobot(input)).then(function () {
          announce(t('campaigns.robotSaved', { name: input.name }));
          load();
        });
      },
    });
  }
}
