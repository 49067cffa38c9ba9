import { z } from 'zod';
import { idSchema, instantSchema, line } from '../../model.js';
import type { ModeratedSession } from './sessions-feature.js';

/** Attendance by partner and the quorum (docs/session-rules.md, M10–M17). */
export const ATTENDANCE_LIMITS = { attendees: 300, stays: 50, guestName: 200, earlyMinutes: 15 } as const;

/** Where someone takes part (M10): in the room or online. */
export const ATTENDANCE_MODES = ['room', 'online'] as const;
export const attendanceModeSchema = z.enum(ATTENDANCE_MODES);
export type AttendanceMode = z.infer<typeof attendanceModeSchema>;

/** M16: the workspace's quorum rule for sessions. */
export const QUORUM_RULES = ['all', 'majority'] as const;
export const quorumRuleSchema = z.enum(QUORUM_RULES);
export type QuorumRule = z.infer<typeof quorumRuleSchema>;
export const DEFAULT_QUORUM_RULE: QuorumRule = 'majority';

/** A stretch of time someone was there in one mode (M14); `to` is null while it lasts. */
export const staySchema = z.strictObject({ mode: attendanceModeSchema, from: instantSchema, to: instantSchema.nullable() });
export type Stay = z.infer<typeof staySchema>;

/** Who an attendee is: a member attending for their partner (maybe as a deputy), or a named guest of no partner (M13). */
export const attendeeRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('member'), id: idSchema, partnerId: idSchema, onBehalfOf: idSchema.nullable() }),
  z.strictObject({ kind: z.literal('guest'), id: idSchema, name: line(ATTENDANCE_LIMITS.guestName) }),
]);
export type AttendeeRef = z.infer<typeof attendeeRefSchema>;

export const attendeeSchema = z.intersection(attendeeRefSchema, z.strictObject({ stays: z.array(staySchema).max(ATTENDANCE_LIMITS.stays) }));
export type Attendee = z.infer<typeof attendeeSchema>;

export const attendanceCommands = {
  /** M10, M12: a person checks in (themselves, or a runner checks them in); again, it changes the mode. */
  'session.check_in': z.strictObject({ sessionId: idSchema, personId: idSchema, mode: attendanceModeSchema, onBehalfOf: idSchema.nullable() }),
  /** M13: a runner checks in a guest who is not a member. */
  'session.check_in_guest': z.strictObject({ sessionId: idSchema, guestId: idSchema, name: line(ATTENDANCE_LIMITS.guestName), mode: attendanceModeSchema }),
  /** M14: the attendee leaves (themselves, or a runner checks them out). */
  'session.check_out': z.strictObject({ sessionId: idSchema, attendeeId: idSchema }),
  /** M16: which partners must be represented for the quorum. */
  'session.set_quorum_rule': z.strictObject({ rule: quorumRuleSchema }),
};

export const attendanceEvents = {
  'session.checked_in': z.strictObject({ sessionId: idSchema, attendee: attendeeRefSchema, mode: attendanceModeSchema }),
  'session.checked_out': z.strictObject({ sessionId: idSchema, attendeeId: idSchema }),
  'session.quorum_rule_set': z.strictObject({ rule: quorumRuleSchema }),
};

export const attendanceShape = {
  /** Everyone who checked in, by session, in the order they first did (M14). */
  sessionAttendance: z.record(z.string(), z.array(attendeeSchema)),
  sessionQuorumRule: quorumRuleSchema,
};
type AttendanceSlice = { sessionAttendance: Record<string, Attendee[]>; sessionQuorumRule: QuorumRule };

const closeStay = (stays: readonly Stay[], at: string): Stay[] => stays.map((stay) => (stay.to === null ? { ...stay, to: at } : stay));

export const attendanceReducers = {
  'session.checked_in': (s: AttendanceSlice, e: { at: string; data: z.infer<(typeof attendanceEvents)['session.checked_in']> }) => {
    const list = s.sessionAttendance[e.data.sessionId] ?? [];
    const known = list.find((a) => a.id === e.data.attendee.id);
    const stays = [...closeStay(known?.stays ?? [], e.at), { mode: e.data.mode, from: e.at, to: null }];
    const attendee: Attendee = { ...e.data.attendee, stays };
    s.sessionAttendance[e.data.sessionId] = known ? list.map((a) => (a.id === known.id ? attendee : a)) : [...list, attendee];
  },
  'session.checked_out': (s: AttendanceSlice, e: { at: string; data: z.infer<(typeof attendanceEvents)['session.checked_out']> }) => {
    const list = s.sessionAttendance[e.data.sessionId];
    if (list) s.sessionAttendance[e.data.sessionId] = list.map((a) => (a.id === e.data.attendeeId ? { ...a, stays: closeStay(a.stays, e.at) } : a));
  },
  'session.quorum_rule_set': (s: AttendanceSlice, e: { data: z.infer<(typeof attendanceEvents)['session.quorum_rule_set']> }) => {
    s.sessionQuorumRule = e.data.rule;
  },
};

export const attendanceSubjects = {
  'session.checked_in': (d: { sessionId: string }) => d.sessionId,
  'session.checked_out': (d: { sessionId: string }) => d.sessionId,
  'session.quorum_rule_set': () => null,
};

/** M11: check-in opens this many minutes before the planned start, and closes when the session ends. */
export function attendanceOpen(session: Pick<ModeratedSession, 'state' | 'startsAt'>, now: string): boolean {
  if (session.state === 'running') return true;
  return session.state === 'planned' && Date.parse(now) >= Date.parse(session.startsAt) - ATTENDANCE_LIMITS.earlyMinutes * 60_000;
}

/** Someone there now, in a mode, since a moment (M14). */
export type Present = { attendee: Attendee; mode: AttendanceMode; since: string };

/** M14: who is there now; nobody once the session has ended (its end closes every stay). */
export function presentAttendees(attendance: readonly Attendee[] | undefined, session: Pick<ModeratedSession, 'state'>): Present[] {
  if (session.state === 'ended') return [];
  return (attendance ?? []).flatMap((attendee) => {
    const last = attendee.stays.at(-1);
    return last && last.to === null ? [{ attendee, mode: last.mode, since: last.from }] : [];
  });
}

/** When a stay ended: its own end, or the session's end for one still open then (M14, for the minutes). */
export const stayEnd = (stay: Stay, session: Pick<ModeratedSession, 'endedAt'>): string | null => stay.to ?? session.endedAt;

/** A partner and who is there for it (M15); `speaksFor` marks those who may cast its ballot (dezernent or deputy). */
export type Representation = { partnerId: string; present: (Present & { speaksFor: boolean })[] };

/**
 * M15: each active partner with the members there for it now. Guests count for no partner (M13). A
 * partner is represented when one of its members is there; `speaksFor` comes from the deputyships of
 * today (injected: the projection's `isRepresentative`).
 */
export function representation(
  partnerIds: readonly string[],
  present: readonly Present[],
  speaksFor: (personId: string, partnerId: string) => boolean,
): Representation[] {
  return partnerIds.map((partnerId) => ({
    partnerId,
    present: present.flatMap((p) =>
      p.attendee.kind === 'member' && p.attendee.partnerId === partnerId ? [{ ...p, speaksFor: speaksFor(p.attendee.id, partnerId) }] : [],
    ),
  }));
}

export type QuorumStatus = { rule: QuorumRule; represented: number; active: number; needed: number; met: boolean };

/** M16: `all` needs every active partner, `majority` more than half of them; with no active partner there is no quorum. */
export function quorumStatus(rule: QuorumRule, partners: readonly Representation[]): QuorumStatus {
  const active = partners.length;
  const represented = partners.filter((p) => p.present.length > 0).length;
  const needed = rule === 'all' ? active : Math.floor(active / 2) + 1;
  return { rule, represented, active, needed, met: active > 0 && represented >= needed };
}
