import { refusal, type AppError } from '@verbund/shared/errors';
import { presentAttendees } from '@verbund/shared/features/sessions/attendance';
import { mayRunSession } from '@verbund/shared/features/sessions/sessions-feature';
import { isRepresentative, type WorkspaceState } from '@verbund/shared/projection';
import type { Eligible, VoteSettings } from '@verbund/shared/votes';
import type { Actor } from '../actor.js';
import { attendingEligible } from './attending.js';

type InSession = { ok: true; eligible: Eligible } | { ok: false; error: AppError };

/**
 * M17: a vote opened in a session is opened by one who runs it, while it runs, and its entitled are
 * the members attending at this moment (`attendingEligible`); the vote records the session.
 */
export function sessionEligible(state: WorkspaceState, sessionId: string, settings: VoteSettings, all: Eligible, actor: Actor, today: string): InSession {
  const session = state.sessions[sessionId];
  if (!session) return { ok: false, error: refusal('not_found', 'session_not_found', 'session not found') };
  if (!mayRunSession(actor.personId, session)) return { ok: false, error: refusal('forbidden', 'not_session_runner', 'only those who run the session open its votes') };
  if (session.state !== 'running') return { ok: false, error: refusal('conflict', 'session_not_running', 'the session is not running') };
  const present = presentAttendees(state.sessionAttendance[sessionId], session).flatMap(({ attendee }) => {
    const member = attendee.kind === 'member' ? state.members[attendee.id] : undefined;
    return member ? [{ personId: member.personId, partnerId: member.partnerId }] : [];
  });
  return { ok: true, eligible: attendingEligible(settings, all, present, (personId, partnerId) => isRepresentative(state, personId, partnerId, today)) };
}
