import { sessionFocusedSchema } from '@verbund/shared/features/sessions/focus';
import type { ClientFeature } from '../../lib/client-feature';
import { useFocusStore } from './focus-store';

/** `session:focused` from the server (M47) into the focus store; parsed, never trusted. */
export const focusSync: ClientFeature = {
  name: 'session-focus',
  listen: (socket) => {
    socket.on('session:focused', (raw: unknown) => {
      const focused = sessionFocusedSchema.safeParse(raw);
      if (focused.success) useFocusStore.getState().received(focused.data);
    });
  },
};
