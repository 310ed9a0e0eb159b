// CSV files of the report, built in the browser from the same JSON the page shows: UTF-8 with a BOM (so
// Excel and WPS read the Chinese), one row per unit with the total last, or one row per candidate.
import { formatTime } from '../dom.js';
import { t } from '../i18n.js';
import { announce } from '../feedback.js';
import { percentText, numberText, toCsv, download, eventsText } from './exams-data.js';

function stamp(iso) {
  const ms = Date.parse(iso || '') || Date.now();
  const d = new Date(ms + 8 * 3600 * 1000);
  function p(n) { return n < 10 ? '0' + n : String(n); }
  return d.getUTCFullYear() + p(d.getUTCMonth() + 1) + p(d.getUTCDate()) + '-' + p(d.getUTCHours()) + p(d.getUTCMinutes());
}

function fileName(exam, report, key) {
  const title = ((report.exam && report.exam.title) || exam.title || 'exam').replace(/[\\/:*?"<>|\s]+/g, '_');
  return t(key, { title: title, time: stamp(report.generatedAt) });
}

export function unitsCsv(exam, report) {
  const head = ['exams.colUnit', 'exams.csvDepth', 'exams.onRoster', 'exams.took', 'exams.participationRate', 'exams.passedCount', 'exams.passRate', 'exams.mean', 'exams.median']
    .map(function (k) { return t(k); });
  function line(name, r) {
    return [name, r.depth === undefined ? '' : r.depth, r.onRoster || 0, r.took || 0, percentText(r.participationRate), r.passed || 0,
      percentText(r.passRate), percentText(r.mean), percentText(r.median)];
  }
  const rows = [head].concat((report.units || []).map(function (r) { return line(r.unitName, r); }));
  rows.push(line(t('exams.total'), Object.assign({}, report.total || {}, { depth: undefined })));
  download(fileName(exam, report, 'exams.csvUnitsFile'), toCsv(rows));
  announce(t('exams.csvDone'));
}

export function candidatesCsv(exam, report) {
  const head = ['exams.colUsername', 'exams.colName', 'exams.colUnit', 'exams.colState', 'exams.csvScore', 'exams.csvMax', 'exams.csvPercent',
    'exams.colResult', 'exams.colSubmittedAt', 'exams.csvSubmittedBy', 'exams.colEvents'].map(function (k) { return t(k); });
  const rows = [head].concat((report.candidates || []).map(function (c) {
    return [c.username, c.displayName, c.unitName, t('exams.state.' + c.state),
      c.score === null || c.score === undefined ? '' : c.score, c.maxScore === null || c.maxScore === undefined ? '' : c.maxScore,
      c.percent === null || c.percent === undefined ? '' : c.percent,
      c.passed === true ? t('exams.passed') : c.passed === false ? t('exams.failed') : '',
      c.submittedAt ? formatTime(c.submittedAt) : '',
      c.submittedBy ? t(c.submittedBy === 'deadline' ? 'exams.byDeadlineShort' : 'exams.byCandidate') : '', eventsText(c.events)];
  }));
  download(fileName(exam, report, 'exams.csvCandidatesFile'), toCsv(rows));
  announce(t('exams.csvDone'));
}
