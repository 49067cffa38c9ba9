import { refusal } from '@verbund/shared/errors';
import { mayRunSession, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../actor.js';
import { reject, type Decision } from '../decision.js';

/** The checks every session decider starts with, shared by the sub-modules (speakers, timer). */
export const notFound = () => reject(refusal('not_found', 'session_not_found', 'session not found'));

/** The session exists (every member sees every session, M1). */
export function withSession(state: WorkspaceState, sessionId: string, then: (session: ModeratedSession) => Decision): Decision {
  const session = state.sessions[sessionId];
  return session ? then(session) : notFound();
}

/** M1, M2: the session exists, the actor runs it, and it has not ended (an ended session is a record, changed by nobody). */
export function withRunnable(state: WorkspaceState, sessionId: string, actor: Actor, then: (session: ModeratedSession) => Decision): Decision {
  return withSession(state, sessionId, (session) => {
    if (!mayRunSession(actor.personId, session)) return reject(refusal('forbidden', 'not_session_runner', 'only the moderator and co-moderators run a session'));
    if (session.state === 'ended') return reject(refusal('conflict', 'session_ended', 'the session has ended'));
    return then(session);
  });
}

/** M2: hands, the queue and the timer belong to a session while it runs. */
export function whileRunning(session: ModeratedSession, then: (session: ModeratedSession) => Decision): Decision {
  if (session.state === 'ended') return reject(refusal('conflict', 'session_ended', 'the session has ended'));
  return session.state === 'running' ? then(session) : reject(refusal('conflict', 'session_not_running', 'the session has not started'));
}
