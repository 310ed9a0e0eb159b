// The residents' reading pages (/read), no account needed; two hash-routed views:
//   #/          普法学习: "我是…" chips, search, topics, the published pieces newest first
//   #/<slug>    one piece (the address the console, the quiz's 延伸阅读 and shared links use)
import { startShell } from './shell.js';
import { renderList, noteOpened, clearSearch } from './read/list.js';
import { renderArticle } from './read/article.js';

const main = document.getElementById('main');
let dispose = null;
let showing = null;       // 'list' or the slug on screen
let fromList = false;     // the article on screen was opened from this page's list, so 返回 is the Back button

function leave() {
  if (dispose) dispose();
  dispose = null;
}

// moveFocus is true after a navigation, so screen readers land on the new view; not on a plain load.
function route(moveFocus) {
  const hash = location.hash || '#/';
  // "#…" without the slash is no address of this page (an old bookmark, an anchor): the list.
  const m = /^#\/([^/?#]+)\/?$/.exec(hash);
  const slug = m ? safeDecode(m[1]) : null;
  const before = showing;
  leave();
  if (slug) {
    fromList = before === 'list';
    showing = slug;
    noteOpened(slug);
    if (moveFocus) window.scrollTo(0, 0);
    dispose = renderArticle(main, slug, {
      moveFocus: moveFocus,
      back: function () { if (fromList) history.back(); else go('#/'); },
      list: function () { clearSearch(); go('#/'); },
      reload: function () { route(true); },
    });
  } else {
    showing = 'list';
    dispose = renderList(main, {
      moveFocus: moveFocus,
      returning: Boolean(before && before !== 'list'),
      reload: function () { route(true); },
    });
  }
}

function go(hash) {
  if (location.hash === hash) route(true);
  else location.hash = hash;
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch (e) {
    return text;
  }
}

startShell({ door: 'read' });
window.addEventListener('hashchange', function () { route(true); });
route(false);
