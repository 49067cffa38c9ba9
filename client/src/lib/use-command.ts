import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommandOf, CommandType } from '@verbund/shared/commands';
import { useAnnouncer } from './announcer-store';
import { toastRefusal } from './error-messages';
import { runCommand } from './run-command';
import { useSession } from './session-context';

/** A command as `useCommand` sends it, with the sentence announced on success. */
export type CommandVariables = { [T in CommandType]: { type: T; payload: CommandOf<T>['payload']; done?: string } }[CommandType];

/**
 * Sends one command and waits for the answer: for administration and votes, where a guess would
 * mislead (a role taken away, a ballot counted). A refusal becomes a toast in words (why, not just
 * "conflict"); success is announced with `done`, an already translated sentence.
 */
export function useCommand() {
  const queryClient = useQueryClient();
  const { membership } = useSession();
  return useMutation({
    mutationFn: (variables: CommandVariables) =>
      runCommand(queryClient, membership.workspaceId, variables.type, variables.payload),
    onSuccess: (_result, variables) => {
      if (variables.done) useAnnouncer.getState().announce(variables.done);
    },
    onError: toastRefusal,
  });
}
