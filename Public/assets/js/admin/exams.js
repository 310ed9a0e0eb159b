// 考试: the organizer's section. One hash per view, so Back, reload and shared links keep the place:
//   #/exams                       the list
//   #/exams?view=new              a new exam (settings and paper)
//   #/exams?view=edit&id=3        settings and paper of exam 3 (read-only once published)
//   #/exams?view=roster&id=3      who takes it: units and usernames
//   #/exams?view=report&id=3      participation and pass rates per unit, scores, candidates
//   #/exams?view=marking&id=3     case-analysis answers waiting for a hand mark
//   #/exams?view=statistics&id=3  item analysis: facility, discrimination, CIC…
//   #/exams?view=overrides&id=3   extra time and a later close for some candidates
//   #/exams?view=regrade&id=3     regrade submitted attempts after a question's key was corrected
import { renderExamList } from './exams-list.js';
import { renderExamEditor } from './exams-form.js';
import { renderExamRoster } from './exams-roster.js';
import { renderExamReport } from './exams-report.js';
import { renderExamMarking } from './exams-marking.js';
import { renderExamStatistics } from './exams-stats.js';
import { renderExamOverrides } from './exams-overrides.js';
import { renderExamRegrade } from './exams-regrade.js';

/** Draws the view params.view names (the list by default) into container; ctx comes from admin.js. */
export function renderExams(container, ctx, params) {
  if (params.view === 'new') renderExamEditor(container, ctx, null);
  else if (params.view === 'edit' && params.id) renderExamEditor(container, ctx, params.id);
  else if (params.view === 'roster' && params.id) renderExamRoster(container, ctx, params.id);
  else if (params.view === 'report' && params.id) renderExamReport(container, ctx, params.id);
  else if (params.view === 'marking' && params.id) renderExamMarking(container, ctx, params.id);
  else if (params.view === 'statistics' && params.id) renderExamStatistics(container, ctx, params.id);
  else if (params.view === 'overrides' && params.id) renderExamOverrides(container, ctx, params.id);
  else if (params.view === 'regrade' && params.id) renderExamRegrade(container, ctx, params.id);
  else renderExamList(container, ctx);
}
