import { create } from 'zustand';
import type { Status } from '@verbund/shared/model';

export type BoardView = 'area' | 'status';

export type CardFilter = { partnerId: string; status: Status | ''; tag: string; text: string };

export const EMPTY_FILTER: CardFilter = { partnerId: '', status: '', tag: '', text: '' };

type UiState = {
  view: BoardView;
  showArchived: boolean;
  filter: CardFilter;
  openCardId: string | null;
  setView: (view: BoardView) => void;
  setShowArchived: (show: boolean) => void;
  setFilter: (patch: Partial<CardFilter>) => void;
  openCard: (cardId: string | null) => void;
};

export const useUiStore = create<UiState>((set) => ({
  view: 'area',
  showArchived: false,
  filter: EMPTY_FILTER,
  openCardId: null,
  setView: (view) => set({ view }),
  setShowArchived: (showArchived) => set({ showArchived }),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  openCard: (openCardId) => set({ openCardId }),
}));
