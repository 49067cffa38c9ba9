import { describe, expect, it } from 'vitest';
import { presentAttendees, quorumStatus, representation, stayEnd } from '@verbund/shared/features/sessions/attendance';
import { emptyState, isRepresentative, type WorkspaceState } from '@verbund/shared/projection';
import { cardFixture, contextAt, testId } from '../../test-support/builders.js';
import { outcome } from '../../test-support/decide-pure.js';
import { littleEngine } from '../../test-support/little-engine.js';
import { sessionCommandsFor } from '../../test-support/session-commands.js';
import { proposalSettings, voteCommandsFor } from '../../test-support/vote-commands.js';
import type { Actor } from '../actor.js';

const WS = testId(10);
const BOARD = testId(11);
const CARD = testId(30);
const P = { wob: testId(12), bs: testId(13), sz: testId(14), gf: testId(15) } as const;
const PEOPLE = {
  claudia: { id: testId(20), partner: P.wob, roles: ['member', 'moderator'] },
  dezWob: { id: testId(21), partner: P.wob, roles: ['member', 'dezernent'] },
  anna: { id: testId(22), partner: P.wob, roles: ['member'] },
  dezBs: { id: testId(23), partner: P.bs, roles: ['member', 'dezernent'] },
  bert: { id: testId(24), partner: P.bs, roles: ['member'] },
  sina: { id: testId(25), partner: P.sz, roles: ['member'] },
  admin: { id: testId(26), partner: P.gf, roles: ['member', 'admin'] },
  gone: { id: testId(27), partner: P.gf, roles: ['member'] },
} as const;
type Who = keyof typeof PEOPLE;
const DEPUTYSHIP = testId(40);
const T0 = '2026-12-10T09:00:00.000Z';
const two = (n: number) => String(n).padStart(2, '0');
/** The instant `minutes` after T0 (negative: before it). */
const at = (minutes: number) => {
  const total = 9 * 60 + minutes;
  return `2026-12-10T${two(Math.floor(total / 60))}:${two(total % 60)}:00.000Z`;
};

const s = sessionCommandsFor(WS);
const v = voteCommandsFor(WS);

function state(): WorkspaceState {
  const members = Object.fromEntries(
    Object.entries(PEOPLE).map(([who, p]) => [p.id, { personId: p.id, partnerId: p.partner, roles: [...p.roles], active: who !== 'gone', erased: false, joinedAt: T0 }]),
  );
  const partner = (id: string, shortName: string) => [id, { id, name: `Stadt ${shortName}`, shortName, active: true }] as const;
  return {
    ...emptyState(WS),
    seq: 3,
    partners: Object.fromEntries([partner(P.wob, 'WOB'), partner(P.bs, 'BS'), partner(P.sz, 'SZ'), partner(P.gf, 'GF')]),
    members,
    // Bert stands in for the Braunschweig dezernent on the day of the session only.
    deputyships: { [DEPUTYSHIP]: { id: DEPUTYSHIP, partnerId: P.bs, dezernentId: PEOPLE.dezBs.id, deputyId: PEOPLE.bert.id, from: '2026-12-10', to: '2026-12-10', revoked: false } },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: { [CARD]: cardFixture({ id: CARD, boardId: BOARD }) },
  };
}

const actorOf = (st: WorkspaceState, who: Who): Actor => {
  const member = st.members[PEOPLE[who].id];
  return { personId: PEOPLE[who].id, partnerId: PEOPLE[who].partner, roles: member?.active ? member.roles : [] };
};

/** A session Claudia planned for T0. */
function planned() {
  const engine = littleEngine(state(), actorOf, contextAt);
  const create = s.create({ startsAt: T0 });
  expect(outcome(engine.run('claudia', create, at(-60)))).toBe('accepted');
  const sessionId = create.payload.sessionId;
  const attendees = () => engine.state.sessionAttendance[sessionId] ?? [];
  const session = () => {
    const found = engine.state.sessions[sessionId];
    if (!found) throw new Error('the session is missing');
    return found;
  };
  const here = () => presentAttendees(attendees(), session()).map((p) => ({ id: p.attendee.id, mode: p.mode, since: p.since }));
  const partners = () =>
    representation(Object.values(P), presentAttendees(attendees(), session()), (personId, partnerId) => isRepresentative(engine.state, personId, partnerId, '2026-12-10'));
  return { ...engine, sessionId, attendees, session, here, partners };
}

describe('attendance by partner (docs/session-rules.md, M10–M17)', () => {
  it('M10 a member checks in themselves, room or online; a second check-in changes the mode; others are checked in by runners only', () => {
    const { run, sessionId, here, attendees } = planned();
    run('claudia', s.start(sessionId), at(0));
    expect(outcome(run('anna', s.checkIn(sessionId, PEOPLE.anna.id, 'room'), at(1)))).toBe('accepted');
    expect(outcome(run('anna', s.checkIn(sessionId, PEOPLE.anna.id, 'room'), at(2)))).toBe('conflict:already_checked_in');
    expect(outcome(run('anna', s.checkIn(sessionId, PEOPLE.anna.id, 'online'), at(3)))).toBe('accepted');
    expect(here()).toEqual([{ id: PEOPLE.anna.id, mode: 'online', since: at(3) }]);
    expect(attendees()[0]?.stays).toEqual([
      { mode: 'room', from: at(1), to: at(3) },
      { mode: 'online', from: at(3), to: null },
    ]);
    expect(outcome(run('anna', s.checkIn(sessionId, PEOPLE.sina.id), at(4)))).toBe('forbidden:not_session_runner');
    expect(outcome(run('claudia', s.checkIn(sessionId, PEOPLE.sina.id, 'online'), at(4)))).toBe('accepted');
    expect(outcome(run('claudia', s.checkIn(sessionId, PEOPLE.gone.id), at(4)))).toBe('invalid_payload:person_not_found');
    expect(outcome(run('claudia', s.checkIn(testId(99), PEOPLE.sina.id), at(4)))).toBe('not_found:session_not_found');
  });

  it('M11 check-in opens 15 minutes before the planned start and closes when the session ends', () => {
    const { run, sessionId, here } = planned();
    expect(outcome(run('anna', s.checkIn(sessionId, PEOPLE.anna.id), at(-16)))).toBe('conflict:attendance_not_open');
    expect(outcome(run('anna', s.checkIn(sessionId, PEOPLE.anna.id), at(-15)))).toBe('accepted');
    run('claudia', s.start(sessionId), at(0));
    run('claudia', s.end(sessionId), at(90));
    expect(here()).toEqual([]);
    expect(outcome(run('anna', s.checkOut(sessionId, PEOPLE.anna.id), at(91)))).toBe('conflict:session_ended');
    expect(outcome(run('claudia', s.checkIn(sessionId, PEOPLE.sina.id), at(91)))).toBe('conflict:session_ended');
    expect(outcome(run('claudia', s.checkInGuest(sessionId, 'Dr. Hanna Vogt'), at(91)))).toBe('conflict:session_ended');
  });

  it('M12 a deputy stands in for their own dezernent only within a deputyship valid today', () => {
    const { run, sessionId, attendees } = planned();
    run('claudia', s.start(sessionId), at(0));
    expect(outcome(run('claudia', s.checkIn(sessionId, PEOPLE.anna.id, 'room', PEOPLE.dezWob.id), at(1)))).toBe('invalid_payload:not_deputy');
    expect(outcome(run('claudia', s.checkIn(sessionId, PEOPLE.bert.id, 'room', PEOPLE.dezWob.id), at(1)))).toBe('invalid_payload:not_deputy');
    expect(outcome(run('claudia', s.checkIn(sessionId, PEOPLE.bert.id, 'room', PEOPLE.dezBs.id), at(1)))).toBe('accepted');
    expect(attendees()[0]).toMatchObject({ kind: 'member', id: PEOPLE.bert.id, partnerId: P.bs, onBehalfOf: PEOPLE.dezBs.id });
    // The same mode in another capacity is a change, not a repeat.
    expect(outcome(run('bert', s.checkIn(sessionId, PEOPLE.bert.id, 'room'), at(2)))).toBe('accepted');
    // The next day the deputyship is over.
    const later = s.create({ startsAt: '2026-12-11T09:00:00.000Z' });
    run('claudia', later, at(2));
    run('claudia', s.start(later.payload.sessionId), '2026-12-11T09:00:00.000Z');
    expect(outcome(run('claudia', s.checkIn(later.payload.sessionId, PEOPLE.bert.id, 'room', PEOPLE.dezBs.id), '2026-12-11T09:01:00.000Z'))).toBe(
      'invalid_payload:not_deputy',
    );
  });

  it('M13 a runner checks in a named guest, who counts for no partner', () => {
    const { run, sessionId, partners, here } = planned();
    run('claudia', s.start(sessionId), at(0));
    expect(outcome(run('anna', s.checkInGuest(sessionId, 'Dr. Hanna Vogt'), at(1)))).toBe('forbidden:not_session_runner');
    const guest = s.checkInGuest(sessionId, 'Dr. Hanna Vogt', 'online');
    expect(outcome(run('claudia', guest, at(1)))).toBe('accepted');
    expect(here()).toEqual([{ id: guest.payload.guestId, mode: 'online', since: at(1) }]);
    expect(partners().every((p) => p.present.length === 0)).toBe(true);
    expect(outcome(run('claudia', s.checkInGuest(sessionId, 'Anna', 'room', PEOPLE.anna.id), at(2)))).toBe('conflict:no reason');
  });

  it('M14 checking out ends the stay; the times stay on record; only oneself or a runner checks out', () => {
    const { run, sessionId, here, attendees, session } = planned();
    run('claudia', s.start(sessionId), at(0));
    run('anna', s.checkIn(sessionId, PEOPLE.anna.id), at(5));
    run('sina', s.checkIn(sessionId, PEOPLE.sina.id, 'online'), at(6));
    expect(outcome(run('sina', s.checkOut(sessionId, PEOPLE.anna.id), at(10)))).toBe('forbidden:not_session_runner');
    expect(outcome(run('anna', s.checkOut(sessionId, PEOPLE.anna.id), at(30)))).toBe('accepted');
    expect(outcome(run('anna', s.checkOut(sessionId, PEOPLE.anna.id), at(31)))).toBe('conflict:not_checked_in');
    expect(outcome(run('claudia', s.checkOut(sessionId, PEOPLE.sina.id), at(40)))).toBe('accepted');
    run('anna', s.checkIn(sessionId, PEOPLE.anna.id, 'online'), at(45));
    expect(here().map((p) => p.id)).toEqual([PEOPLE.anna.id]);
    run('claudia', s.end(sessionId), at(60));
    const stays = attendees().find((a) => a.id === PEOPLE.anna.id)?.stays ?? [];
    expect(stays.map((stay) => [stay.mode, stay.from, stayEnd(stay, session())])).toEqual([
      ['room', at(5), at(30)],
      ['online', at(45), at(60)],
    ]);
  });

  it('M15 partners are represented by their members there; dezernent and deputy are marked as speaking for it', () => {
    const { run, sessionId, partners } = planned();
    run('claudia', s.start(sessionId), at(0));
    run('anna', s.checkIn(sessionId, PEOPLE.anna.id), at(1));
    run('dezWob', s.checkIn(sessionId, PEOPLE.dezWob.id, 'online'), at(2));
    run('claudia', s.checkIn(sessionId, PEOPLE.bert.id, 'room', PEOPLE.dezBs.id), at(3));
    const seen = partners().map((p) => ({ partnerId: p.partnerId, who: p.present.map((x) => [x.attendee.id, x.mode, x.speaksFor]) }));
    expect(seen).toEqual([
      { partnerId: P.wob, who: [[PEOPLE.anna.id, 'room', false], [PEOPLE.dezWob.id, 'online', true]] },
      { partnerId: P.bs, who: [[PEOPLE.bert.id, 'room', true]] },
      { partnerId: P.sz, who: [] },
      { partnerId: P.gf, who: [] },
    ]);
  });

  it('M16 the quorum rule is a workspace setting: majority by default, all when set by an admin or moderator', () => {
    const { run, sessionId, partners, state: st } = planned();
    expect(st.sessionQuorumRule).toBe('majority');
    run('claudia', s.start(sessionId), at(0));
    run('anna', s.checkIn(sessionId, PEOPLE.anna.id), at(1));
    run('claudia', s.checkIn(sessionId, PEOPLE.bert.id), at(1));
    // Two of four is no majority; three is.
    expect(quorumStatus(st.sessionQuorumRule, partners())).toEqual({ rule: 'majority', represented: 2, active: 4, needed: 3, met: false });
    run('sina', s.checkIn(sessionId, PEOPLE.sina.id), at(2));
    expect(quorumStatus(st.sessionQuorumRule, partners()).met).toBe(true);
    expect(outcome(run('anna', s.setQuorumRule('all'), at(3)))).toBe('forbidden:no reason');
    expect(outcome(run('admin', s.setQuorumRule('all'), at(3)))).toBe('accepted');
    expect(outcome(run('claudia', s.setQuorumRule('all'), at(3)))).toBe('conflict:no reason');
    expect(quorumStatus(st.sessionQuorumRule, partners())).toEqual({ rule: 'all', represented: 3, active: 4, needed: 4, met: false });
    run('admin', s.checkIn(sessionId, PEOPLE.admin.id, 'online'), at(4));
    expect(quorumStatus(st.sessionQuorumRule, partners()).met).toBe(true);
    expect(quorumStatus('majority', []).met).toBe(false);
  });

  it('M17 a vote opened in a running session takes its entitled from who is there at that moment, recorded with the vote', () => {
    const { run, sessionId, state: st } = planned();
    const open = (who: Who, settings = proposalSettings([CARD], { partnerBallotBy: 'representative' })) => {
      const command = v.openIn(sessionId, settings);
      return { result: outcome(run(who, command, at(10))), vote: () => st.votes[command.payload.voteId] };
    };
    expect(open('claudia').result).toBe('conflict:session_not_running');
    run('claudia', s.start(sessionId), at(0));
    run('anna', s.checkIn(sessionId, PEOPLE.anna.id), at(1));
    run('dezWob', s.checkIn(sessionId, PEOPLE.dezWob.id, 'online'), at(1));
    run('claudia', s.checkIn(sessionId, PEOPLE.bert.id, 'room', PEOPLE.dezBs.id), at(2));
    run('sina', s.checkIn(sessionId, PEOPLE.sina.id), at(2));
    run('claudia', s.checkInGuest(sessionId, 'Dr. Hanna Vogt'), at(3));
    expect(open('anna').result).toBe('forbidden:not_session_runner');
    // Per partner by representatives: Salzgitter is there, but nobody there may cast its ballot.
    const byRepresentative = open('claudia');
    expect(byRepresentative.result).toBe('accepted');
    expect(byRepresentative.vote()).toMatchObject({
      sessionId,
      eligible: { partnerIds: [P.wob, P.bs].sort(), personIds: [PEOPLE.dezWob.id, PEOPLE.anna.id, PEOPLE.bert.id].sort() },
    });
    // Per partner by any member: every partner with a member there.
    expect(open('claudia', proposalSettings([CARD])).vote()?.eligible.partnerIds).toEqual([P.wob, P.bs, P.sz].sort());
    // Per person: the members there, never the guest.
    const perPerson = open('claudia', proposalSettings([CARD], { counting: 'person' })).vote();
    expect(perPerson?.eligible.personIds).toEqual([PEOPLE.dezWob.id, PEOPLE.anna.id, PEOPLE.bert.id, PEOPLE.sina.id].sort());
    // A quorum the people there cannot reach is refused (D6 on the attending set).
    expect(open('claudia', proposalSettings([CARD], { quorum: { minPartners: 4 } })).result).toBe('invalid_payload:quorum_unreachable');
    // Without a session the whole workspace is entitled, as before (D3).
    const plain = v.open(proposalSettings([CARD]));
    run('claudia', plain, at(11));
    expect(st.votes[plain.payload.voteId]?.eligible.partnerIds).toHaveLength(4);
    expect(st.votes[plain.payload.voteId]).not.toHaveProperty('sessionId');
  });
});
