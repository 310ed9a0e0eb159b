// 内容: teaching material (普法内容). One hash per view, so Back, reload and shared links keep the place:
//   #/content?status=draft&audience=youth&q=继承   the list, filtered
//   #/content?view=new                             writing a new piece
//   #/content?view=edit&slug=jicheng-…             editing a piece, with its version history
//   #/content?view=import                          importing a Content/ file (checked first)
import { renderContentList } from './content-list.js';
import { renderContentEditor } from './content-editor.js';
import { renderContentImport } from './content-import.js';

/** Draws the view params.view names (the list by default) into container; ctx comes from admin.js. */
export function renderContent(container, ctx, params) {
  if (params.view === 'new') renderContentEditor(container, ctx, null);
  else if (params.view === 'edit' && params.slug) renderContentEditor(container, ctx, params.slug);
  else if (params.view === 'import') renderContentImport(container, ctx);
  else renderContentList(container, ctx, params);
}
