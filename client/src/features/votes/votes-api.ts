import { queryOptions, useQuery } from '@tanstack/react-query';
import { registerEntriesSchema, type DecisionsQuery } from '@verbund/shared/decision-register';
import { voteViewsSchema } from '@verbund/shared/vote-wire';
import type { VoteView } from '@verbund/shared/votes';
import { apiGet } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import { useSession } from '../../lib/session-context';

export function votesQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.votes(workspaceId),
    queryFn: () => apiGet(`/api/workspaces/${workspaceId}/votes`, voteViewsSchema),
    // `votes:viewed` keeps this current; a reconnect refetches.
    staleTime: Infinity,
  });
}

export function useVotes(): VoteView[] {
  const { membership } = useSession();
  return useQuery(votesQueryOptions(membership.workspaceId)).data ?? [];
}

export type DecisionFilter = Omit<DecisionsQuery, 'format'>;

export function decisionsPath(workspaceId: string, filter: DecisionFilter, format?: 'csv' | 'markdown'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (format) params.set('format', format);
  const query = params.toString();
  return `/api/workspaces/${workspaceId}/decisions${query ? `?${query}` : ''}`;
}

export function decisionsQueryOptions(workspaceId: string, filter: DecisionFilter) {
  return queryOptions({
    queryKey: queryKeys.decisionList(workspaceId, filter),
    queryFn: () => apiGet(decisionsPath(workspaceId, filter), registerEntriesSchema),
  });
}
