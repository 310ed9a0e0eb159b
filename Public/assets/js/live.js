// The live knowledge contest (/live), hash-routed:
//   #/ (or none)   a phone joins with the six-digit code and plays (no account)
//   #/host         the host signs in, sets up a contest or picks a recent one
//   #/host/12      the big screen and controls for contest 12
import { startShell } from './shell.js';
import { renderPlayer } from './live/player.js';
import { renderHost } from './live/host.js';

const main = document.getElementById('main');
let dispose = null;

function go(hash, again) {
  if (location.hash === hash || again) route();
  else location.hash = hash;
}

function route() {
  if (dispose) dispose();
  dispose = null;
  const m = /^#\/host(?:\/(\d+))?\/?$/.exec(location.hash || '');
  document.body.classList.toggle('is-live-host', Boolean(m));
  main.removeAttribute('aria-busy');
  main.className = m ? 'page live-host-page' : 'page page-narrow live-phone-page';
  if (m) dispose = renderHost(main, m[1] ? parseInt(m[1], 10) : null, go);
  else dispose = renderPlayer(main);
  window.scrollTo(0, 0);
}

startShell({ door: 'live' });
window.addEventListener('hashchange', route);
route();
