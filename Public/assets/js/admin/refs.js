// Units and regions, loaded once per sign-in and shared by the sections that name them
// (the user list shows unit and region names, the forms offer them as choices).
import { api } from '../api.js';

let cached = null;

/** Resolves {units, regions}, from cache unless force is true. */
export function loadRefs(force) {
  if (!cached || force) {
    cached = Promise.all([api.listUnits(), api.listRegions()]).then(function (answers) {
      return { units: answers[0].items || [], regions: answers[1].items || [] };
    });
    // A failed load must not stick: the next visit tries again.
    cached.catch(function () { cached = null; });
  }
  return cached;
}

/** Forgets the cache (after sign-out, or after adding a unit or region). */
export function clearRefs() {
  cached = null;
}

/** The item with this id, or null. */
export function byId(items, id) {
  if (id === null || id === undefined) return null;
  for (let i = 0; i < items.length; i++) if (items[i].id === id) return items[i];
  return null;
}

/** "County / Town / Village" for an item in a parent tree; '' for null. */
export function pathOf(items, id) {
  const names = [];
  let node = byId(items, id);
  let guard = 0;
  while (node && guard++ < 20) {
    names.unshift(node.name);
    node = byId(items, node.parentId);
  }
  return names.join(' / ');
}

/**
 * Orders items depth-first under their parents: [{item, depth}]. Items whose parent is missing are
 * treated as roots, so nothing the server returns disappears from view.
 */
export function flattenTree(items) {
  const ids = {};
  items.forEach(function (it) { ids[it.id] = true; });
  const children = {};
  const roots = [];
  items.forEach(function (it) {
    if (it.parentId === null || it.parentId === undefined || !ids[it.parentId]) roots.push(it);
    else (children[it.parentId] = children[it.parentId] || []).push(it);
  });
  const out = [];
  const seen = {};
  function walk(it, depth) {
    if (seen[it.id]) return;
    seen[it.id] = true;
    out.push({ item: it, depth: depth });
    (children[it.id] || []).forEach(function (c) { walk(c, depth + 1); });
  }
  roots.forEach(function (r) { walk(r, 0); });
  return out;
}

/** Nested {item, children} roots for drawing a tree. */
export function buildTree(items) {
  const flat = flattenTree(items);
  const nodes = {};
  const roots = [];
  flat.forEach(function (entry) {
    const node = { item: entry.item, children: [] };
    nodes[entry.item.id] = node;
    const parent = entry.depth > 0 ? nodes[entry.item.parentId] : null;
    if (parent) parent.children.push(node);
    else roots.push(node);
  });
  return roots;
}

/** Select choices for a tree, indented by depth: [{value, text}]. */
export function treeChoices(items, filter) {
  return flattenTree(items).filter(function (e) { return !filter || filter(e.item); }).map(function (e) {
    return { value: e.item.id, text: '\u3000'.repeat(e.depth) + e.item.name };
  });
}
