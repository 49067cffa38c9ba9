import type { SessionLead } from './hand-over.js';
import { mayRunSession, type ModeratedSession } from './sessions-feature.js';

/** M40: the person leading the session now: the runner who took over (while still a runner), else its moderator. */
export function sessionLeadOf(leads: Readonly<Record<string, SessionLead>>, session: Pick<ModeratedSession, 'id' | 'moderatorId' | 'coModeratorIds'>): string {
  const lead = leads[session.id]?.personId;
  return lead !== undefined && mayRunSession(lead, session) ? lead : session.moderatorId;
}
