// 竞答: public prize quizzes, staff side. One hash per view, so Back, reload and shared links keep the place:
//   #/quizzes                              the list of rounds
//   #/quizzes?view=new                     a new round (settings, questions, prizes, the public random source)
//   #/quizzes?view=edit&id=3               settings of round 3 (read-only once published, with the commitment)
//   #/quizzes?view=entries&id=3&flagged=1  entries, flags and their review, the score distribution
//   #/quizzes?view=stats&id=3              entries by day and place, hardest questions, who read on
//   #/quizzes?view=draw&id=3               the verifiable draw: freeze, draw, codes, redeem, files to check
import { renderQuizList } from './quizzes-list.js';
import { renderQuizEditor } from './quizzes-form.js';
import { renderQuizEntries } from './quizzes-entries.js';
import { renderQuizDraw } from './quizzes-draw.js';
import { renderQuizStats } from './quizzes-stats.js';

/** Draws the view params.view names (the list by default) into container; ctx comes from admin.js. */
export function renderQuizzes(container, ctx, params) {
  if (params.view === 'new') renderQuizEditor(container, ctx, null);
  else if (params.view === 'edit' && params.id) renderQuizEditor(container, ctx, params.id);
  else if (params.view === 'entries' && params.id) renderQuizEntries(container, ctx, params.id, params);
  else if (params.view === 'draw' && params.id) renderQuizDraw(container, ctx, params.id);
  else if (params.view === 'stats' && params.id) renderQuizStats(container, ctx, params.id);
  else renderQuizList(container, ctx);
}
