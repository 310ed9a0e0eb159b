// The page shared by 单位 and 地区: a heading with an add button, an intro, and the tree loaded from refs, each row
// with its name, a badge and (with the permission) a button to add a child.
import { h, replace } from '../dom.js';
import { errorView, loadingView } from '../feedback.js';
import { loadRefs, buildTree } from './refs.js';

/**
 * Draws the section into container. opts: kind ('units' | 'regions': ids `${kind}-tree-box`, `${kind}-tree`),
 * title, intro, empty (i18n keys), add: {id, key} for the heading's button, items(refs), canAdd, open(parent, reload),
 * badge(item) → node, child(item) → null (no child allowed) or {key, args, label} for the row's add button.
 */
export function renderTreeSection(container, opts) {
  const body = h('div', { class: 'card', id: opts.kind + '-tree-box', 'aria-busy': 'true' }, loadingView());
  replace(container,
    h('div', { class: 'section-head' },
      h('h1', { i18n: opts.title }),
      opts.canAdd ? h('button', { type: 'button', class: 'btn btn-primary', id: opts.add.id, i18n: opts.add.key,
        onclick: function () { opts.open(null, load); } }) : null),
    h('p', { class: 'muted intro', i18n: opts.intro }),
    body);
  load(false);

  function load(force) {
    body.setAttribute('aria-busy', 'true');
    replace(body, loadingView());
    loadRefs(force === true).then(function (refs) {
      body.removeAttribute('aria-busy');
      drawTree(opts.items(refs));
    }, function (err) {
      body.removeAttribute('aria-busy');
      replace(body, errorView(err, function () { load(true); }));
    });
  }

  function drawTree(items) {
    if (!items.length) {
      replace(body, h('div', { class: 'empty-state' }, h('p', { class: 'empty-title', i18n: opts.empty })));
      return;
    }
    function branch(nodes, top) {
      return h('ul', { class: top ? 'tree' : null, id: top ? opts.kind + '-tree' : null }, nodes.map(function (node) {
        const item = node.item;
        const child = opts.canAdd ? opts.child(item) : null;
        return h('li', { 'data-id': item.id },
          h('div', { class: 'tree-row' },
            h('span', { class: 'tree-name', text: item.name }),
            opts.badge(item),
            child ? h('button', { type: 'button', class: 'btn btn-small btn-quiet tree-add', i18n: child.key, args: child.args,
              i18nAttr: { 'aria-label': child.label }, onclick: function () { opts.open(item, load); } }) : null),
          node.children.length ? branch(node.children, false) : null);
      }));
    }
    replace(body, branch(buildTree(items), true));
  }
}
