// 插入图片: pick an image, upload it with progress (the server checks its bytes: PNG, JPEG, GIF or WebP, at most
// 2 MB), then put ![描述](/media/…) at the cursor in the body. Size and type are checked here first, to spare
// a slow upload that would be refused.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { uploadFile } from '../api.js';
import { describeError, inCurrentLanguage } from '../feedback.js';

const TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const MAX_BYTES = 2 * 1024 * 1024;

/** The button, its hidden file picker and a status line; body is the textarea, changed() tells the form. */
export function imageTool(body, changed) {
  const status = h('p', { class: 'hint', id: 'c-image-status', role: 'status', 'aria-live': 'polite' });
  const picker = h('input', { type: 'file', id: 'c-image-file', accept: TYPES.join(','), hidden: true, tabindex: -1 });
  const button = h('button', { type: 'button', class: 'btn btn-small', id: 'c-insert-image', i18n: 'contentAdmin.insertImage',
    'aria-describedby': 'c-image-status', onclick: function () { picker.value = ''; picker.click(); } });

  function say(text, isError) {
    status.classList.toggle('form-error-text', !!isError);
    status.textContent = text;
  }

  picker.addEventListener('change', function () {
    const file = picker.files && picker.files[0];
    if (!file) return;
    if (TYPES.indexOf(file.type) < 0) { say(t('contentAdmin.imageType'), true); return; }
    if (file.size > MAX_BYTES) { say(t('contentAdmin.imageTooLarge'), true); return; }
    // Where the image goes: the cursor when the upload started (the user may type on meanwhile).
    const at = body.selectionStart != null ? body.selectionStart : body.value.length;
    button.disabled = true;
    say(t('contentAdmin.imageUploading', { pct: 0 }));
    uploadFile('/api/v1/media', file, function (loaded, total) {
      say(t('contentAdmin.imageUploading', { pct: total ? Math.round(loaded * 100 / total) : 0 }));
    }).then(function (media) {
      const alt = file.name.replace(/\.[^.]+$/, '').replace(/[\[\]]/g, '') || t('contentAdmin.imageAlt');
      const snippet = '\n\n![' + alt + '](' + media.url + ')\n\n';
      body.value = body.value.slice(0, at) + snippet + body.value.slice(at);
      body.focus();
      body.selectionStart = body.selectionEnd = at + snippet.length;
      say(t('contentAdmin.imageInserted', { w: media.width, h: media.height }));
      changed();
    }, function (err) {
      say(err && err.serverMessage ? inCurrentLanguage(err.serverMessage) : describeError(err), true);
    }).finally(function () { button.disabled = false; });
  });

  return h('div', { class: 'c-image-tool' }, button, picker, status);
}
