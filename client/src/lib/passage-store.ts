import { create } from 'zustand';
import type { Anchor } from '@verbund/shared/features/annotations/annotations-feature';

/** A passage of a co-written text, as Yjs relative positions (it stays on its words while others write). */
export type Passage = Pick<Anchor, 'from' | 'to'>;

type PassageState = {
  /** The passage someone was taken to (following the moderation, M49), marked and scrolled to by the text's editor. */
  shown: { docId: string; passage: Passage; seq: number } | null;
  show: (docId: string, passage: Passage) => void;
};

export const usePassageStore = create<PassageState>((set) => ({
  shown: null,
  // `seq` makes the same passage shown again scroll there again.
  show: (docId, passage) => set((s) => ({ shown: { docId, passage, seq: (s.shown?.seq ?? 0) + 1 } })),
}));
