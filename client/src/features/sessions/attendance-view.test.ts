import { describe, expect, it } from 'vitest';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { AT, PARTNER_BS, PARTNER_WOB, stateWith, uuid } from '../../test/fixtures';
import { attendanceView, deputyFor } from './attendance-view';

const MODERATOR = uuid();
const DEZERNENT = uuid();
const DEPUTY = uuid();
const GUEST = uuid();
const DAY = '2026-12-10';
const START = '2026-12-10T09:00:00.000Z';

function fixture(over: Partial<ModeratedSession> = {}) {
  const s = stateWith([]);
  const member = (personId: string, partnerId: string, roles: ('member' | 'dezernent' | 'moderator')[]) => ({ personId, partnerId, roles, active: true, erased: false, joinedAt: AT });
  s.members[MODERATOR] = member(MODERATOR, PARTNER_BS, ['member', 'moderator']);
  s.members[DEZERNENT] = member(DEZERNENT, PARTNER_WOB, ['member', 'dezernent']);
  s.members[DEPUTY] = member(DEPUTY, PARTNER_WOB, ['member']);
  const id = uuid();
  s.deputyships[id] = { id, partnerId: PARTNER_WOB, dezernentId: DEZERNENT, deputyId: DEPUTY, from: DAY, to: DAY, revoked: false };
  const session: ModeratedSession = {
    id: uuid(), title: 'Sitzung', startsAt: START, place: null, link: null, coModeratorIds: [], state: 'running', moderatorId: MODERATOR,
    items: [], currentItemId: null, startedAt: START, endedAt: null, createdAt: AT, updatedAt: AT, ...over,
  };
  s.sessions[session.id] = session;
  s.sessionAttendance[session.id] = [
    { kind: 'member', id: DEPUTY, partnerId: PARTNER_WOB, onBehalfOf: DEZERNENT, stays: [{ mode: 'online', from: START, to: null }] },
    { kind: 'member', id: MODERATOR, partnerId: PARTNER_BS, onBehalfOf: null, stays: [{ mode: 'room', from: START, to: '2026-12-10T09:10:00.000Z' }] },
    { kind: 'guest', id: GUEST, name: 'Dr. Hanna Vogt', stays: [{ mode: 'room', from: START, to: null }] },
  ];
  return { state: s, session };
}

describe('the attendance panel’s view (M10–M16)', () => {
  it('M15, M16 partners in name order with who is there; guests apart; the quorum by the workspace rule', () => {
    const { state, session } = fixture();
    const view = attendanceView(state, session, DEPUTY, '2026-12-10T09:20:00.000Z', DAY);
    expect(view.partners.map((p) => [p.partnerId, p.present.map((x) => [x.attendee.id, x.mode, x.speaksFor])])).toEqual([
      [PARTNER_BS, []],
      [PARTNER_WOB, [[DEPUTY, 'online', true]]],
    ]);
    expect(view.guests.map((g) => g.attendee.id)).toEqual([GUEST]);
    expect(view.quorum).toMatchObject({ rule: 'majority', represented: 1, active: 2, needed: 2, met: false });
    expect(view.mine?.since).toBe(START);
    expect(view.mayRun).toBe(false);
    expect(view.phase).toBe('open');
  });

  it('M11 check-in is early before 15 minutes ahead of the start, and over once the session ended', () => {
    const { state, session } = fixture({ state: 'planned', startedAt: null });
    expect(attendanceView(state, session, MODERATOR, '2026-12-10T08:44:00.000Z', DAY).phase).toBe('early');
    expect(attendanceView(state, session, MODERATOR, '2026-12-10T08:45:00.000Z', DAY)).toMatchObject({ phase: 'open', mayRun: true });
    const ended = fixture({ state: 'ended', endedAt: '2026-12-10T10:00:00.000Z' });
    expect(attendanceView(ended.state, ended.session, MODERATOR, '2026-12-10T10:01:00.000Z', DAY)).toMatchObject({ phase: 'ended', guests: [], mine: null });
  });

  it('M12 a person may stand in for the dezernents of their deputyships valid that day', () => {
    const { state } = fixture();
    expect(deputyFor(state, DEPUTY, DAY)).toEqual([DEZERNENT]);
    expect(deputyFor(state, DEPUTY, '2026-12-11')).toEqual([]);
    expect(deputyFor(state, MODERATOR, DAY)).toEqual([]);
  });
});
