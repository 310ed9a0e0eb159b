// 题库: the question-bank section. One hash per view, so Back, reload and shared links keep the place:
//   #/questions?q=离婚&type=single&page=2   the list (search, filters, paging)
//   #/questions?view=new                    a new question
//   #/questions?view=edit&id=12             editing question 12, with its version history
//   #/questions?view=import                 importing a file (dry run first)
//   #/questions?view=export                 downloading a bank
import { renderQuestionList } from './questions-list.js';
import { renderQuestionEditor } from './questions-editor.js';
import { renderQuestionImport } from './questions-import.js';
import { renderQuestionExport } from './questions-export.js';

/** Draws the view params.view names (the list by default) into container; ctx comes from admin.js. */
export function renderQuestions(container, ctx, params) {
  if (params.view === 'new') renderQuestionEditor(container, ctx, null, params);
  else if (params.view === 'edit' && params.id) renderQuestionEditor(container, ctx, params.id, params);
  else if (params.view === 'import') renderQuestionImport(container, ctx);
  else if (params.view === 'export') renderQuestionExport(container, ctx, params);
  else renderQuestionList(container, ctx, params);
}
