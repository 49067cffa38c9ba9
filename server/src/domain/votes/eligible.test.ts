import { describe, expect, it } from 'vitest';
import { freezeEligible, isEligibleBallot, voterKey, votingUnits } from './eligible.js';
import { compareInstants } from './instant.js';
import { ELIGIBLE, openVote, partner, person, settings, uuid } from '../../test-support/vote-fixtures.js';

describe('eligible set', () => {
  it('D3 freezes the active partners and their people, sorted and distinct', () => {
    const eligible = freezeEligible(
      [
        { id: partner(2), active: true },
        { id: partner(1), active: true },
        { id: partner(3), active: false },
      ],
      [
        { id: person(2, 1), partnerId: partner(2) },
        { id: person(1, 1), partnerId: partner(1) },
        { id: person(3, 1), partnerId: partner(3) },
        { id: person(1, 1), partnerId: partner(1) },
      ],
    );
    expect(eligible).toEqual({ partnerIds: [partner(1), partner(2)], personIds: [person(1, 1), person(2, 1)] });
  });

  it('D3 someone outside the frozen set is not eligible', () => {
    expect(isEligibleBallot(ELIGIBLE, { personId: person(1, 1), partnerId: partner(1) })).toBe(true);
    expect(isEligibleBallot(ELIGIBLE, { personId: uuid(999), partnerId: partner(1) })).toBe(false);
    expect(isEligibleBallot(ELIGIBLE, { personId: person(1, 1), partnerId: uuid(5) })).toBe(false);
  });

  it('D4 the voice is the person or the partner, as the vote counts', () => {
    const b = { personId: person(2, 3), partnerId: partner(2) };
    expect(voterKey(openVote({ settings: settings({ counting: 'person' }) }), b)).toBe(person(2, 3));
    expect(voterKey(openVote({ settings: settings({ counting: 'partner' }) }), b)).toBe(partner(2));
    expect(votingUnits(openVote({ settings: settings({ counting: 'partner' }) }))).toHaveLength(4);
    expect(votingUnits(openVote({ settings: settings({ counting: 'person' }) }))).toHaveLength(12);
  });
});

describe('instants', () => {
  it('D12 orders times by instant, whatever the number of fraction digits', () => {
    expect(compareInstants('2026-05-04T10:00:00Z', '2026-05-04T10:00:00.500Z')).toBeLessThan(0);
    expect(compareInstants('2026-05-04T10:00:00.5Z', '2026-05-04T10:00:00.500Z')).toBe(0);
    expect(compareInstants('2026-05-04T10:00:01Z', '2026-05-04T10:00:00.999Z')).toBeGreaterThan(0);
  });
});
