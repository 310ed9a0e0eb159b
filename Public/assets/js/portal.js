// The residents' portal (/). Quizzes and reading arrive in later releases; until then the page shows
// honest empty states, written in index.html so they paint before any script runs.
import { startShell } from './shell.js';

startShell({ door: 'portal' });
