import {
  attendanceOpen,
  presentAttendees,
  quorumStatus,
  representation,
  type Present,
  type QuorumStatus,
  type Representation,
} from '@verbund/shared/features/sessions/attendance';
import { mayRunSession, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { deputyshipsOn, isRepresentative, type WorkspaceState } from '@verbund/shared/projection';

/** What the attendance panel shows (M10–M16), derived from the workspace state alone. */
export type AttendanceView = {
  partners: Representation[];
  guests: Present[];
  quorum: QuorumStatus;
  /** The viewer's own attendance now, or null. */
  mine: Present | null;
  mayRun: boolean;
  /** `open`: check-in possible now; `early`: not yet (M11); `ended`: never again (M2). */
  phase: 'open' | 'early' | 'ended';
};

export function attendanceView(state: WorkspaceState, session: ModeratedSession, personId: string, now: string, day: string): AttendanceView {
  const present = presentAttendees(state.sessionAttendance[session.id], session);
  const activePartners = Object.values(state.partners)
    .filter((p) => p.active)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'))
    .map((p) => p.id);
  const partners = representation(activePartners, present, (id, partnerId) => isRepresentative(state, id, partnerId, day));
  return {
    partners,
    guests: present.filter((p) => p.attendee.kind === 'guest'),
    quorum: quorumStatus(state.sessionQuorumRule, partners),
    mine: present.find((p) => p.attendee.id === personId) ?? null,
    mayRun: mayRunSession(personId, session),
    phase: session.state === 'ended' ? 'ended' : attendanceOpen(session, now) ? 'open' : 'early',
  };
}

/** M12: the dezernents a person may stand in for today. */
export function deputyFor(state: WorkspaceState, personId: string, day: string): string[] {
  const partnerId = state.members[personId]?.partnerId;
  return partnerId ? deputyshipsOn(state, personId, partnerId, day).map((d) => d.dezernentId) : [];
}
