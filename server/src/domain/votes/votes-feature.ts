import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Vote, VoteView } from '@verbund/shared/votes';
import type { DomainFeature, Effect } from '../feature.js';
import { voteDeciders } from './decide-votes.js';
import { dueVotes, nextClosingAt } from './due.js';
import { anonymityIn, forOwnExport, redactEvents, redactState } from './redact.js';
import { viewVote, type Viewer } from './visibility.js';
import { anyMember, hasRole, isAdmin } from '../roles.js';

/** The votes a batch of committed events changed, in order of first mention. */
export function changedVoteIds(events: readonly StoredEvent[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.type === 'vote.opened') ids.add(event.data.vote.id);
    else if (event.type === 'vote.ballot_cast' || event.type === 'vote.closed' || event.type === 'vote.outcome_recorded') ids.add(event.data.voteId);
  }
  return [...ids];
}

/** The viewer a person is now: their current partner decides whose ballot is "ours" (D32). */
export function viewerIn(state: Readonly<WorkspaceState>, personId: string, fallbackPartnerId: string): Viewer {
  return { personId, partnerId: state.members[personId]?.partnerId ?? fallbackPartnerId };
}

/** Every vote as one person may see it, newest first (GET …/votes). */
export function viewsFor(state: Readonly<WorkspaceState>, viewer: Viewer): VoteView[] {
  return Object.values(state.votes)
    .sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : a.id < b.id ? 1 : -1))
    .map((vote) => viewVote(vote, viewer));
}

/**
 * After a commit that touched votes, each connection gets its own view of each changed vote
 * (`votes:viewed`, rule D34): per recipient on purpose, and therefore kept off the ordinary
 * `events:appended` path. Views come from the committed state of this commit.
 */
function voteViewEffects(events: readonly StoredEvent[], state: Readonly<WorkspaceState>): Effect[] {
  const votes = changedVoteIds(events)
    .map((id) => state.votes[id])
    .filter((v): v is Vote => v !== undefined);
  if (votes.length === 0) return [];
  return [{ kind: 'personal', event: 'votes:viewed', viewFor: (viewer) => votes.map((vote) => viewVote(vote, viewerIn(state, viewer.personId, viewer.partnerId))) }];
}

/** Votes: ballots go out sealed (D34), anonymous ones naming nobody (D39); due votes close on their own (D26, D35). */
export const votesDomain: DomainFeature<keyof typeof voteDeciders> = {
  name: 'votes',
  deciders: voteDeciders,
  policy: {
    /** D2 (a vote about no card needs a moderator or admin) is decided with the vote's settings, in the decider. */
    'vote.open': anyMember,
    'vote.cast': anyMember,
    /** The opener or a moderator (D25), checked by the decider; the system closes due votes (D26). */
    'vote.close': anyMember,
    'vote.record_outcome': anyMember,
  },
  /** Due votes close on their own (D35). */
  systemCommands: ['vote.close'],
  abilities: (actor) => [
    ...(anyMember(actor) ? (['vote.start'] as const) : []),
    ...(isAdmin(actor) || hasRole(actor, 'moderator') ? (['vote.start_workspace'] as const) : []),
  ],
  views: {
    events: (events, _reader, state) => redactEvents(events, anonymityIn(state)),
    state: (state) => redactState(state),
    ownEvent: forOwnExport,
  },
  schedule: {
    nextDue: (state) => nextClosingAt(Object.values(state.votes)),
    dueCommands: (state, now) => dueVotes(Object.values(state.votes), now).map((vote) => ({ type: 'vote.close', payload: { voteId: vote.id } })),
  },
  effects: voteViewEffects,
};
