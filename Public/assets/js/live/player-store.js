// What a phone remembers of the contest it joined, so a reload or a dropped connection comes back as the same
// player: {code, token, nickname} and the answer given to the current question (to show it again as chosen).
const KEY = 'pufa.live';
let memory = null;

/** The remembered join, or null. */
export function loadJoin() {
  try {
    const raw = window.localStorage.getItem(KEY);
    const data = raw ? JSON.parse(raw) : null;
    if (data && /^\d{6}$/.test(data.code || '') && data.token) return data;
    return null;
  } catch (e) {
    // Storage forbidden (some in-app browsers in private mode): remembered for this page's life only.
    return memory;
  }
}

/** Remembers join (merging with what is stored). */
export function saveJoin(join) {
  const next = Object.assign({}, loadJoin() || {}, join);
  memory = next;
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch (e) {
    // Kept in memory only.
  }
  return next;
}

/** Forgets the contest (leaving it, or the server no longer knowing the player). */
export function forgetJoin() {
  memory = null;
  try {
    window.localStorage.removeItem(KEY);
  } catch (e) {
    // Nothing stored.
  }
}
