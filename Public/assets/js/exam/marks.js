// What only this device needs to remember about an attempt: the questions flagged for review (标记) and
// the question the candidate was on. Kept in localStorage; losing it loses no answer.
const PREFIX = 'pufa.exam.marks.';

/** {flags: [slot…], current: index} for attempt id. */
export function loadMarks(id) {
  try {
    const data = JSON.parse(window.localStorage.getItem(PREFIX + id) || 'null');
    if (data && Array.isArray(data.flags)) return { flags: data.flags.filter(function (s) { return typeof s === 'number'; }), current: Number(data.current) || 0 };
  } catch (e) {
    // Storage unavailable or damaged: start clean.
  }
  return { flags: [], current: 0 };
}

export function saveMarks(id, marks) {
  try {
    window.localStorage.setItem(PREFIX + id, JSON.stringify(marks));
  } catch (e) {
    // Flags are a convenience; the exam goes on without them.
  }
}

export function dropMarks(id) {
  try {
    window.localStorage.removeItem(PREFIX + id);
  } catch (e) {
    // Ignored.
  }
}
