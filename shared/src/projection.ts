import { assertNever, type StoredEvent } from './events.js';
import type { Board, Card, Comment, Partner } from './model.js';

/** Version of the stored snapshot shape; bump it together with a numbered migration. */
export const SNAPSHOT_VERSION = 1;

/** What the UI needs of a workspace: a projection of its event log. */
export type WorkspaceState = {
  workspaceId: string;
  name: string;
  /** Sequence number of the last event applied. */
  seq: number;
  partners: Record<string, Partner>;
  boards: Record<string, Board>;
  cards: Record<string, Card>;
  /** Comments by card id, oldest first. */
  comments: Record<string, Comment[]>;
};

export function emptyState(workspaceId: string): WorkspaceState {
  return { workspaceId, name: '', seq: 0, partners: {}, boards: {}, cards: {}, comments: {} };
}

/**
 * Applies one event in place. Contract: the containers (`cards`, `comments`, …) are mutated, the
 * entities in them are replaced and never mutated, so a caller that needs an immutable state copies
 * the containers first (see `applyEventsImmutably`) and unchanged cards keep their identity.
 */
export function applyEvent(state: WorkspaceState, event: StoredEvent): void {
  state.seq = event.seq;
  switch (event.type) {
    case 'workspace.created':
      state.name = event.data.name;
      return;
    case 'partner.added':
      state.partners[event.data.partner.id] = event.data.partner;
      return;
    case 'board.created':
      state.boards[event.data.board.id] = event.data.board;
      return;
    case 'card.created':
      state.cards[event.data.card.id] = event.data.card;
      return;
    case 'card.updated':
      replaceCard(state, event.data.cardId, event.at, event.data.changes);
      return;
    case 'card.moved': {
      const { cardId, ...placement } = event.data;
      replaceCard(state, cardId, event.at, placement);
      return;
    }
    case 'card.archived':
      replaceCard(state, event.data.cardId, event.at, { archived: true });
      return;
    case 'card.restored':
      replaceCard(state, event.data.cardId, event.at, { archived: false });
      return;
    case 'comment.added': {
      const { comment } = event.data;
      state.comments[comment.cardId] = [...(state.comments[comment.cardId] ?? []), comment];
      return;
    }
    default:
      assertNever(event);
  }
}

function replaceCard(state: WorkspaceState, cardId: string, at: string, changes: Partial<Card>): void {
  const card = state.cards[cardId];
  if (!card) return;
  state.cards[cardId] = { ...card, ...changes, updatedAt: at };
}

/** For React: a new state object whose containers are fresh and whose unchanged entities are shared. */
export function applyEventsImmutably(state: WorkspaceState, events: readonly StoredEvent[]): WorkspaceState {
  if (events.length === 0) return state;
  const next: WorkspaceState = {
    ...state,
    partners: { ...state.partners },
    boards: { ...state.boards },
    cards: { ...state.cards },
    comments: { ...state.comments },
  };
  for (const event of events) applyEvent(next, event);
  return next;
}

/** Board order: by fractional position, ties (two clients chose the same key) broken by id. */
export function compareCards(a: Card, b: Card): number {
  if (a.position < b.position) return -1;
  if (a.position > b.position) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
