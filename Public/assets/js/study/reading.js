// Effective reading time for one article: seconds count only while the page is visible and the window focused;
// they are reported every 15 s, as soon as the required time is reached, and when the page hides. The server caps
// each report by the time since the last one. A bar under the title shows the required time and the progress; an
// anonymous reader (the first report answers 204) sees nothing and nothing more is sent.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { studyApi } from './api.js';
import { recordEvent } from '../events.js';

const REPORT_EVERY = 15;

/** Starts tracking the article in container (the element the article's text is in); returns dispose(). */
export function trackReading(slug, article, slot) {
  let pending = 0;
  let depth = 0;
  let focused = true;
  let known = null;   // the server's last progress
  let stopped = false;
  let sending = false;
  // An anonymous reader (the server answered 204): time is counted here and sent as reach events instead.
  let anonymous = false;
  let anonymousSeconds = 0;
  let anonymousFinished = false;
  // The piece's suggested time for an anonymous reader, as the server computes it: 1 s per 15 characters, 10–300 s.
  const suggested = Math.min(300, Math.max(10, Math.round((article.textContent || '').replace(/\s/g, '').length / 15)));

  function visible() { return document.visibilityState === 'visible' && focused; }

  function measure() {
    const rect = article.getBoundingClientRect();
    const seen = (window.innerHeight - rect.top) / Math.max(1, rect.height);
    depth = Math.max(depth, Math.min(1, Math.max(0, seen)));
  }

  function report(keepalive) {
    if (stopped || sending || anonymous) return;
    const seconds = pending;
    pending = 0;
    sending = true;
    studyApi.report(slug, seconds, Math.round(depth * 100) / 100, keepalive).then(function (progress) {
      sending = false;
      if (!progress) { anonymous = true; return; }
      known = progress;
      draw();
    }, function () {
      sending = false;
      pending += seconds;   // try again with the next report
    });
  }

  function tickAnonymous() {
    anonymousSeconds++;
    if (anonymousSeconds % REPORT_EVERY === 0) recordEvent('read', slug, { seconds: REPORT_EVERY, depth: Math.round(depth * 100) / 100 });
    if (!anonymousFinished && anonymousSeconds >= suggested && depth >= 0.9) {
      anonymousFinished = true;
      recordEvent('finished', slug, { depth: Math.round(depth * 100) / 100 });
    }
  }

  function tick() {
    if (stopped || !visible()) return;
    measure();
    if (anonymous) { tickAnonymous(); return; }
    pending++;
    const total = (known ? known.seconds : 0) + pending;
    const reached = known && !known.finished && total >= known.requiredSeconds;
    if (pending >= REPORT_EVERY || (reached && depth >= 0.9)) report(false);
    else draw();
  }

  function draw() {
    if (!known || !slot.isConnected) return;
    const total = Math.min(known.requiredSeconds, known.seconds + pending);
    const required = Math.max(1, known.requiredSeconds);
    slot.hidden = false;
    replace(slot,
      h('div', { class: 'reading-line' },
        h('span', { class: 'reading-label', i18n: known.finished ? 'study.readDone' : (known.forTask ? 'study.readProgress' : 'study.readProgressFree'),
          args: { done: minutes(total), need: minutes(known.requiredSeconds) } })),
      h('progress', { class: 'reading-bar', id: 'reading-bar', max: String(required), value: String(known.finished ? required : total),
        'aria-label': t('study.readBar') }),
      !known.finished && depth < 0.9 && total >= required ? h('p', { class: 'hint', i18n: 'study.readScroll' }) : null);
    slot.classList.toggle('is-done', Boolean(known.finished));
  }

  function onVisibility() {
    if (document.visibilityState === 'hidden' && pending > 0) report(true);
  }
  function onBlur() { focused = false; }
  function onFocus() { focused = true; }
  function onHide() { if (pending > 0) report(true); }

  function stop() {
    stopped = true;
    clearInterval(timer);
    window.removeEventListener('scroll', measure);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('blur', onBlur);
    window.removeEventListener('focus', onFocus);
    window.removeEventListener('pagehide', onHide);
  }

  const timer = setInterval(tick, 1000);
  window.addEventListener('scroll', measure, { passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('blur', onBlur);
  window.addEventListener('focus', onFocus);
  window.addEventListener('pagehide', onHide);
  measure();
  report(false);   // zero seconds: learns the required time and the progress so far
  return function () {
    if (pending > 0) report(true);
    stop();
  };
}

function minutes(seconds) {
  if (seconds < 60) return t('study.seconds', { n: seconds });
  return t('study.minutes', { n: Math.round(seconds / 6) / 10 });
}
