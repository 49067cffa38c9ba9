import type { QueryClient } from '@tanstack/react-query';
import type { CommandOf, CommandType } from '@verbund/shared/commands';
import { applyEventsImmutably, type WorkspaceState } from '@verbund/shared/projection';
import { commandResultSchema } from '@verbund/shared/protocol';
import { apiPost } from './api';
import { newId } from './command-queue';
import { ingestEvents } from './event-buffer';
import { refreshAfterEvents } from '../features/feature-registry';
import { queryKeys } from './query-keys';

/**
 * Administrative commands wait for the server's answer instead of showing a guess: the person
 * needs to know whether a role was really taken away. They take the same pipeline as board edits
 * (POST /commands), and the confirmed events go into the cache at once when they continue it; the
 * socket delivers them too, and the event buffer drops what is already there.
 */
export async function runCommand<T extends CommandType>(
  queryClient: QueryClient,
  workspaceId: string,
  type: T,
  payload: CommandOf<T>['payload'],
): Promise<void> {
  const command = { id: newId(), workspaceId, type, payload };
  const result = await apiPost(`/api/workspaces/${workspaceId}/commands`, command, commandResultSchema);
  const key = queryKeys.state(workspaceId);
  const state = queryClient.getQueryData<WorkspaceState>(key);
  if (!state) return;
  const { ready } = ingestEvents(state.seq, [], result.events);
  if (ready.length === 0) return;
  queryClient.setQueryData(key, applyEventsImmutably(state, ready));
  refreshAfterEvents(queryClient, workspaceId, ready);
}
