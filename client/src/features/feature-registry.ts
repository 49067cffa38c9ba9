import type { QueryClient } from '@tanstack/react-query';
import type { StoredEvent } from '@verbund/shared/events';
import { adminSync } from './admin/admin-sync';
import { boardSync } from './board/board-sync';
import { votesSync } from './votes/votes-sync';
import { focusSync } from './sessions/focus-sync';
import type { ClientFeature } from '../lib/client-feature';

/** Every feature's client caches, one line each (shared side: shared/src/feature-registry.ts). */
export const CLIENT_FEATURES: readonly ClientFeature[] = [adminSync, boardSync, votesSync, focusSync];

/** After events were applied to the cached state: every feature refreshes the caches they make stale. */
export function refreshAfterEvents(queryClient: QueryClient, workspaceId: string, events: readonly StoredEvent[]): void {
  for (const feature of CLIENT_FEATURES) feature.afterEvents?.(queryClient, workspaceId, events);
}
