import type { Ballot } from '@verbund/shared/votes';
import { checkChoice } from './check-choice.js';
import { isEligibleBallot, voterKey, type CountableVote } from './eligible.js';
import { compareInstants, isBefore } from './instant.js';

/** The ballot that counts for one voice. */
export type EffectiveBallot = { voterKey: string; ballot: Ballot };

/**
 * Whether a ballot in the history can count at all (D13): cast by someone in the frozen eligible
 * set, before the closing time, with a choice that fits the vote.
 */
export function isCountable(vote: CountableVote, ballot: Ballot): boolean {
  const { closesAt } = vote.settings;
  return (
    isEligibleBallot(vote.eligible, ballot) &&
    (closesAt === null || isBefore(ballot.castAt, closesAt)) &&
    checkChoice(vote.settings, ballot.choice) === null
  );
}

/**
 * One ballot per voice (D12): per voter key (person or partner), the countable ballot with the
 * latest `castAt`; between equal times the later one in the history. Sorted by voter key, so the
 * answer does not depend on the order of ballots of different voters.
 */
export function effectiveBallots(vote: CountableVote): EffectiveBallot[] {
  const latest = new Map<string, { ballot: Ballot; index: number }>();
  vote.ballots.forEach((ballot, index) => {
    if (!isCountable(vote, ballot)) return;
    const key = voterKey(vote, ballot);
    const current = latest.get(key);
    if (!current || supersedes({ ballot, index }, current)) latest.set(key, { ballot, index });
  });
  return [...latest.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { ballot }]) => ({ voterKey: key, ballot }));
}

function supersedes(next: { ballot: Ballot; index: number }, current: { ballot: Ballot; index: number }): boolean {
  const byTime = compareInstants(next.ballot.castAt, current.ballot.castAt);
  return byTime > 0 || (byTime === 0 && next.index > current.index);
}

/** The ballot that counts for a given voter key, if any. */
export function effectiveBallotOf(vote: CountableVote, key: string): Ballot | null {
  return effectiveBallots(vote).find((e) => e.voterKey === key)?.ballot ?? null;
}
