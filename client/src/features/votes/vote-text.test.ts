import { describe, expect, it } from 'vitest';
import { voteView, voteViewId } from '../../test/fixtures';
import { mayTakePart, waitingFor, type Voter } from './vote-text';

const member: Voter = { personId: voteViewId(100), partnerId: voteViewId(200), representative: false };
const dezernent: Voter = { ...member, representative: true };
const onlyRepresentatives = voteView(1, { settings: { ...voteView(1).settings, partnerBallotBy: 'representative' } });

describe('who may take part (D3, D10, D11)', () => {
  it('D11 a partner ballot cast by representatives only waits for the dezernent or deputy, not for every member', () => {
    expect(mayTakePart(onlyRepresentatives, member)).toBe(false);
    expect(mayTakePart(onlyRepresentatives, dezernent)).toBe(true);
    expect(waitingFor([onlyRepresentatives, voteView(2)], member).map((v) => v.id)).toEqual([voteViewId(2)]);
  });

  it('D3 D10 someone outside the frozen eligible set, or a closed vote, waits for nobody', () => {
    expect(mayTakePart(voteView(1), { ...member, personId: voteViewId(999) })).toBe(false);
    expect(mayTakePart(voteView(1, { status: 'closed' }), dezernent)).toBe(false);
  });

  it('D32 a vote whose voice already has a ballot no longer waits', () => {
    const cast = voteView(3, { ownBallot: { personId: member.personId, partnerId: member.partnerId, castAt: '2026-05-04T11:00:00.000Z', choice: { kind: 'proposal', position: 'agree' } } });
    expect(waitingFor([cast], member)).toEqual([]);
  });
});
