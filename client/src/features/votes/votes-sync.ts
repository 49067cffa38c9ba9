import type { ClientFeature } from '../../lib/client-feature';
import { queryKeys } from '../../lib/query-keys';
import { mergeVoteViews } from '../../lib/vote-views';

/** Each person's own view of the votes arrives as `votes:viewed`; it is not replayed by a catch-up. */
export const votesSync: ClientFeature = {
  name: 'votes',
  onConnected: (queryClient, workspaceId) => void queryClient.invalidateQueries({ queryKey: queryKeys.votes(workspaceId) }),
  listen: (socket, queryClient, workspaceId) => socket.on('votes:viewed', (raw: unknown) => mergeVoteViews(queryClient, workspaceId, raw)),
};
