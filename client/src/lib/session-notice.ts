import { create } from 'zustand';

/** Why the sign-in page is shown again (session ended, access removed); a translation key. */
type SessionNotice = { notice: string | null; setNotice: (notice: string | null) => void };

export const useSessionNotice = create<SessionNotice>((set) => ({
  notice: null,
  setNotice: (notice) => set({ notice }),
}));
