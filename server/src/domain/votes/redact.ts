import { WITHHELD_ACTOR_ID, type StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { SealedBallot } from '@verbund/shared/vote-wire';
import type { Ballot, Vote, VoteResult } from '@verbund/shared/votes';
import { toMinute } from './instant.js';

/**
 * The one place where ballots are taken out of what clients receive (D34). The log keeps every
 * ballot in full (audit trail, hash chain); events, catch-ups, snapshots, state, histories and
 * audit answers carry a sealed ballot instead: who (not for anonymous votes) and when, never what.
 * Clients learn choices and counts only from their own `VoteView` (D29–D32).
 *
 * Ballots are sealed always, not only where results are hidden: a result that is public now was
 * hidden a moment ago for someone, and one rule with no exception cannot be got wrong.
 */
export function sealBallot(ballot: Ballot | SealedBallot, anonymous: boolean): SealedBallot {
  // D39: an anonymous ballot names nobody, and its moment only to the minute.
  if (anonymous) return { personId: null, partnerId: null, castAt: toMinute(ballot.castAt), sealed: true };
  const sealed: SealedBallot = { personId: ballot.personId, partnerId: ballot.partnerId, castAt: ballot.castAt, sealed: true };
  return ballot.onBehalfOf ? { ...sealed, onBehalfOf: ballot.onBehalfOf } : sealed;
}

type BallotEvent = Extract<StoredEvent, { type: 'vote.ballot_cast' }>;
const isBallotEvent = (event: StoredEvent): event is BallotEvent => event.type === 'vote.ballot_cast';
const touchesVotes = (event: StoredEvent) => event.type === 'vote.ballot_cast' || event.type === 'vote.closed';

/**
 * A ballot event as clients may see it: sealed, without its seal (D40); in an anonymous vote
 * without anything that names the voter either, in the envelope too (D39).
 */
function redactBallotEvent(event: BallotEvent, anonymous: boolean): BallotEvent {
  const data = { voteId: event.data.voteId, ballot: sealBallot(event.data.ballot, anonymous) };
  if (!anonymous) return { ...event, data };
  return { ...event, actorId: WITHHELD_ACTOR_ID, partnerId: null, commandId: null, at: toMinute(event.at), data };
}

/** D38: an anonymous vote's result tells how many took part, never who (votes closed before D38 recorded the lists). */
export function redactResult(result: VoteResult, anonymous: boolean): VoteResult {
  return anonymous && result.participation !== null ? { ...result, participation: null } : result;
}

/**
 * Events as clients may see them. `anonymousVote` answers whether a vote is anonymous (from the state
 * or from the log); unknown votes are treated as anonymous. The same array comes back when there is
 * no ballot or closing in it, so the ordinary broadcast path pays one scan and no copy.
 */
export function redactEvents(events: StoredEvent[], anonymousVote: (voteId: string) => boolean): StoredEvent[] {
  if (!events.some(touchesVotes)) return events;
  return events.map((event) => {
    if (isBallotEvent(event)) return redactBallotEvent(event, anonymousVote(event.data.voteId));
    if (event.type !== 'vote.closed') return event;
    const result = redactResult(event.data.result, anonymousVote(event.data.voteId));
    return result === event.data.result ? event : { ...event, data: { ...event.data, result } };
  });
}

/** Whether a vote is anonymous, as the state knows it (unknown: treated as anonymous, the safe side). */
export const anonymityIn =
  (state: Pick<WorkspaceState, 'votes'>) =>
  (voteId: string): boolean =>
    state.votes[voteId]?.settings.anonymous ?? true;

/** A vote as the state sent to clients holds it: without its ballots, and its result as D38 allows. */
function forClients(vote: Vote): Vote {
  const shown = vote.ballots.length === 0 ? vote : { ...vote, ballots: [] };
  if (shown.status !== 'closed') return shown;
  const result = redactResult(shown.result, shown.settings.anonymous);
  return result === shown.result ? shown : { ...shown, result };
}

/** The state as clients may see it: every vote without ballots. Never mutates the given state. */
export function redactState(state: WorkspaceState): WorkspaceState {
  const votes = Object.values(state.votes).map((vote) => [vote, forClients(vote)] as const);
  if (votes.every(([vote, shown]) => vote === shown)) return state;
  return { ...state, votes: Object.fromEntries(votes.map(([, shown]) => [shown.id, shown])) };
}

/**
 * One of a person's own events for their own data export: in full, ballots included (their data),
 * but never a ballot's seal, which would let them prove their choice to others (a receipt, D40).
 */
export function forOwnExport(event: StoredEvent): StoredEvent {
  if (!isBallotEvent(event) || event.data.seal === undefined) return event;
  return { ...event, data: { voteId: event.data.voteId, ballot: event.data.ballot } };
}
