import { useCallback } from 'react';
import type { SessionFocus } from '@verbund/shared/features/sessions/focus';
import { useAnnouncer } from '../../lib/announcer-store';
import { toastRefusal } from '../../lib/error-messages';
import { useLiveSocket } from '../../lib/live-socket';

/**
 * For the person leading a session (M45): shows everyone a focus. Volatile: sent once per change
 * (the server relays only changes, M47); a refusal (not leading, too many at once) becomes a toast,
 * and `shown`, a sentence in words, is announced once the server relayed it.
 */
export function useSetFocus(sessionId: string): (focus: SessionFocus, shown?: string) => void {
  const socket = useLiveSocket();
  return useCallback(
    (focus, shown) => {
      if (!socket?.connected) return;
      socket.emit('session:focus', { sessionId, focus }, (answer) => {
        if (!answer.ok) toastRefusal(answer.error);
        else if (shown) useAnnouncer.getState().announce(shown);
      });
    },
    [socket, sessionId],
  );
}
