import { create } from 'zustand';

type AnnouncerState = { message: string; announce: (message: string) => void };

/** One polite live region for moves and other results that are not otherwise spoken. */
export const useAnnouncer = create<AnnouncerState>((set) => ({
  message: '',
  // A trailing zero-width space makes a repeated message a change the screen reader speaks again.
  announce: (message) => set((s) => ({ message: s.message === message ? `${message}\u200b` : message })),
}));
