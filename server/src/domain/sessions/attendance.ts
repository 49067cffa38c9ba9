import { appError, refusal } from '@verbund/shared/errors';
import { ATTENDANCE_LIMITS, attendanceOpen, presentAttendees, type AttendanceMode, type AttendeeRef } from '@verbund/shared/features/sessions/attendance';
import { mayRunSession, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { deputyshipOn, type WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../actor.js';
import { accept, reject, type Deciders, type Decision } from '../decision.js';
import { anyMember, hasRole, isAdmin } from '../roles.js';

export type AttendanceCommand = 'session.check_in' | 'session.check_in_guest' | 'session.check_out' | 'session.set_quorum_rule';

/** M11: the session exists, has not ended, and its attendance is open (running, or planned and about to begin). */
function withOpenAttendance(state: WorkspaceState, sessionId: string, now: string, then: (session: ModeratedSession) => Decision): Decision {
  const session = state.sessions[sessionId];
  if (!session) return reject(refusal('not_found', 'session_not_found', 'session not found'));
  if (session.state === 'ended') return reject(refusal('conflict', 'session_ended', 'the session has ended'));
  if (!attendanceOpen(session, now)) return reject(refusal('conflict', 'attendance_not_open', 'check-in opens shortly before the session begins'));
  return then(session);
}

/** M10, M13: what is done for someone else (or for a guest) is done by those who run the session. */
const asRunner = (session: ModeratedSession, actor: Actor, then: () => Decision): Decision =>
  mayRunSession(actor.personId, session) ? then() : reject(refusal('forbidden', 'not_session_runner', 'only the moderator and co-moderators check others in or out'));

/** Whether two check-ins say the same of whom they stand in for (a member) or how they are named (a guest). */
const sameCapacity = (a: AttendeeRef, b: AttendeeRef): boolean =>
  a.kind === 'member' ? b.kind === 'member' && a.onBehalfOf === b.onBehalfOf : b.kind === 'guest' && a.name === b.name;

/** M10, M14: a new attendee, a new mode, or (for a deputy, a guest) a new capacity; the same again is refused. */
function checkIn(state: WorkspaceState, session: ModeratedSession, attendee: AttendeeRef, mode: AttendanceMode): Decision {
  const list = state.sessionAttendance[session.id] ?? [];
  const known = list.find((a) => a.id === attendee.id);
  if (!known && list.length >= ATTENDANCE_LIMITS.attendees) return reject(refusal('conflict', 'attendance_full', `a session records at most ${ATTENDANCE_LIMITS.attendees} attendees`));
  if (known && known.stays.length >= ATTENDANCE_LIMITS.stays) return reject(refusal('conflict', 'attendance_full', `an attendee is checked in at most ${ATTENDANCE_LIMITS.stays} times`));
  if (known && known.kind !== attendee.kind) return reject(appError('conflict', 'an attendee with this id exists'));
  const here = presentAttendees(list, session).find((p) => p.attendee.id === attendee.id);
  if (here && here.mode === mode && sameCapacity(here.attendee, attendee)) {
    return reject(refusal('conflict', 'already_checked_in', 'checked in like this already'));
  }
  return accept({ type: 'session.checked_in', data: { sessionId: session.id, attendee, mode } });
}

export const attendanceDeciders: Deciders<AttendanceCommand> = {
  'session.check_in': (state, { payload }, actor, ctx) =>
    withOpenAttendance(state, payload.sessionId, ctx.now, (session) => {
      const proceed = () => {
        const member = state.members[payload.personId];
        if (!member?.active || !state.partners[member.partnerId]?.active) {
          return reject(refusal('invalid_payload', 'person_not_found', 'not an active member of an active partner'));
        }
        // M12: a deputy stands in for a dezernent of their own partner, under a deputyship valid today.
        if (payload.onBehalfOf !== null && !deputyshipOn(state, payload.personId, member.partnerId, ctx.today, payload.onBehalfOf)) {
          return reject(refusal('invalid_payload', 'not_deputy', 'no deputyship for this dezernent today'));
        }
        return checkIn(state, session, { kind: 'member', id: payload.personId, partnerId: member.partnerId, onBehalfOf: payload.onBehalfOf }, payload.mode);
      };
      return payload.personId === actor.personId ? proceed() : asRunner(session, actor, proceed);
    }),
  'session.check_in_guest': (state, { payload }, actor, ctx) =>
    withOpenAttendance(state, payload.sessionId, ctx.now, (session) =>
      asRunner(session, actor, () =>
        state.members[payload.guestId]
          ? reject(appError('conflict', 'a guest is not a member'))
          : checkIn(state, session, { kind: 'guest', id: payload.guestId, name: payload.name }, payload.mode),
      ),
    ),
  'session.check_out': (state, { payload }, actor, ctx) =>
    withOpenAttendance(state, payload.sessionId, ctx.now, (session) => {
      const proceed = () =>
        presentAttendees(state.sessionAttendance[session.id], session).some((p) => p.attendee.id === payload.attendeeId)
          ? accept({ type: 'session.checked_out', data: payload })
          : reject(refusal('conflict', 'not_checked_in', 'not checked in'));
      return payload.attendeeId === actor.personId ? proceed() : asRunner(session, actor, proceed);
    }),
  'session.set_quorum_rule': (state, { payload }) =>
    state.sessionQuorumRule === payload.rule ? reject(appError('conflict', 'the rule is set already')) : accept({ type: 'session.quorum_rule_set', data: payload }),
};

/** M10: members check in themselves (the deciders ask who runs the session for the rest); M16: admins and moderators set the rule. */
export const attendancePolicy = {
  'session.check_in': anyMember,
  'session.check_in_guest': anyMember,
  'session.check_out': anyMember,
  'session.set_quorum_rule': (actor: Actor) => isAdmin(actor) || hasRole(actor, 'moderator'),
};
