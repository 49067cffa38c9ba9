import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { queryKeys } from './query-keys';
import { useSessionNotice } from './session-notice';

/**
 * The session is gone (expired, ended elsewhere, access removed): forget everything of it and show
 * the sign-in page with a word of explanation.
 */
export function endSession(queryClient: QueryClient, notice = 'auth.sessionEnded'): void {
  if (queryClient.getQueryData(queryKeys.me) === null) return;
  useSessionNotice.getState().setNotice(notice);
  queryClient.setQueryData(queryKeys.me, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
}

const unauthenticated = (error: unknown) => error instanceof ApiError && error.code === 'unauthenticated';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A 401 on anything but the sign-in itself (no session yet, `me` is null) means the session ended.
    queryCache: new QueryCache({ onError: (error) => unauthenticated(error) && endSession(client) }),
    mutationCache: new MutationCache({ onError: (error) => unauthenticated(error) && endSession(client) }),
    defaultOptions: {
      queries: {
        // The socket keeps the workspace fresh; refetching on focus would only race with it.
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && ['unauthenticated', 'forbidden', 'not_found', 'conflict'].includes(error.code)) && failureCount < 2,
      },
    },
  });
  return client;
}
