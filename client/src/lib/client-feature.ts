import type { QueryClient } from '@tanstack/react-query';
import type { StoredEvent } from '@verbund/shared/events';
import type { VerbundSocket } from './socket';

/**
 * The client side of the feature contract (docs/architecture.md): the caches a feature keeps beside
 * the workspace state, and what keeps them current. The live sync (`features/sync`) and the command
 * hook loop over `features/feature-registry.ts` and name no feature.
 */
export type ClientFeature = {
  name: string;
  /** Caches beside the state that newly applied events make stale. */
  afterEvents?: (queryClient: QueryClient, workspaceId: string, events: readonly StoredEvent[]) => void;
  /** After a snapshot replaced the state: caches derived from it. */
  afterSnapshot?: (queryClient: QueryClient, workspaceId: string) => void;
  /** After (re)connecting: what the catch-up does not replay. */
  onConnected?: (queryClient: QueryClient, workspaceId: string) => void;
  /** Messages the server sends for this feature beside `events:appended`. */
  listen?: (socket: VerbundSocket, queryClient: QueryClient, workspaceId: string) => void;
};
