import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Vote, VoteView } from '@verbund/shared/votes';
import { viewVote, type Viewer } from '../domain/votes/visibility.js';
import { roomOf, type LiveServer } from './socket-server.js';

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
 * After a commit that touched votes, each connection in the room gets its own view of each changed
 * vote (`votes:viewed`, rule D34). This is per recipient on purpose and therefore kept off the
 * ordinary `events:appended` path: votes change rarely, edits often. Views are computed from the
 * state when the sockets are known, so a later emission is never older than an earlier one.
 */
export function publishVoteViews(
  io: LiveServer,
  workspaceId: string,
  events: readonly StoredEvent[],
  state: Readonly<WorkspaceState>,
  log: (message: string, error?: unknown) => void,
): void {
  const voteIds = changedVoteIds(events);
  if (voteIds.length === 0) return;
  io.in(roomOf(workspaceId))
    .fetchSockets()
    .then((sockets) => {
      const votes = voteIds.map((id) => state.votes[id]).filter((v): v is Vote => v !== undefined);
      const byPerson = new Map<string, VoteView[]>();
      for (const socket of sockets) {
        const { personId, partnerId } = socket.data;
        let views = byPerson.get(personId);
        if (!views) {
          const viewer = viewerIn(state, personId, partnerId);
          views = votes.map((vote) => viewVote(vote, viewer));
          byPerson.set(personId, views);
        }
        socket.emit('votes:viewed', views);
      }
    })
    .catch((error: unknown) => log('publishing vote views failed', error));
}
