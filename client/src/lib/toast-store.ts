import { create } from 'zustand';

export type Toast = { id: number; message: string };

type ToastState = { toasts: Toast[]; dismiss: (id: number) => void };

export const useToastStore = create<ToastState>((set) => ({
  toasts: [],
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

let nextId = 1;

/** Shows an already translated message for a few seconds. */
export function showToast(message: string): void {
  const id = nextId++;
  useToastStore.setState((s) => ({ toasts: [...s.toasts.slice(-3), { id, message }] }));
  setTimeout(() => useToastStore.getState().dismiss(id), 8_000);
}
