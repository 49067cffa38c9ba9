import { create } from 'zustand';
import type { SessionFocused } from '@verbund/shared/features/sessions/focus';

type FocusState = {
  /** The last focus the server sent per session (M47); volatile, like presence. */
  focuses: Record<string, SessionFocused>;
  /** Whether this tab follows the moderation (M49): on until the person stops it. */
  following: boolean;
  received: (focused: SessionFocused) => void;
  setFollowing: (following: boolean) => void;
};

export const useFocusStore = create<FocusState>((set) => ({
  focuses: {},
  following: true,
  received: (focused) => set((s) => ({ focuses: { ...s.focuses, [focused.sessionId]: focused } })),
  setFollowing: (following) => set({ following }),
}));
