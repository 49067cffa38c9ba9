import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR_ID } from '@verbund/shared/events';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import type { Role } from '@verbund/shared/model';
import { cardFixture, contextAt, testId } from '../../test-support/builders.js';
import { littleEngine } from '../../test-support/little-engine.js';
import { position, proposalSettings, voteCommandsFor } from '../../test-support/vote-commands.js';
import { actorFrom, type Actor } from '../actor.js';
import type { decide, DecideContext, Decision } from '../decide.js';
import { computeResult } from './result.js';

const WS = testId(10);
const BOARD = testId(11);
const A = testId(12);
const B = testId(13);
const CARD = testId(30);
const VOTE = testId(60);
const T0 = '2026-03-10T09:00:00.000Z';
const ctxAt = (now: string): DecideContext => contextAt(now);
const v = voteCommandsFor(WS);

const PEOPLE = {
  memberA: { id: testId(20), partner: A, roles: ['member'] },
  dezernentA: { id: testId(21), partner: A, roles: ['member', 'dezernent'] },
  deputyA: { id: testId(22), partner: A, roles: ['member'] },
  memberB: { id: testId(23), partner: B, roles: ['member'] },
  moderatorB: { id: testId(24), partner: B, roles: ['member', 'moderator'] },
  gone: { id: testId(25), partner: B, roles: ['member'] },
} satisfies Record<string, { id: string; partner: string; roles: Role[] }>;
type Who = keyof typeof PEOPLE;

function baseState(): WorkspaceState {
  const members = Object.fromEntries(
    Object.entries(PEOPLE).map(([kind, p]) => [
      p.id,
      { personId: p.id, partnerId: p.partner, roles: p.roles, active: kind !== 'gone', erased: false, joinedAt: T0 },
    ]),
  );
  return {
    ...emptyState(WS),
    name: 'Test',
    seq: 5,
    partners: { [A]: { id: A, name: 'Stadt A', shortName: 'A', active: true }, [B]: { id: B, name: 'Stadt B', shortName: 'B', active: true } },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: { [CARD]: cardFixture({ id: CARD, boardId: BOARD }) },
    members,
    deputyships: {
      [testId(40)]: { id: testId(40), partnerId: A, dezernentId: PEOPLE.dezernentA.id, deputyId: PEOPLE.deputyA.id, from: '2026-03-09', to: '2026-03-11', revoked: false },
    },
  };
}

const actor = (s: WorkspaceState, who: Who | 'system'): Actor =>
  who === 'system' ? { personId: SYSTEM_ACTOR_ID, partnerId: '', roles: [] } : (actorFrom(s, PEOPLE[who].id) ?? { personId: PEOPLE[who].id, partnerId: '', roles: [] });

/** Decides and applies what was accepted, like the server does. */
function world() {
  const engine = littleEngine(baseState(), actor, ctxAt);
  return { state: engine.state, run: (who: Who | 'system', command: Parameters<typeof decide>[1], now = T0): Decision => engine.run(who, command, now) };
}

const code = (d: Decision) => (d.ok ? 'accepted' : d.error.code);
const reason = (d: Decision) => (d.ok ? 'accepted' : d.error.reason);

describe('decide: vote.open', () => {
  it('D2 any member opens a vote about a card; about no card only a moderator or admin', () => {
    const w = world();
    expect(code(w.run('memberA', v.open(proposalSettings([CARD]), VOTE)))).toBe('accepted');
    expect(reason(w.run('memberB', v.open(proposalSettings([]))))).toBe('standalone_needs_moderator');
    expect(code(w.run('moderatorB', v.open(proposalSettings([]))))).toBe('accepted');
  });

  it('D3 the event carries the eligible set frozen from active partners and active people', () => {
    const w = world();
    const d = w.run('memberA', v.open(proposalSettings([CARD]), VOTE));
    expect(d.ok && d.events[0]?.type === 'vote.opened' ? d.events[0].data.vote.eligible : null).toEqual({
      partnerIds: [A, B].sort(),
      personIds: [PEOPLE.memberA, PEOPLE.dezernentA, PEOPLE.deputyA, PEOPLE.memberB, PEOPLE.moderatorB].map((p) => p.id).sort(),
    });
    expect(w.state.votes[VOTE]?.openedBy).toBe(PEOPLE.memberA.id);
  });

  it('a vote about an unknown card is not_found; a duplicate vote id a conflict', () => {
    const w = world();
    expect(code(w.run('memberA', v.open(proposalSettings([testId(99)]))))).toBe('not_found');
    w.run('memberA', v.open(proposalSettings([CARD]), VOTE));
    expect(code(w.run('memberA', v.open(proposalSettings([CARD]), VOTE)))).toBe('conflict');
  });

  it('D6 a closing time that is not ahead is refused', () => {
    const w = world();
    expect(reason(w.run('memberA', v.open(proposalSettings([CARD], { closesAt: T0 }))))).toBe('closes_in_past');
  });
});

describe('decide: vote.cast', () => {
  it('D12 casting twice keeps both ballots; the last one counts', () => {
    const w = world();
    w.run('memberA', v.open(proposalSettings([CARD]), VOTE));
    expect(code(w.run('memberA', v.cast(VOTE, position('agree')), '2026-03-10T09:01:00.000Z'))).toBe('accepted');
    expect(code(w.run('dezernentA', v.cast(VOTE, position('block')), '2026-03-10T09:02:00.000Z'))).toBe('accepted');
    const vote = w.state.votes[VOTE];
    expect(vote?.ballots.map((b) => b.choice)).toEqual([position('agree'), position('block')]);
    expect(vote && computeResult(vote).tally.options).toMatchObject({ agree: 0, block: 1 });
  });

  it('D40 every ballot event carries a seal drawn from the injected source (the domain draws no randomness)', () => {
    const w = world();
    w.run('memberA', v.open(proposalSettings([CARD]), VOTE));
    const seals = (['memberA', 'memberB'] as const).map((who) => {
      const d = w.run(who, v.cast(VOTE, position('agree')));
      return d.ok && d.events[0]?.type === 'vote.ballot_cast' ? d.events[0].data.seal : null;
    });
    expect(seals).toEqual(['1'.padStart(32, '0'), '1'.padStart(32, '0')]);
    expect(w.state.votes[VOTE]?.ballots).toHaveLength(2);
  });

  it('D10 a ballot after close, or at the closing time, is refused with conflict', () => {
    const w = world();
    w.run('memberA', v.open(proposalSettings([CARD], { closesAt: '2026-03-10T10:00:00.000Z' }), VOTE));
    expect(reason(w.run('memberB', v.cast(VOTE, position('agree')), '2026-03-10T10:00:00.000Z'))).toBe('past_closing_time');
    w.run('memberA', v.close(VOTE));
    expect(reason(w.run('memberB', v.cast(VOTE, position('agree'))))).toBe('vote_closed');
  });

  it('D10 a person who was not eligible when the vote opened may not cast', () => {
    const w = world();
    w.run('memberA', v.open(proposalSettings([CARD]), VOTE));
    const gone = w.state.members[PEOPLE.gone.id];
    if (gone) w.state.members[PEOPLE.gone.id] = { ...gone, active: true };
    expect(reason(w.run('gone', v.cast(VOTE, position('agree'))))).toBe('person_not_eligible');
  });

  it('D11 representative ballots: a member is refused, the dezernent and a deputy in range may cast', () => {
    const w = world();
    w.run('moderatorB', v.open(proposalSettings([CARD], { partnerBallotBy: 'representative' }), VOTE));
    expect(reason(w.run('memberA', v.cast(VOTE, position('agree'))))).toBe('not_representative');
    expect(code(w.run('dezernentA', v.cast(VOTE, position('agree'))))).toBe('accepted');
    expect(code(w.run('deputyA', v.cast(VOTE, position('abstain'))))).toBe('accepted');
    expect(reason(w.run('deputyA', v.cast(VOTE, position('abstain')), '2026-03-12T09:00:00.000Z'))).toBe('not_representative');
  });

  it('D7 a ballot that does not fit the vote is invalid_payload', () => {
    const w = world();
    w.run('memberA', v.open(proposalSettings([CARD], { config: { kind: 'proposal', reasonMode: 'required', passRule: 'consent' } }), VOTE));
    expect(code(w.run('memberA', v.cast(VOTE, position('agree'))))).toBe('invalid_payload');
    expect(code(w.run('memberA', v.cast(VOTE, { kind: 'choice', optionIds: [] })))).toBe('invalid_payload');
  });
});

describe('decide: vote.close and vote.record_outcome', () => {
  it('D25 only the opener or a moderator closes; the event carries the result of closeVote', () => {
    const w = world();
    w.run('memberA', v.open(proposalSettings([CARD]), VOTE));
    w.run('memberB', v.cast(VOTE, position('block')));
    expect(reason(w.run('memberB', v.close(VOTE)))).toBe('not_opener_or_moderator');
    const d = w.run('moderatorB', v.close(VOTE), '2026-03-10T09:30:00.000Z');
    const closed = d.ok ? d.events[0] : null;
    expect(closed?.type === 'vote.closed' && closed.data).toMatchObject({ closedBy: PEOPLE.moderatorB.id, closedAt: '2026-03-10T09:30:00.000Z' });
    expect(closed?.type === 'vote.closed' && closed.data.result).toMatchObject({ verdict: 'rejected', reason: 'blocked' });
    expect(code(w.run('memberA', v.close(VOTE)))).toBe('conflict');
  });

  it('D35 the system closes a vote only once it is due, dated at its closing time and by nobody', () => {
    const w = world();
    w.run('memberA', v.open(proposalSettings([CARD], { closesAt: '2026-03-10T10:00:00.000Z' }), VOTE));
    expect(code(w.run('system', v.close(VOTE), '2026-03-10T09:59:59.000Z'))).toBe('conflict');
    expect(code(w.run('system', v.close(VOTE), '2026-03-10T12:00:00.000Z'))).toBe('accepted');
    expect(w.state.votes[VOTE]).toMatchObject({ status: 'closed', closedAt: '2026-03-10T10:00:00.000Z', closedBy: null });
  });

  it('D35 the system may do nothing but close votes', () => {
    const w = world();
    expect(code(w.run('system', v.open(proposalSettings([CARD]))))).toBe('forbidden');
  });

  it('D28 after close the opener or a moderator records the outcome once; it becomes a decision', () => {
    const w = world();
    w.run('memberA', v.open(proposalSettings([CARD]), VOTE));
    expect(reason(w.run('memberA', v.recordOutcome(VOTE, 'Beschlossen')))).toBe('vote_open');
    w.run('memberA', v.close(VOTE));
    expect(reason(w.run('memberB', v.recordOutcome(VOTE, 'Beschlossen')))).toBe('not_opener_or_moderator');
    const decisionId = testId(70);
    expect(code(w.run('memberA', v.recordOutcome(VOTE, 'Nicht beschlossen: keine Zustimmung.', decisionId)))).toBe('accepted');
    expect(w.state.votes[VOTE]).toMatchObject({ decisionId, outcome: { text: 'Nicht beschlossen: keine Zustimmung.', by: PEOPLE.memberA.id } });
    expect(reason(w.run('moderatorB', v.recordOutcome(VOTE, 'Noch einmal')))).toBe('outcome_recorded');
  });
});
