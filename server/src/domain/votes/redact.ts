import type { StoredEvent } from '@verbund/shared/events';
import type { CatchUp, CommandResult } from '@verbund/shared/protocol';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { SealedBallot } from '@verbund/shared/vote-wire';
import type { Ballot, Vote } from '@verbund/shared/votes';

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
  const sealed: SealedBallot = { personId: anonymous ? null : ballot.personId, partnerId: ballot.partnerId, castAt: ballot.castAt, sealed: true };
  return ballot.onBehalfOf && !anonymous ? { ...sealed, onBehalfOf: ballot.onBehalfOf } : sealed;
}

const isBallotEvent = (event: StoredEvent): event is Extract<StoredEvent, { type: 'vote.ballot_cast' }> => event.type === 'vote.ballot_cast';

/**
 * Events as clients may see them. `anonymousVote` answers whether a vote is anonymous (from the state
 * or from the log); unknown votes are treated as anonymous. The same array comes back when there is
 * no ballot in it, so the ordinary broadcast path pays one scan and no copy.
 */
export function redactEvents(events: StoredEvent[], anonymousVote: (voteId: string) => boolean): StoredEvent[] {
  if (!events.some(isBallotEvent)) return events;
  return events.map((event) =>
    isBallotEvent(event)
      ? { ...event, data: { voteId: event.data.voteId, ballot: sealBallot(event.data.ballot, anonymousVote(event.data.voteId)) } }
      : event,
  );
}

/** Whether a vote is anonymous, as the state knows it (unknown: treated as anonymous, the safe side). */
export const anonymityIn =
  (state: Pick<WorkspaceState, 'votes'>) =>
  (voteId: string): boolean =>
    state.votes[voteId]?.settings.anonymous ?? true;

/** A vote without its ballots: what the state sent to clients holds. */
export function withoutBallots(vote: Vote): Vote {
  return vote.ballots.length === 0 ? vote : { ...vote, ballots: [] };
}

/** The state as clients may see it: every vote without ballots. Never mutates the given state. */
export function redactState(state: WorkspaceState): WorkspaceState {
  const votes = Object.values(state.votes);
  if (votes.every((v) => v.ballots.length === 0)) return state;
  return { ...state, votes: Object.fromEntries(votes.map((v) => [v.id, withoutBallots(v)])) };
}

export function redactCatchUp(catchUp: CatchUp, state: Pick<WorkspaceState, 'votes'>): CatchUp {
  return catchUp.kind === 'snapshot'
    ? { kind: 'snapshot', state: redactState(catchUp.state) }
    : { kind: 'events', events: redactEvents(catchUp.events, anonymityIn(state)) };
}

export function redactCommandResult(result: CommandResult, state: Pick<WorkspaceState, 'votes'>): CommandResult {
  const events = redactEvents(result.events, anonymityIn(state));
  return events === result.events ? result : { ...result, events };
}

