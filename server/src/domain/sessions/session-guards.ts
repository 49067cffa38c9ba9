import { refusal } from '@verbund/shared/errors';
import { mayRunSession, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../actor.js';
import { reject, type Decision } from '../decision.js';

export const notFound = () => reject(refusal('not_found', 'session_not_found', 'session not found'));

/** M1, M2: the session exists, the actor runs it, and it has not ended (an ended session is a record, changed by nobody). */
export function withRunnable(state: WorkspaceState, sessionId: string, actor: Actor, then: (session: ModeratedSession) => Decision): Decision {
  const session = state.sessions[sessionId];
  if (!session) return notFound();
  if (!mayRunSession(actor.personId, session)) return reject(refusal('forbidden', 'not_session_runner', 'only the moderator and co-moderators run a session'));
  if (session.state === 'ended') return reject(refusal('conflict', 'session_ended', 'the session has ended'));
  return then(session);
}
