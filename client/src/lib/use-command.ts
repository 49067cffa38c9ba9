import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CommandOf, CommandType } from '@verbund/shared/commands';
import { ApiError } from './api';
import { useAnnouncer } from './announcer-store';
import { errorMessageKey } from './error-messages';
import { runCommand } from './run-command';
import { useSession } from './session-context';
import { showToast } from './toast-store';

type Variables = { [T in CommandType]: { type: T; payload: CommandOf<T>['payload']; done?: string } }[CommandType];

/**
 * Sends one administrative command and waits for the answer. A refusal becomes a toast in words
 * (why, not just "conflict"); success is announced with `done`, an already translated sentence.
 */
export function useCommand() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { membership } = useSession();
  return useMutation({
    mutationFn: (variables: Variables) =>
      runCommand(queryClient, membership.workspaceId, variables.type, variables.payload),
    onSuccess: (_result, variables) => {
      if (variables.done) useAnnouncer.getState().announce(variables.done);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'unauthenticated') return;
      showToast(t(error instanceof ApiError ? errorMessageKey(error) : 'errors.internal'));
    },
  });
}
