import { BALLOT_POSITIONS, type BallotChoice, type Participation, type VoteSettings, type VoteTally } from '@verbund/shared/votes';
import { effectiveBallots, type EffectiveBallot } from './effective-ballots.js';
import type { CountableVote } from './eligible.js';

type Counts = Record<string, number>;

/** The options a vote counts, in the order the vote lists them (D14). */
export function optionKeys(settings: VoteSettings): string[] {
  const config = settings.config;
  switch (config.kind) {
    case 'proposal':
      return [...BALLOT_POSITIONS];
    case 'choice':
      return config.options.map((o) => o.id);
    case 'prioritisation':
      return [...config.cardIds];
  }
}

/** What one ballot adds to each option: 1 per position or chosen option, points per card (D14). */
function contribution(choice: BallotChoice): [string, number][] {
  switch (choice.kind) {
    case 'proposal':
      return [[choice.position, 1]];
    case 'choice':
      return [...new Set(choice.optionIds)].map((id) => [id, 1]);
    case 'prioritisation':
      return Object.entries(choice.allocations);
  }
}

const zeroCounts = (keys: readonly string[]): Counts => Object.fromEntries(keys.map((k) => [k, 0]));

function add(counts: Counts, choice: BallotChoice): void {
  for (const [key, n] of contribution(choice)) {
    if (Object.hasOwn(counts, key)) counts[key] = (counts[key] ?? 0) + n;
  }
}

/**
 * Counts per option and per eligible partner (D14, D15). Per partner, a partner's people are
 * summed when counting per person; when counting per partner it is the partner's one ballot.
 * Anonymous votes get no per-partner breakdown (D30).
 */
export function tallyVote(vote: CountableVote, effective: readonly EffectiveBallot[] = effectiveBallots(vote)): VoteTally {
  const keys = optionKeys(vote.settings);
  const options = zeroCounts(keys);
  const partners: Record<string, Counts> = Object.fromEntries(vote.eligible.partnerIds.map((id) => [id, zeroCounts(keys)]));
  for (const { ballot } of effective) {
    add(options, ballot.choice);
    const own = partners[ballot.partnerId];
    if (own) add(own, ballot.choice);
  }
  return { options, partners: vote.settings.anonymous ? null : partners, voices: effective.length };
}

/**
 * Who has a counted voice and who not yet (D16). Per partner, `people.voted` are those who cast
 * their partner's counted ballot and `people.notYet` is empty: there the partner is the voter.
 */
export function participationOf(
  vote: CountableVote,
  effective: readonly EffectiveBallot[] = effectiveBallots(vote),
): Participation {
  const partnersVoted = new Set(effective.map((e) => e.ballot.partnerId));
  const peopleVoted = new Set(effective.map((e) => e.ballot.personId));
  const split = (ids: readonly string[], voted: Set<string>) => ({
    voted: ids.filter((id) => voted.has(id)),
    notYet: ids.filter((id) => !voted.has(id)),
  });
  const people = split(vote.eligible.personIds, peopleVoted);
  return {
    partners: split(vote.eligible.partnerIds, partnersVoted),
    people: vote.settings.counting === 'partner' ? { voted: people.voted, notYet: [] } : people,
  };
}
