import type { QueryClient } from '@tanstack/react-query';
import type { Command } from '@verbund/shared/commands';
import type { AppError } from '@verbund/shared/errors';
import { eventSubjectId, type StoredEvent } from '@verbund/shared/events';
import { applyEventsImmutably, type WorkspaceState } from '@verbund/shared/projection';
import { pendingCommands, setCommandTransport, settleCommand } from '../../lib/command-queue';
import { ingestEvents } from '../../lib/event-buffer';
import { CLIENT_FEATURES, refreshAfterEvents } from '../feature-registry';
import { queryKeys } from '../../lib/query-keys';
import type { VerbundSocket } from '../../lib/socket';
import { ackSchema, catchUpSchema, commandResultSchema } from '@verbund/shared/protocol';

const ACK_TIMEOUT_MS = 10_000;
/** How long a hole in the seqs may stay open before we ask the server to fill it. */
export const GAP_WAIT_MS = 300;

export type SyncHooks = {
  onRejected: (error: AppError) => void;
  onUnauthenticated: () => void;
};

/**
 * The client side of the sync protocol for one socket: catch-up on every (re)connect, ordered
 * application of broadcast events, and the retry of pending commands with their original ids.
 */
export function createSyncSession(socket: VerbundSocket, workspaceId: string, queryClient: QueryClient, hooks: SyncHooks) {
  const stateKey = queryKeys.state(workspaceId);
  let buffered: StoredEvent[] = [];
  let gapTimer: ReturnType<typeof setTimeout> | null = null;
  const inFlight = new Set<string>();

  const current = () => queryClient.getQueryData<WorkspaceState>(stateKey);

  function refreshHistories(events: readonly StoredEvent[]): void {
    const cardIds = new Set(events.map((e) => eventSubjectId(e)).filter((id): id is string => id !== null));
    for (const cardId of cardIds) void queryClient.invalidateQueries({ queryKey: queryKeys.cardHistory(workspaceId, cardId) });
  }

  function apply(incoming: readonly StoredEvent[]): void {
    const state = current();
    if (!state) {
      buffered = [...buffered, ...incoming];
      return;
    }
    const { ready, buffered: rest } = ingestEvents(state.seq, buffered, incoming);
    buffered = rest;
    if (ready.length > 0) {
      queryClient.setQueryData(stateKey, applyEventsImmutably(state, ready));
      refreshHistories(ready);
      refreshAfterEvents(queryClient, workspaceId, ready);
    }
    if (rest.length === 0 && gapTimer) {
      clearTimeout(gapTimer);
      gapTimer = null;
    } else if (rest.length > 0 && !gapTimer) {
      gapTimer = setTimeout(() => {
        gapTimer = null;
        if (buffered.length > 0) void join();
      }, GAP_WAIT_MS);
    }
  }

  async function join(): Promise<boolean> {
    let raw: unknown;
    try {
      raw = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync:join', { lastSeq: current()?.seq ?? 0 });
    } catch {
      return false;
    }
    const answer = ackSchema(catchUpSchema).safeParse(raw);
    if (!answer.success) return false;
    if (!answer.data.ok) {
      if (answer.data.error.code === 'unauthenticated') hooks.onUnauthenticated();
      return false;
    }
    const catchUp = answer.data.value;
    if (catchUp.kind === 'snapshot') {
      queryClient.setQueryData(stateKey, catchUp.state);
      for (const feature of CLIENT_FEATURES) feature.afterSnapshot?.(queryClient, workspaceId);
      apply([]);
    } else {
      apply(catchUp.events);
    }
    return true;
  }

  function send(command: Command): void {
    if (inFlight.has(command.id) || !socket.connected) return;
    inFlight.add(command.id);
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('command:submit', command)
      .then((raw: unknown) => {
        inFlight.delete(command.id);
        const answer = ackSchema(commandResultSchema).safeParse(raw);
        if (answer.success && answer.data.ok) apply(answer.data.value.events);
        // Settling after applying keeps the card from flickering back to its old state.
        settleCommand(command.id);
        if (!answer.success) hooks.onRejected({ code: 'internal', message: 'unreadable answer' });
        else if (!answer.data.ok) hooks.onRejected(answer.data.error);
      })
      .catch(() => {
        // No answer in time: the command stays pending; the same id is safe to send again.
        inFlight.delete(command.id);
        if (socket.connected) setTimeout(() => send(command), 1_000);
      });
  }

  async function onConnected(): Promise<void> {
    inFlight.clear();
    const joined = await join();
    if (!joined || !socket.connected) return;
    setCommandTransport(send);
    for (const command of pendingCommands()) send(command);
  }

  function onDisconnected(): void {
    setCommandTransport(null);
    inFlight.clear();
    if (gapTimer) clearTimeout(gapTimer);
    gapTimer = null;
  }

  return { apply, onConnected, onDisconnected };
}
