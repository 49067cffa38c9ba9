import { useEffect, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { i18n } from '../../lib/i18n';
import { useConnectionStore } from '../../lib/connection-store';
import { usePresenceStore } from '../../lib/presence-store';
import { queryKeys } from '../../lib/query-keys';
import { createSocket, type VerbundSocket } from '../../lib/socket';
import { showToast } from '../../lib/toast-store';
import { connectRefusalSchema, presenceEntriesSchema, storedEventsSchema } from '@verbund/shared/protocol';
import { toastRefusal } from '../../lib/error-messages';
import { endSession } from '../../lib/query-client';
import { syncServerClock } from '../../lib/server-clock';
import { CLIENT_FEATURES } from '../feature-registry';
import { createSyncSession } from './sync-session';

function offlineOr<T extends string>(status: T): T | 'offline' {
  return navigator.onLine ? status : 'offline';
}

/**
 * Keeps the workspace live while mounted; `ready` waits for the first state from HTTP. Returns the
 * socket (null before it exists), which the editors share for the `doc:*` stream.
 */
export function useLiveSync(workspaceId: string, ready: boolean): VerbundSocket | null {
  const queryClient = useQueryClient();
  // Created unconnected, so a render that is thrown away leaves nothing open; the effect connects it.
  const socket = useMemo(() => (ready ? createSocket(workspaceId) : null), [workspaceId, ready]);

  useEffect(() => {
    if (!socket) return;
    const setStatus = useConnectionStore.getState().setStatus;
    const signedOut = () => endSession(queryClient);
    // Access to this workspace may have changed (deactivated, moved to another partner): /me knows.
    const recheckAccess = () => void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    const session = createSyncSession(socket, workspaceId, queryClient, {
      onRejected: toastRefusal,
      onUnauthenticated: signedOut,
    });
    const sendPresence = () => {
      if (socket.connected) socket.emit('presence:update', usePresenceStore.getState().mine);
    };

    socket.on('connect', () => {
      setStatus('connected');
      sendPresence();
      void syncServerClock(socket);
      void session.onConnected();
      for (const feature of CLIENT_FEATURES) feature.onConnected?.(queryClient, workspaceId);
    });
    socket.on('disconnect', (reason) => {
      session.onDisconnected();
      usePresenceStore.getState().setEntries([]);
      setStatus(offlineOr('reconnecting'));
      // The server closed the connection on purpose (e.g. an ended session): reconnecting is up to us.
      if (reason === 'io server disconnect') {
        recheckAccess();
        setTimeout(() => socket.connect(), 1_000);
      }
    });
    socket.on('connect_error', (error) => {
      setStatus(offlineOr('reconnecting'));
      const refusal = connectRefusalSchema.safeParse((error as Error & { data?: unknown }).data);
      if (!refusal.success) return;
      if (refusal.data.code === 'unauthenticated') signedOut();
      else if (refusal.data.code === 'forbidden') {
        showToast(i18n.t('errors.accessRemoved'));
        recheckAccess();
      } else if (refusal.data.code === 'protocol_mismatch') showToast(i18n.t('errors.protocol_mismatch'));
      else setTimeout(() => socket.connect(), 5_000);
    });
    socket.io.on('reconnect_attempt', () => setStatus(offlineOr('reconnecting')));
    socket.on('events:appended', (raw: unknown) => {
      const events = storedEventsSchema.safeParse(raw);
      if (events.success) session.apply(events.data);
    });
    for (const feature of CLIENT_FEATURES) feature.listen?.(socket, queryClient, workspaceId);
    socket.on('presence:changed', (raw: unknown) => {
      const entries = presenceEntriesSchema.safeParse(raw);
      if (entries.success) usePresenceStore.getState().setEntries(entries.data);
    });
    const unsubscribePresence = usePresenceStore.subscribe((s, prev) => {
      if (s.mine !== prev.mine) sendPresence();
    });

    const goneOffline = () => {
      setStatus('offline');
      // Others' presence can no longer be kept current; showing it would suggest they are still there.
      usePresenceStore.getState().setEntries([]);
    };
    const backOnline = () => {
      setStatus(socket.connected ? 'connected' : 'reconnecting');
      if (!socket.connected) socket.connect();
    };
    window.addEventListener('offline', goneOffline);
    window.addEventListener('online', backOnline);
    setStatus(offlineOr('connecting'));
    socket.connect();

    return () => {
      window.removeEventListener('offline', goneOffline);
      window.removeEventListener('online', backOnline);
      unsubscribePresence();
      session.onDisconnected();
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
    };
  }, [socket, workspaceId, queryClient]);
  return socket;
}
