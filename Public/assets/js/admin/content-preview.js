// The editor's live preview: the title and summary as typed, and the body as the server renders it for readers
// (POST /content-preview: raw HTML dropped, only safe links kept), put on the page as /read puts it. The body is
// sent once typing pauses for PREVIEW_DELAY_MS; meanwhile, and if a request fails, the last preview stays.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { contentApi } from './content-data.js';
// The reading page's own rebuilding of the server's HTML (a second wall after cmark's safe mode, tables in scroll
// boxes), so the preview is the page readers get, not an imitation of it.
import { safeBody, markWideTables } from '../read/article-html.js';

const PREVIEW_DELAY_MS = 400;

/** The preview panel; update(draft) redraws the title at once and the body after a pause in typing. */
export function previewPanel() {
  const title = h('h3', { class: 'c-article-title', id: 'c-preview-title' });
  const summary = h('p', { class: 'c-article-summary', id: 'c-preview-summary' });
  const body = h('div', { class: 'read-body c-article-body', id: 'c-preview-body', lang: 'zh-CN' });
  const state = h('p', { class: 'hint c-preview-state', id: 'c-preview-state' });
  const panel = h('aside', { class: 'card c-preview', id: 'c-preview', 'aria-labelledby': 'c-preview-heading' },
    h('div', { class: 'c-preview-head' },
      h('h2', { id: 'c-preview-heading', i18n: 'contentAdmin.preview' }), state),
    h('p', { class: 'hint c-preview-hint', i18n: 'contentAdmin.previewHint' }),
    h('article', { class: 'c-article' }, title, summary, body));
  let timer = null;
  let sent = null;   // the body last sent (or being sent)
  let asked = 0;     // requests made; only the newest answer is shown
  setState('contentAdmin.previewEmpty');

  function setState(key) {
    state.setAttribute('data-i18n', key);
    state.textContent = t(key);
  }

  function render(markdown) {
    if (!markdown.trim()) {
      sent = markdown;
      replace(body, h('p', { class: 'qv-placeholder', i18n: 'contentAdmin.previewNoBody' }));
      setState('contentAdmin.previewEmpty');
      return;
    }
    if (markdown === sent) return;
    sent = markdown;
    const mine = ++asked;
    body.setAttribute('aria-busy', 'true');
    setState('contentAdmin.previewUpdating');
    contentApi.preview(markdown).then(function (answer) {
      if (mine !== asked) return;
      body.removeAttribute('aria-busy');
      replace(body, safeBody(answer && answer.html || ''));
      markWideTables(body);
      setState('contentAdmin.previewUpToDate');
    }, function () {
      if (mine !== asked) return;
      body.removeAttribute('aria-busy');
      sent = null;   // try again on the next edit
      setState('contentAdmin.previewFailed');
    });
  }

  return {
    panel: panel,
    /** draft: the form's read(). now: render the body at once (when the editor opens) instead of after a pause. */
    update: function (draft, now) {
      title.textContent = draft.title || t('contentAdmin.previewNoTitle');
      title.classList.toggle('qv-placeholder', !draft.title);
      summary.textContent = draft.summary || '';
      summary.hidden = !draft.summary;
      clearTimeout(timer);
      if (draft.body === sent) return;
      if (now) render(draft.body);
      else {
        if (draft.body.trim()) setState('contentAdmin.previewWaiting');
        timer = setTimeout(function () { render(draft.body); }, PREVIEW_DELAY_MS);
      }
    },
  };
}
