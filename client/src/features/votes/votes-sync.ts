import type { StoredEvent } from '@verbund/shared/events';
import type { ClientFeature } from '../../lib/client-feature';
import { queryKeys } from '../../lib/query-keys';
import { mergeVoteViews } from '../../lib/vote-views';

/** What else changes the decision register (P56): a position adopted, or the initiatives an entry names. */
const CHANGES_REGISTER = new Set(['position.card_linked', 'position.card_unlinked']);
const changesRegister = (event: StoredEvent) => CHANGES_REGISTER.has(event.type) || (event.type === 'position.signoff_ended' && event.data.outcome === 'adopted');

/**
 * Each person's own view of the votes arrives as `votes:viewed`; it is not replayed by a catch-up.
 * The register is read from the server; events and snapshots that change it make it stale.
 */
export const votesSync: ClientFeature = {
  name: 'votes',
  afterEvents: (queryClient, workspaceId, events) => {
    if (events.some(changesRegister)) void queryClient.invalidateQueries({ queryKey: queryKeys.decisions(workspaceId) });
  },
  afterSnapshot: (queryClient, workspaceId) => void queryClient.invalidateQueries({ queryKey: queryKeys.decisions(workspaceId) }),
  onConnected: (queryClient, workspaceId) => void queryClient.invalidateQueries({ queryKey: queryKeys.votes(workspaceId) }),
  listen: (socket, queryClient, workspaceId) => socket.on('votes:viewed', (raw: unknown) => mergeVoteViews(queryClient, workspaceId, raw)),
};
