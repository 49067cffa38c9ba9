import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { meSchema } from '@verbund/shared/http';
import { personSchema } from '@verbund/shared/model';
import { ApiError, apiGet } from './api';
import { queryKeys } from './query-keys';
import { workspaceStateSchema } from '@verbund/shared/projection';

export const meQueryOptions = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async () => {
    try {
      return await apiGet('/api/auth/me', meSchema);
    } catch (error) {
      // Not signed in is an answer, not a failure: the app shows the sign-in page.
      if (error instanceof ApiError && error.code === 'unauthenticated') return null;
      throw error;
    }
  },
  staleTime: Infinity,
});

export function workspaceStateQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.state(workspaceId),
    queryFn: () => apiGet(`/api/workspaces/${workspaceId}/state`, workspaceStateSchema),
    // Socket events keep this entry current; a refetch could roll back to an older seq.
    staleTime: Infinity,
  });
}

export function peopleQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.people(workspaceId),
    queryFn: () => apiGet(`/api/workspaces/${workspaceId}/people`, z.array(personSchema)),
    staleTime: 60_000,
  });
}

export function usePeople(workspaceId: string) {
  return useQuery(peopleQueryOptions(workspaceId)).data ?? [];
}
