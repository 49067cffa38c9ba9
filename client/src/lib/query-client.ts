import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The socket keeps the workspace fresh; refetching on focus would only race with it.
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && ['unauthenticated', 'forbidden', 'not_found'].includes(error.code)) && failureCount < 2,
      },
    },
  });
}
