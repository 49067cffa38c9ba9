import type { OpenVote, Vote } from '@verbund/shared/votes';
import { compareInstants } from './instant.js';

type Schedulable = Pick<Vote, 'id' | 'status'> & { settings: Pick<Vote['settings'], 'closesAt'> };

/**
 * The open votes whose closing time has come at `now` (D26), earliest first (ties by id), so that
 * a scheduler, also one that wakes after a restart, closes them in one deterministic order.
 */
export function dueVotes<V extends Schedulable>(votes: Iterable<V>, now: string): (V & Pick<OpenVote, 'status'>)[] {
  const due: (V & Pick<OpenVote, 'status'>)[] = [];
  for (const vote of votes) {
    const { closesAt } = vote.settings;
    if (isOpen(vote) && closesAt !== null && compareInstants(closesAt, now) <= 0) due.push(vote);
  }
  return due.sort(byClosingTime);
}

/** When the scheduler next needs to wake: the earliest closing time of an open vote, or null. */
export function nextClosingAt(votes: Iterable<Schedulable>): string | null {
  let next: string | null = null;
  for (const vote of votes) {
    const { closesAt } = vote.settings;
    if (vote.status === 'open' && closesAt !== null && (next === null || compareInstants(closesAt, next) < 0)) next = closesAt;
  }
  return next;
}

function isOpen<V extends Schedulable>(vote: V): vote is V & Pick<OpenVote, 'status'> {
  return vote.status === 'open';
}

function byClosingTime(a: Schedulable, b: Schedulable): number {
  return compareInstants(a.settings.closesAt ?? '', b.settings.closesAt ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
