import type { ClientFeature } from '../../lib/client-feature';
import { queryKeys } from '../../lib/query-keys';

/** A card's history is fetched per card; a snapshot may have changed any of them. */
export const boardSync: ClientFeature = {
  name: 'board',
  afterSnapshot: (queryClient, workspaceId) => void queryClient.invalidateQueries({ queryKey: queryKeys.cards(workspaceId) }),
};
