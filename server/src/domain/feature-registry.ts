import { adminDomain } from './admin/admin-feature.js';
import { annotationsDomain } from './annotations/annotations-feature.js';
import { boardDomain } from './board/board-feature.js';
import { checklistsDomain } from './checklists/checklists-feature.js';
import { commentsDomain } from './comments/comments-feature.js';
import { positionsDomain } from './positions/positions-feature.js';
import { sessionsDomain } from './sessions/sessions-feature.js';
import { votesDomain } from './votes/votes-feature.js';

/** Every feature's server side, one line each (the shared side: shared/src/feature-registry.ts). */
export const DOMAIN_FEATURES = [adminDomain, annotationsDomain, boardDomain, checklistsDomain, commentsDomain, positionsDomain, sessionsDomain, votesDomain] as const;
