import { create } from 'zustand';
import type { PresenceEntry, PresenceUpdate } from '@verbund/shared/protocol';

type PresenceState = {
  entries: PresenceEntry[];
  /** What this tab reports about itself; the live connection sends it on change and on reconnect. */
  mine: PresenceUpdate;
  setEntries: (entries: PresenceEntry[]) => void;
  setMine: (mine: PresenceUpdate) => void;
};

export const usePresenceStore = create<PresenceState>((set, get) => ({
  entries: [],
  mine: { viewingCardId: null, editingCardId: null },
  setEntries: (entries) => set({ entries }),
  setMine: (mine) => {
    const current = get().mine;
    if (current.viewingCardId === mine.viewingCardId && current.editingCardId === mine.editingCardId) return;
    set({ mine });
  },
}));

export type CardPresence = { viewers: PresenceEntry[]; editors: PresenceEntry[] };

/** Other people on a card, one entry per person (several tabs count once; editing wins over viewing). */
export function presenceOnCard(entries: PresenceEntry[], cardId: string, myPersonId: string): CardPresence {
  const editors = new Map<string, PresenceEntry>();
  const viewers = new Map<string, PresenceEntry>();
  for (const entry of entries) {
    if (entry.personId === myPersonId) continue;
    if (entry.editingCardId === cardId) editors.set(entry.personId, entry);
    else if (entry.viewingCardId === cardId) viewers.set(entry.personId, entry);
  }
  for (const id of editors.keys()) viewers.delete(id);
  return { viewers: [...viewers.values()], editors: [...editors.values()] };
}
