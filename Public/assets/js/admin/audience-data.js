// 对象 and 分群 data: the profile and segment API calls, the audience groups and age bands in the order the forms list
// them, and the condition fields the segment builder offers (each with its label key and its empty value).
import { request, query } from '../api.js';

/** Audience group codes (labels: audience.<code>, shared with content and questions). */
export const GROUPS = ['resident', 'village_expert', 'youth', 'enterprise', 'leader', 'civil_servant', 'enforcer', 'corrections'];
export const AGE_BANDS = ['under18', '18-34', '35-59', '60+'];

/** The fields a condition may test, in the picker's order (labels: seg.field.<code>). */
export const FIELDS = ['group', 'region', 'unit', 'ageBand', 'occupation', 'interest', 'account', 'accuracy', 'read', 'finished',
  'active', 'segment'];

/** A fresh condition of a field, with the inputs' starting values. */
export function blankCondition(field) {
  switch (field) {
    case 'group': return { field: 'group', in: [] };
    case 'region': case 'unit': return { field: field, within: [] };
    case 'ageBand': return { field: 'ageBand', in: [] };
    case 'occupation': case 'interest': return { field: field, in: [] };
    case 'account': return { field: 'account', is: true };
    case 'accuracy': return { field: 'accuracy', topic: '', below: 0.6, days: 90, minAnswered: 3 };
    case 'read': return { field: 'read', content: '', days: 30 };
    case 'finished': return { field: 'finished', content: '' };
    case 'active': return { field: 'active', days: 30 };
    default: return { field: 'segment', id: null };
  }
}

/** What a condition still lacks (a key under seg.missing.), or null when the server may be asked. */
export function missingPart(cond) {
  switch (cond.field) {
    case 'group': case 'ageBand': return cond.in.length ? null : 'choice';
    case 'region': case 'unit': return cond.within.length ? null : 'place';
    case 'occupation': case 'interest': return cond.in.length ? null : 'words';
    case 'accuracy':
      if (!cond.topic) return 'topic';
      return cond.days && (cond.below !== undefined ? cond.below : cond.atLeast) !== null ? null : 'numbers';
    case 'read': case 'finished': return cond.content ? null : 'content';
    case 'active': return cond.days ? null : 'numbers';
    case 'segment': return cond.id ? null : 'segment';
    default: return null;
  }
}

export const profilesApi = {
  /** params: {q, group, regionId, unitId, page, pageSize} → {items, total, page, pageSize}; phones masked. */
  list: function (params) { return request('GET', '/api/v1/profiles' + query(params || {})); },
  /** {profile, factsDays, topics: [{topic, answered, correct, accuracy, lastDay}], reads, segments}. */
  get: function (id) { return request('GET', '/api/v1/profiles/' + encodeURIComponent(id)); },
  update: function (id, input) { return request('PUT', '/api/v1/profiles/' + encodeURIComponent(id), input); },
};

export const segmentsApi = {
  list: function () { return request('GET', '/api/v1/segments'); },
  get: function (id) { return request('GET', '/api/v1/segments/' + encodeURIComponent(id)); },
  /** {rule, holdoutPercent, segmentId?} → {count, heldOut, byRegion: [{regionId|null, name, count}]}. */
  preview: function (input) { return request('POST', '/api/v1/segments/preview', input); },
  create: function (input) { return request('POST', '/api/v1/segments', input); },
  /** input.expectedVersion: the version the editor opened (409 stale_version when someone saved since). */
  update: function (id, input) { return request('PUT', '/api/v1/segments/' + encodeURIComponent(id), input); },
  remove: function (id) { return request('DELETE', '/api/v1/segments/' + encodeURIComponent(id)); },
  recompute: function (id) { return request('POST', '/api/v1/segments/' + encodeURIComponent(id) + '/recompute'); },
  /** {page: {items: [{profile, heldOut, override}], total, page, pageSize}, overrides: [{profile, mode, addedBy, addedAt}]}. */
  members: function (id, params) { return request('GET', '/api/v1/segments/' + encodeURIComponent(id) + '/members' + query(params || {})); },
  setOverride: function (id, profileId, mode) {
    return request('PUT', '/api/v1/segments/' + encodeURIComponent(id) + '/overrides/' + encodeURIComponent(profileId), { mode: mode });
  },
  clearOverride: function (id, profileId) {
    return request('DELETE', '/api/v1/segments/' + encodeURIComponent(id) + '/overrides/' + encodeURIComponent(profileId));
  },
};

/** Content pieces for the read/finished pickers: [{slug, title}] (empty when the user cannot list content). */
export function contentChoices() {
  return request('GET', '/api/v1/content-admin').then(function (r) { return r.items || []; }, function () { return []; });
}

/**
 * The builder's three blocks as one rule: {all: [...all, {any: [...any]}, {not: {any: [...none]}}]}; null when empty.
 */
export function composeRule(blocks) {
  const parts = blocks.all.slice();
  if (blocks.any.length) parts.push(blocks.any.length === 1 ? blocks.any[0] : { any: blocks.any });
  if (blocks.none.length) parts.push({ not: blocks.none.length === 1 ? blocks.none[0] : { any: blocks.none } });
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0] : { all: parts };
}

/** The blocks of a rule composeRule made (or any simple rule); null when the rule is of another shape. */
export function decomposeRule(rule) {
  const blocks = { all: [], any: [], none: [] };
  if (!rule) return blocks;
  const parts = rule.all ? rule.all : [rule];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.field) blocks.all.push(p);
    else if (p.any && p.any.every(function (c) { return c.field; }) && !blocks.any.length) blocks.any = p.any.slice();
    else if (p.not && p.not.field && !blocks.none.length) blocks.none = [p.not];
    else if (p.not && p.not.any && p.not.any.every(function (c) { return c.field; }) && !blocks.none.length) blocks.none = p.not.any.slice();
    else return null;
  }
  return blocks;
}
