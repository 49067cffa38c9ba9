import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meSchema, type LoginBody, type Me } from '@verbund/shared/http';
import { apiPost, apiPostEmpty } from '../../lib/api';
import { forgetLocalTexts } from '../../lib/local-texts';
import { queryKeys } from '../../lib/query-keys';

export function login(body: LoginBody) {
  return apiPost('/api/auth/login', body, meSchema);
}

export function logout() {
  return apiPostEmpty('/api/auth/logout');
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Whatever the server said, this tab forgets the workspace; a failed logout must not trap anyone.
    // clear() would also drop the `me` entry the App is subscribed to, leaving it on the old session.
    // The person's local copies of texts go too: nothing of theirs stays on a shared computer.
    onSettled: async () => {
      const me = queryClient.getQueryData<Me | null>(queryKeys.me);
      if (me) await forgetLocalTexts(me.id);
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
    },
  });
}
