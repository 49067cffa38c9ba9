import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { invitationInfoSchema, meSchema } from '@verbund/shared/http';
import { apiGet, apiPost } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

export function invitationQueryOptions(token: string) {
  return queryOptions({
    queryKey: queryKeys.invitation(token),
    queryFn: () => apiGet(`/api/invitations/${encodeURIComponent(token)}`, invitationInfoSchema),
    retry: false,
  });
}

export type NewAccount = { name: string; email: string; password: string };

/** New people send their details; someone signed in sends nothing and joins with their account. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAccount | Record<string, never>) => apiPost(`/api/invitations/${encodeURIComponent(token)}/accept`, body, meSchema),
    onSuccess: (me) => {
      queryClient.setQueryData(queryKeys.me, me);
      queryClient.removeQueries({ queryKey: queryKeys.invitation(token) });
    },
  });
}
