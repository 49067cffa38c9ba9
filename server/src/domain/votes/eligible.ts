import type { Ballot, Eligible, Vote } from '@verbund/shared/votes';

/** The parts of a vote that its count depends on (D27): nothing else goes in. */
export type CountableVote = Pick<Vote, 'settings' | 'eligible' | 'ballots'>;

/**
 * Freezes who may take part when a vote opens (D3): the active partners and their people.
 * A partner or person added later is not in it. Sorted and distinct, so the set is canonical.
 */
export function freezeEligible(
  partners: readonly { id: string; active: boolean }[],
  people: readonly { id: string; partnerId: string }[],
): Eligible {
  const partnerIds = new Set(partners.filter((p) => p.active).map((p) => p.id));
  const personIds = new Set(people.filter((p) => partnerIds.has(p.partnerId)).map((p) => p.id));
  return { partnerIds: [...partnerIds].sort(), personIds: [...personIds].sort() };
}

/** Whose voice a ballot is (D4): the person's, or their partner's. */
export function voterKey(vote: Pick<Vote, 'settings'>, ballot: Pick<Ballot, 'personId' | 'partnerId'>): string {
  return vote.settings.counting === 'partner' ? ballot.partnerId : ballot.personId;
}

/** The voting units: every eligible partner, or every eligible person (D4). */
export function votingUnits(vote: Pick<Vote, 'settings' | 'eligible'>): readonly string[] {
  return vote.settings.counting === 'partner' ? vote.eligible.partnerIds : vote.eligible.personIds;
}

/** A ballot by someone outside the frozen set never counts, however it got into the history (D13). */
export function isEligibleBallot(eligible: Eligible, ballot: Pick<Ballot, 'personId' | 'partnerId'>): boolean {
  return eligible.personIds.includes(ballot.personId) && eligible.partnerIds.includes(ballot.partnerId);
}
