import { adminFeature } from './features/admin/admin-feature.js';
import { annotationsFeature } from './features/annotations/annotations-feature.js';
import { boardFeature } from './features/board/board-feature.js';
import { checklistsFeature } from './features/checklists/checklists-feature.js';
import { commentsFeature } from './features/comments/comments-feature.js';
import { positionsFeature } from './features/positions/positions-feature.js';
import { sessionsFeature } from './features/sessions/sessions-feature.js';
import { votesFeature } from './features/votes/votes-feature.js';

/** Every feature, one line each; events, commands and the projection are built from this list. */
export const FEATURES = [adminFeature, annotationsFeature, boardFeature, checklistsFeature, commentsFeature, positionsFeature, sessionsFeature, votesFeature] as const;
