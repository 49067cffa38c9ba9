import { describe, expect, it } from 'vitest';
import type { SignoffAnswer, SignoffRound } from '@verbund/shared/features/positions/positions-feature';
import { AT, PARTNER_BS, PARTNER_WOB, stateWith, uuid } from '../../test/fixtures';
import { answerableFor, standingOf } from './signoff-view';

const DEZERNENT = uuid();
const DEPUTY = uuid();

function state() {
  const s = stateWith([]);
  const member = (personId: string, roles: ('member' | 'dezernent')[]) => ({ personId, partnerId: PARTNER_WOB, roles, active: true, erased: false, joinedAt: AT });
  s.members[DEZERNENT] = member(DEZERNENT, ['member', 'dezernent']);
  s.members[DEPUTY] = member(DEPUTY, ['member']);
  const id = uuid();
  s.deputyships[id] = { id, partnerId: PARTNER_WOB, dezernentId: DEZERNENT, deputyId: DEPUTY, from: '2026-12-01', to: '2026-12-10', revoked: false };
  return s;
}

const round = (overrides: Partial<SignoffRound> = {}): SignoffRound => ({
  id: uuid(),
  versionId: uuid(),
  hash: 'a'.repeat(64),
  startedBy: DEZERNENT,
  startedAt: AT,
  entitled: [PARTNER_BS, PARTNER_WOB],
  answers: {},
  outcome: null,
  endedAt: null,
  endedBy: null,
  ...overrides,
});
const approval: SignoffAnswer = { decision: 'approved', by: DEZERNENT, onBehalfOf: null, reason: null, at: AT };

describe('who answers for a partner in the browser (P12, the server decides)', () => {
  it('the Dezernent answers for their partner, in their own name', () => {
    expect(answerableFor(state(), DEZERNENT, round(), '2026-12-04')).toEqual({ partnerId: PARTNER_WOB, onBehalfOf: null });
  });

  it('a deputy answers in Vertretung für the Dezernent on a day of the deputyship, not after it', () => {
    expect(answerableFor(state(), DEPUTY, round(), '2026-12-10')).toEqual({ partnerId: PARTNER_WOB, onBehalfOf: DEZERNENT });
    expect(answerableFor(state(), DEPUTY, round(), '2026-12-11')).toBeNull();
  });

  it('nobody answers twice, nor for a partner not entitled in the round', () => {
    expect(answerableFor(state(), DEZERNENT, round({ answers: { [PARTNER_WOB]: approval } }), '2026-12-04')).toBeNull();
    expect(answerableFor(state(), DEZERNENT, round({ entitled: [PARTNER_BS] }), '2026-12-04')).toBeNull();
  });
});

describe('a partner’s standing in words', () => {
  it('open while the round runs, no answer once it ended', () => {
    expect(standingOf(round(), null)).toBe('open');
    expect(standingOf(round({ outcome: 'withdrawn' }), null)).toBe('unanswered');
  });

  it('an approval holds in the adopted round and is superseded in a declined or withdrawn one', () => {
    expect(standingOf(round(), approval)).toBe('approved');
    expect(standingOf(round({ outcome: 'adopted' }), approval)).toBe('approved');
    expect(standingOf(round({ outcome: 'declined' }), approval)).toBe('superseded');
    expect(standingOf(round({ outcome: 'withdrawn' }), approval)).toBe('superseded');
  });
});
