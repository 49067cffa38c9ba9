import type { QueryClient } from '@tanstack/react-query';
import type { StoredEvent } from '@verbund/shared/events';
import { queryKeys } from './query-keys';

/** Whether events change who is in the workspace or what they may do (names and abilities live outside the state). */
export function touchesPeople(events: readonly StoredEvent[]): boolean {
  return events.some((e) => e.type.startsWith('member.') || e.type === 'partner.deactivated' || e.type === 'partner.reactivated');
}

/** Caches beside the workspace state that newly applied events make stale. */
export function refreshAfterEvents(queryClient: QueryClient, workspaceId: string, events: readonly StoredEvent[]): void {
  if (!touchesPeople(events)) return;
  void queryClient.invalidateQueries({ queryKey: queryKeys.people(workspaceId) });
  // Roles and so abilities may have changed, also one's own.
  void queryClient.invalidateQueries({ queryKey: queryKeys.me });
}
