import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { securityEventInfoSchema, sessionInfoSchema } from '@verbund/shared/http';
import { apiGet, apiPostEmpty } from '../../lib/api';
import { endSession } from '../../lib/query-client';
import { queryKeys } from '../../lib/query-keys';
import { useSessionNotice } from '../../lib/session-notice';

export const sessionsQueryOptions = queryOptions({
  queryKey: queryKeys.accountSessions,
  queryFn: () => apiGet('/api/account/sessions', z.array(sessionInfoSchema)),
});

export const securityEventsQueryOptions = queryOptions({
  queryKey: queryKeys.accountSecurityEvents,
  queryFn: () => apiGet('/api/account/security-events', z.array(securityEventInfoSchema)),
});

export const EXPORT_PATH = '/api/account/export';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => apiPostEmpty('/api/account/password', body),
    // Every other session ended; this one was renewed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.account }),
  });
}

export function useEndAllSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPostEmpty('/api/account/sessions/end-all'),
    onSuccess: () => endSession(queryClient, 'account.sessions.endedAll'),
  });
}

/** Deletes the whole account (A12); the session is gone afterwards, so the app returns to sign-in. */
export function useEraseAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { password: string }) => apiPostEmpty('/api/account/erase', body),
    onSuccess: () => {
      // The closed socket may have signed the app out a moment earlier; the notice says why all the same.
      useSessionNotice.getState().setNotice('account.erase.done');
      endSession(queryClient, 'account.erase.done');
    },
  });
}
