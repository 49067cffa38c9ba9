import { refusal } from '@verbund/shared/errors';
import { sessionLeadOf } from '@verbund/shared/features/sessions/session-lead';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../actor.js';
import { accept, reject, type Deciders, type Decision } from '../decision.js';
import { withRunnable } from './guards.js';

export type HandOverCommand = 'session.take_over' | 'session.hand_back';

/** M1, M2, M40: a runner of a session that runs now, and who leads it. */
function withRunning(state: WorkspaceState, sessionId: string, actor: Actor, then: (session: ModeratedSession, lead: string) => Decision): Decision {
  return withRunnable(state, sessionId, actor, (session) =>
    session.state === 'running'
      ? then(session, sessionLeadOf(state.sessionLeads, session))
      : reject(refusal('conflict', 'session_not_running', 'the session has not started')),
  );
}

/** Hand-over (docs/session-rules.md, M40–M44): who leads a running session. */
export const handOverDeciders: Deciders<HandOverCommand> = {
  // M41: whether the one leading is connected is the server's presence, passed in the context (no I/O here).
  'session.take_over': (state, { payload }, actor, ctx) =>
    withRunning(state, payload.sessionId, actor, (session, lead) => {
      if (lead === actor.personId) return reject(refusal('conflict', 'already_lead', 'you lead the session already'));
      if (ctx.connected(lead)) return reject(refusal('conflict', 'lead_connected', 'the one leading the session is still connected'));
      return accept({ type: 'session.taken_over', data: { sessionId: session.id, personId: actor.personId, from: lead } });
    }),
  // M43: only the runner leading after a take-over hands back; the moderator then leads, connected or not.
  'session.hand_back': (state, { payload }, actor) =>
    withRunning(state, payload.sessionId, actor, (session, lead) => {
      if (lead === session.moderatorId) return reject(refusal('conflict', 'moderator_leads', 'the moderator leads the session'));
      if (lead !== actor.personId) return reject(refusal('forbidden', 'not_session_lead', 'only the one leading the session hands it back'));
      return accept({ type: 'session.handed_back', data: { sessionId: session.id, to: session.moderatorId } });
    }),
};
