import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR_ID } from '@verbund/shared/events';
import { openRound, type Position } from '@verbund/shared/features/positions/positions-feature';
import type { Role } from '@verbund/shared/model';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { contextAt, testId } from '../../test-support/builders.js';
import { outcome } from '../../test-support/decide-pure.js';
import { littleEngine } from '../../test-support/little-engine.js';
import { positionCommandsFor } from '../../test-support/position-commands.js';
import { actorFrom, type Actor } from '../actor.js';

const WS = testId(10);
const [LEAD, OTHER, GONE] = [testId(12), testId(13), testId(14)];
const POSITION = testId(40);
const NOW = '2026-12-04T10:00:00.000Z';
const LATER = '2026-12-05T09:00:00.000Z';
const HASH = 'b'.repeat(64);

const PEOPLE = {
  leadMember: { id: testId(20), partnerId: LEAD, roles: ['member'] },
  leadDezernent: { id: testId(21), partnerId: LEAD, roles: ['member', 'dezernent'] },
  otherDezernent: { id: testId(22), partnerId: OTHER, roles: ['member', 'dezernent'] },
  otherDeputy: { id: testId(23), partnerId: OTHER, roles: ['member'] },
  otherMember: { id: testId(24), partnerId: OTHER, roles: ['member'] },
  moderator: { id: testId(25), partnerId: OTHER, roles: ['member', 'moderator'] },
} satisfies Record<string, { id: string; partnerId: string; roles: Role[] }>;
type Who = keyof typeof PEOPLE | 'system';

function baseState(): WorkspaceState {
  const position: Position = {
    id: POSITION, title: 'Stellungnahme', addressee: { kind: 'land', name: 'Land Niedersachsen' }, leadPartnerId: LEAD, dueDate: null,
    status: 'draft', cardIds: [], createdBy: PEOPLE.leadMember.id, createdAt: NOW, updatedAt: NOW,
  };
  return {
    ...emptyState(WS),
    partners: {
      [LEAD]: { id: LEAD, name: 'Stadt Wolfsburg', shortName: 'WOB', active: true },
      [OTHER]: { id: OTHER, name: 'Stadt Braunschweig', shortName: 'BS', active: true },
      [GONE]: { id: GONE, name: 'Stadt Alt', shortName: 'ALT', active: false },
    },
    members: Object.fromEntries(Object.values(PEOPLE).map((p) => [p.id, { personId: p.id, partnerId: p.partnerId, roles: p.roles, active: true, erased: false, joinedAt: NOW }])),
    // The deputy stands in for Braunschweig's Dezernent on 4 December only.
    deputyships: { [testId(60)]: { id: testId(60), partnerId: OTHER, dezernentId: PEOPLE.otherDezernent.id, deputyId: PEOPLE.otherDeputy.id, from: '2026-12-04', to: '2026-12-04', revoked: false } },
    positions: { [POSITION]: position },
  };
}

const actorOf = (state: WorkspaceState, who: Who): Actor =>
  who === 'system' ? { personId: SYSTEM_ACTOR_ID, partnerId: '', roles: [] } : (actorFrom(state, PEOPLE[who].id) ?? { personId: PEOPLE[who].id, partnerId: '', roles: [] });
const p = positionCommandsFor(WS, LEAD);

/** A state with a round running, started by `by`, and the commands to follow it. */
function started(by: keyof typeof PEOPLE = 'leadMember') {
  const engine = littleEngine(baseState(), actorOf, contextAt);
  const start = p.startSignoff(POSITION, PEOPLE[by].id, { hash: HASH });
  const decision = engine.run('system', start, NOW);
  const round = openRound(engine.state.positionRounds[POSITION]);
  return { ...engine, decision, round, roundId: start.payload.round.id, start };
}

describe('the sign-off round (docs/position-rules.md P10–P14)', () => {
  it('P10 a member of the lead partner or a moderator starts it on a draft: the version is recorded, the partners active now are entitled, the position is in review', () => {
    const { decision, round, state, start } = started();
    expect(outcome(decision)).toBe('accepted');
    expect(state.positions[POSITION]?.status).toBe('in_review');
    expect(state.positionVersions[POSITION]).toEqual([start.payload.version]);
    expect(round).toMatchObject({ versionId: start.payload.version.id, hash: HASH, startedBy: PEOPLE.leadMember.id, entitled: [LEAD, OTHER].sort(), answers: {}, outcome: null });
    expect(outcome(started('moderator').decision)).toBe('accepted');
  });

  it('P10 nobody else starts it, not from another status, and never twice at once', () => {
    expect(outcome(started('otherMember').decision)).toBe('forbidden:not_round_runner');
    const { run } = started();
    expect(outcome(run('system', p.startSignoff(POSITION, PEOPLE.leadMember.id), NOW))).toBe('conflict:position_not_draft');
    expect(outcome(run('leadMember', p.startSignoff(POSITION, PEOPLE.leadMember.id), NOW))).toBe('forbidden:no reason');
  });

  it('P11 a partner that joins during the round does not block it: the round is adopted by those entitled at its start', () => {
    const { run, roundId, state } = started();
    const NEW = testId(15);
    const newcomer = { id: testId(26), partnerId: NEW, roles: ['member', 'dezernent'] as Role[] };
    state.partners[NEW] = { id: NEW, name: 'Landkreis Neu', shortName: 'NEU', active: true };
    state.members[newcomer.id] = { personId: newcomer.id, partnerId: NEW, roles: newcomer.roles, active: true, erased: false, joinedAt: NOW };
    const asNewcomer: Actor = { personId: newcomer.id, partnerId: NEW, roles: newcomer.roles };
    const answerAsNewcomer = littleEngine(state, () => asNewcomer, contextAt).run(undefined, p.answer(POSITION, roundId, NEW, HASH), NOW);
    expect(outcome(answerAsNewcomer)).toBe('forbidden:partner_not_entitled');
    expect(outcome(run('otherDezernent', p.answer(POSITION, roundId, OTHER, HASH), NOW))).toBe('accepted');
    expect(outcome(run('leadDezernent', p.answer(POSITION, roundId, LEAD, HASH), NOW))).toBe('accepted');
    expect(state.positions[POSITION]?.status).toBe('adopted');
    expect(state.positionRounds[POSITION]?.[0]?.entitled).toEqual([LEAD, OTHER].sort());
  });

  it('P12 each entitled partner answers once, by its Dezernent or a deputy on the day (in Vertretung für), on exactly the round’s hash', () => {
    const { run, roundId, state } = started();
    expect(outcome(run('otherDezernent', p.answer(POSITION, roundId, OTHER, 'c'.repeat(64)), NOW))).toBe('conflict:hash_mismatch');
    expect(outcome(run('otherMember', p.answer(POSITION, roundId, OTHER, HASH), NOW))).toBe('forbidden:not_representative');
    expect(outcome(run('leadDezernent', p.answer(POSITION, roundId, OTHER, HASH), NOW))).toBe('forbidden:not_representative');
    expect(outcome(run('otherDezernent', p.answer(POSITION, roundId, GONE, HASH), NOW))).toBe('forbidden:partner_not_entitled');
    // The deputyship covers 4 December only: a day later the deputy no longer answers.
    expect(outcome(run('otherDeputy', p.answer(POSITION, roundId, OTHER, HASH), LATER))).toBe('forbidden:not_representative');
    expect(outcome(run('otherDeputy', p.answer(POSITION, roundId, OTHER, HASH), NOW))).toBe('accepted');
    expect(state.positionRounds[POSITION]?.[0]?.answers[OTHER]).toEqual({ decision: 'approved', by: PEOPLE.otherDeputy.id, onBehalfOf: PEOPLE.otherDezernent.id, reason: null, at: NOW });
    expect(outcome(run('otherDezernent', p.answer(POSITION, roundId, OTHER, HASH), NOW))).toBe('conflict:already_answered');
    expect(state.positions[POSITION]?.status).toBe('in_review');
  });

  it('P13 the position is adopted once every entitled partner approved that hash', () => {
    const { run, roundId, state } = started();
    expect(outcome(run('otherDezernent', p.answer(POSITION, roundId, OTHER, HASH), NOW))).toBe('accepted');
    expect(outcome(run('leadDezernent', p.answer(POSITION, roundId, LEAD, HASH), NOW))).toBe('accepted');
    expect(state.positions[POSITION]?.status).toBe('adopted');
    expect(state.positionRounds[POSITION]?.[0]).toMatchObject({ outcome: 'adopted', endedAt: NOW, endedBy: PEOPLE.leadDezernent.id });
    expect(state.positionRounds[POSITION]?.[0]?.answers[LEAD]?.onBehalfOf).toBeNull();
    expect(outcome(run('leadDezernent', p.withdraw(POSITION, roundId), NOW))).toBe('conflict:round_not_open');
  });

  it('P14 a decline (with its reason) or a withdrawal returns the position to draft; a new round can start', () => {
    const declined = started();
    expect(outcome(declined.run('otherDezernent', p.answer(POSITION, declined.roundId, OTHER, HASH, 'decline', null), NOW))).toBe('invalid_payload:reason_required');
    expect(outcome(declined.run('otherDezernent', p.answer(POSITION, declined.roundId, OTHER, HASH, 'decline', 'Kosten ungeklärt'), NOW))).toBe('accepted');
    expect(declined.state.positions[POSITION]?.status).toBe('draft');
    expect(declined.state.positionRounds[POSITION]?.[0]).toMatchObject({ outcome: 'declined', answers: { [OTHER]: { decision: 'declined', reason: 'Kosten ungeklärt' } } });
    // A change after the decline is a new version: the new round carries no approval over (P14).
    expect(outcome(declined.run('system', p.startSignoff(POSITION, PEOPLE.moderator.id, { hash: 'c'.repeat(64) }), NOW))).toBe('accepted');
    expect(declined.state.positionRounds[POSITION]).toHaveLength(2);
    expect(declined.state.positionRounds[POSITION]?.[1]).toMatchObject({ hash: 'c'.repeat(64), answers: {}, outcome: null });
    expect(declined.state.positionRounds[POSITION]?.[0]?.answers[OTHER]?.decision).toBe('declined');

    const withdrawn = started();
    expect(outcome(withdrawn.run('otherMember', p.withdraw(POSITION, withdrawn.roundId), NOW))).toBe('forbidden:not_round_runner');
    expect(outcome(withdrawn.run('moderator', p.withdraw(POSITION, withdrawn.roundId), NOW))).toBe('accepted');
    expect(withdrawn.state.positions[POSITION]?.status).toBe('draft');
    expect(withdrawn.state.positionRounds[POSITION]?.[0]).toMatchObject({ outcome: 'withdrawn', endedBy: PEOPLE.moderator.id });
  });
});
