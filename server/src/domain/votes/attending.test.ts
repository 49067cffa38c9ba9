import { describe, expect, it } from 'vitest';
import { attendingEligible } from './attending.js';

const all = { partnerIds: ['A', 'B', 'C'], personIds: ['a1', 'a2', 'b1', 'c1', 'x1'] };
const present = [
  { personId: 'a1', partnerId: 'A' },
  { personId: 'a2', partnerId: 'A' },
  { personId: 'b1', partnerId: 'B' },
  { personId: 'c1', partnerId: 'C' },
  // Not in the set D3 froze (a person of a partner that is not active): never entitled.
  { personId: 'x1', partnerId: 'X' },
  { personId: 'y1', partnerId: 'A' },
];
const dezernents = new Set(['a2', 'b1']);
const speaksFor = (personId: string) => dezernents.has(personId);

describe('entitled from attendance (M17, D3 in a session)', () => {
  it('M17 per partner by representatives: partners with their dezernent or deputy there, and their people there', () => {
    expect(attendingEligible({ counting: 'partner', partnerBallotBy: 'representative' }, all, present, speaksFor)).toEqual({
      partnerIds: ['A', 'B'],
      personIds: ['a1', 'a2', 'b1'],
    });
  });

  it('M17 per partner by any member: every partner with a member there', () => {
    expect(attendingEligible({ counting: 'partner', partnerBallotBy: 'any_member' }, all, present, speaksFor)).toEqual({
      partnerIds: ['A', 'B', 'C'],
      personIds: ['a1', 'a2', 'b1', 'c1'],
    });
  });

  it('M17 per person: the people there within the frozen set, whatever partnerBallotBy says', () => {
    expect(attendingEligible({ counting: 'person', partnerBallotBy: 'representative' }, all, present, speaksFor)).toEqual({
      partnerIds: ['A', 'B', 'C'],
      personIds: ['a1', 'a2', 'b1', 'c1'],
    });
  });

  it('M17 nobody there, nobody entitled', () => {
    expect(attendingEligible({ counting: 'person', partnerBallotBy: 'any_member' }, all, [], speaksFor)).toEqual({ partnerIds: [], personIds: [] });
  });
});
