import { describe, expect, it } from 'vitest';
import { ballotChoiceSchema, ballotSchema, voteCardIds, voteSettingsSchema, type VoteSettings } from './votes.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const base: VoteSettings = {
  title: 'Gemeinsames Serviceportal',
  description: '',
  cardIds: [uuid(1)],
  config: { kind: 'proposal', reasonMode: 'optional', passRule: 'consent' },
  counting: 'partner',
  partnerBallotBy: 'representative',
  quorum: { minPartners: 3 },
  visibility: 'live',
  anonymous: false,
  closesAt: '2026-05-04T12:00:00.000Z',
};

const issuesOf = (input: unknown) => {
  const parsed = voteSettingsSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('vote settings', () => {
  it('D1 accepts each kind with its own settings', () => {
    expect(issuesOf(base)).toEqual([]);
    expect(issuesOf({ ...base, config: { kind: 'prioritisation', points: 10, cardIds: [uuid(1), uuid(2)] } })).toEqual([]);
    expect(
      issuesOf({
        ...base,
        config: { kind: 'choice', options: [{ id: uuid(5), label: 'A' }, { id: uuid(6), label: 'B' }], maxChoices: 2 },
      }),
    ).toEqual([]);
  });

  it('D1 refuses settings of another kind, unknown fields and out-of-range values', () => {
    expect(issuesOf({ ...base, config: { kind: 'proposal', reasonMode: 'optional', passRule: 'consent', points: 3 } })).not.toEqual([]);
    expect(issuesOf({ ...base, config: { kind: 'prioritisation', points: 0, cardIds: [uuid(1), uuid(2)] } })).toEqual(['config.points']);
    expect(issuesOf({ ...base, config: { kind: 'prioritisation', points: 101, cardIds: [uuid(1), uuid(2)] } })).toEqual(['config.points']);
    expect(issuesOf({ ...base, config: { kind: 'prioritisation', points: 5, cardIds: [uuid(1)] } })).toEqual(['config.cardIds']);
    expect(issuesOf({ ...base, config: { kind: 'prioritisation', points: 5, cardIds: [uuid(1), uuid(1)] } })).toEqual(['config.cardIds']);
    expect(issuesOf({ ...base, extra: true })).not.toEqual([]);
    expect(issuesOf({ ...base, cardIds: Array.from({ length: 21 }, (_, i) => uuid(i + 1)) })).toEqual(['cardIds']);
    expect(issuesOf({ ...base, title: '   ' })).toEqual(['title']);
  });

  it('D1 a choice needs 2–20 distinct options and no more choices than options', () => {
    const options = [{ id: uuid(5), label: 'A' }, { id: uuid(6), label: 'B' }];
    expect(issuesOf({ ...base, config: { kind: 'choice', options: options.slice(0, 1), maxChoices: 1 } })).toEqual(['config.options']);
    expect(issuesOf({ ...base, config: { kind: 'choice', options: [options[0], options[0]], maxChoices: 1 } })).toEqual(['config.options']);
    expect(issuesOf({ ...base, config: { kind: 'choice', options, maxChoices: 3 } })).toEqual(['config.maxChoices']);
  });

  it('D5 anonymous ballots only when counting per person', () => {
    expect(issuesOf({ ...base, anonymous: true })).toEqual(['anonymous']);
    expect(issuesOf({ ...base, anonymous: true, counting: 'person' })).toEqual([]);
  });

  it('D6 a quorum of people only when counting per person', () => {
    expect(issuesOf({ ...base, quorum: { minPeople: 5 } })).toEqual(['quorum.minPeople']);
    expect(issuesOf({ ...base, counting: 'person', quorum: { minPeople: 5, minPartners: 2 } })).toEqual([]);
    expect(issuesOf({ ...base, quorum: { minPartners: 0 } })).toEqual(['quorum.minPartners']);
  });

  it('D25 a vote without closing time is closed by hand', () => {
    expect(issuesOf({ ...base, closesAt: null })).toEqual([]);
    expect(issuesOf({ ...base, closesAt: '2026-05-04T12:00:00+02:00' })).toEqual(['closesAt']);
  });
});

describe('ballots', () => {
  it('D7 a proposal ballot is a position with an optional bounded reason', () => {
    expect(ballotChoiceSchema.safeParse({ kind: 'proposal', position: 'block', reason: 'Datenschutz' }).success).toBe(true);
    expect(ballotChoiceSchema.safeParse({ kind: 'proposal', position: 'veto' }).success).toBe(false);
    expect(ballotChoiceSchema.safeParse({ kind: 'proposal', position: 'agree', reason: '' }).success).toBe(false);
    expect(ballotChoiceSchema.safeParse({ kind: 'proposal', position: 'agree', reason: 'x'.repeat(2001) }).success).toBe(false);
  });

  it('D8 a choice ballot lists distinct option ids, possibly none', () => {
    expect(ballotChoiceSchema.safeParse({ kind: 'choice', optionIds: [] }).success).toBe(true);
    expect(ballotChoiceSchema.safeParse({ kind: 'choice', optionIds: [uuid(5), uuid(5)] }).success).toBe(false);
  });

  it('D9 a prioritisation ballot gives whole, non-negative points per card id', () => {
    expect(ballotChoiceSchema.safeParse({ kind: 'prioritisation', allocations: { [uuid(1)]: 3 } }).success).toBe(true);
    expect(ballotChoiceSchema.safeParse({ kind: 'prioritisation', allocations: { [uuid(1)]: -1 } }).success).toBe(false);
    expect(ballotChoiceSchema.safeParse({ kind: 'prioritisation', allocations: { [uuid(1)]: 1.5 } }).success).toBe(false);
    expect(ballotChoiceSchema.safeParse({ kind: 'prioritisation', allocations: { 'not-a-card': 1 } }).success).toBe(false);
  });

  it('D12 a stored ballot names person, partner and time', () => {
    const stored = { personId: uuid(11), partnerId: uuid(1), castAt: '2026-05-04T10:01:00.000Z', choice: { kind: 'proposal', position: 'agree' } };
    expect(ballotSchema.safeParse(stored).success).toBe(true);
    expect(ballotSchema.safeParse({ ...stored, partnerId: undefined }).success).toBe(false);
  });
});

describe('voteCardIds', () => {
  it('D28 a decision links to the linked cards and the prioritised cards, once each', () => {
    expect(voteCardIds({ ...base, cardIds: [uuid(1)], config: { kind: 'prioritisation', points: 3, cardIds: [uuid(1), uuid(2)] } })).toEqual([
      uuid(1),
      uuid(2),
    ]);
    expect(voteCardIds({ ...base, cardIds: [] })).toEqual([]);
  });
});
