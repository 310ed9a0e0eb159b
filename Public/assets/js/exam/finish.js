// How an attempt ends: handed in by the candidate (to the receipt), by the clock at 0 (send what is queued,
// then submit), closed by the server (deadline passed or already submitted; its sweeper may need a moment),
// or taken over by another tab or device (a blocking message; this page stops saving).
import { t } from '../i18n.js';
import { announce } from '../feedback.js';
import { examApi } from './exam-api.js';
import { dropMarks } from './marks.js';
import { blockingNotice } from './notice.js';

/**
 * ctx: id, clientId, graceSeconds, saver, go(hash, data), stop() (stops the page; false if it had stopped
 * already), isFinished(). Returns {done(receipt), timeUp(), ended(), takenOver()}.
 */
export function endings(ctx) {
  const receiptHash = '#/receipt/' + encodeURIComponent(ctx.id);

  function forget() {
    ctx.saver.clear();
    dropMarks(ctx.id);
  }

  function done(receipt) {
    if (!ctx.stop()) return;
    forget();
    announce(t('exam.submitted'));
    ctx.go(receiptHash, receipt);
  }

  // The server accepts saves that left before the deadline for a grace period: use most of it, then submit.
  // Without a network the server submits the attempt itself with what it holds.
  function timeUp() {
    if (ctx.isFinished()) return;
    const notice = blockingNotice('exam-time-up', 'exam.timeUpTitle', 'exam.timeUpHint', []);
    const give = ctx.graceSeconds ? Math.max(2000, ctx.graceSeconds * 1000 - 3000) : 10000;
    ctx.saver.drain(give).then(function () { attempt(0); });
    function attempt(tries) {
      if (ctx.isFinished()) return;
      examApi.submit(ctx.id, ctx.clientId).then(function (receipt) { notice.close(); done(receipt); }, function (err) {
        const code = err && err.code;
        if (code === 'taken_over') { notice.close(); takenOver(); return; }
        if (code === 'not_in_progress' || code === 'deadline_passed' || tries >= 20) { notice.close(); ended(); return; }
        setTimeout(function () { attempt(tries + 1); }, Math.min(30000, 2000 * (tries + 1)));
      });
    }
  }

  function ended() {
    if (!ctx.stop()) return;
    const notice = blockingNotice('exam-ended', 'exam.endedTitle', 'exam.endedWaiting', []);
    const toList = [{ key: 'exam.backToList', id: 'exam-ended-list', onclick: function () { ctx.go('#/'); } }];
    poll(0);
    function poll(tries) {
      examApi.attempt(ctx.id).then(function (fresh) {
        if (fresh && fresh.state === 'submitted') {
          forget();
          notice.update('exam.endedHint', [{ key: 'exam.viewReceipt', primary: true, id: 'exam-ended-receipt',
            onclick: function () { ctx.go(receiptHash, fresh.receipt); } }]);
        } else if (tries < 12) {
          setTimeout(function () { poll(tries + 1); }, 5000);
        } else {
          notice.update('exam.endedOffline', toList);
        }
      }, function () { notice.update('exam.endedOffline', toList); });
    }
  }

  function takenOver() {
    if (!ctx.stop()) return;
    blockingNotice('exam-taken-over', 'exam.takenOverTitle', 'exam.takenOverHint', [
      { key: 'exam.continueHere', primary: true, id: 'exam-continue-here', onclick: function () { location.reload(); } },
      { key: 'exam.backToList', id: 'exam-taken-over-list', onclick: function () { ctx.go('#/'); } },
    ]);
  }

  return { done: done, timeUp: timeUp, ended: ended, takenOver: takenOver };
}
