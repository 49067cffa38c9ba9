import type { Command } from '@verbund/shared/commands';
import { assertNever } from '@verbund/shared/events';
import { newCard, type Card } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { PendingCommand } from './command-queue';

export type Actor = { id: string; partnerId: string | null };

function withCard(state: WorkspaceState, cardId: string, changes: Partial<Card>, now: string): WorkspaceState {
  const card = state.cards[cardId];
  if (!card) return state;
  return { ...state, cards: { ...state.cards, [cardId]: { ...card, ...changes, updatedAt: now } } };
}

type BoardCommand = Extract<Command, { type: `card.${string}` | 'comment.add' }>;

function isBoardCommand(command: Command): command is BoardCommand {
  return command.type.startsWith('card.') || command.type === 'comment.add';
}

/**
 * The effect the server will most likely give a command, so the person sees their edit at once.
 * Pure: the real events replace it when they arrive, and a rejection simply drops it.
 */
export function predict(state: WorkspaceState, command: Command, me: Actor, now: string): WorkspaceState {
  // Everything but board edits (administration, votes) waits for the server's answer; nothing to guess.
  if (!isBoardCommand(command)) return state;
  switch (command.type) {
    case 'card.create': {
      const { cardId } = command.payload;
      if (state.cards[cardId]) return state;
      const card = newCard(command.payload, me.id, now);
      return { ...state, cards: { ...state.cards, [cardId]: card } };
    }
    case 'card.update':
      return withCard(state, command.payload.cardId, command.payload.changes, now);
    case 'card.move': {
      const { cardId, ...placement } = command.payload;
      return withCard(state, cardId, placement, now);
    }
    case 'card.archive':
      return withCard(state, command.payload.cardId, { archived: true }, now);
    case 'card.restore':
      return withCard(state, command.payload.cardId, { archived: false }, now);
    case 'comment.add': {
      const { commentId, cardId, body } = command.payload;
      const existing = state.comments[cardId] ?? [];
      if (!state.cards[cardId] || existing.some((c) => c.id === commentId)) return state;
      const comment = { id: commentId, cardId, authorId: me.id, body, createdAt: now };
      return { ...state, comments: { ...state.comments, [cardId]: [...existing, comment] } };
    }
    default:
      return assertNever(command);
  }
}

/** What the screen shows: the confirmed state with every pending command laid over it, in order. */
export function applyPending(state: WorkspaceState, pending: readonly PendingCommand[], me: Actor): WorkspaceState {
  return pending.reduce((acc, p) => predict(acc, p.command, me, p.submittedAt), state);
}
