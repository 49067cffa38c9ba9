import { appError } from '@verbund/shared/errors';
import type { Card } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { reject, type Decision } from './decision.js';

/** A rule of every feature that works on cards (the board, comments, checklists): the card must exist. */
export function withCard(state: WorkspaceState, cardId: string, then: (card: Card) => Decision): Decision {
  const card = state.cards[cardId];
  return card ? then(card) : reject(appError('not_found', 'card not found'));
}

/** S15: archived cards are read-only until restored. */
export function withLiveCard(state: WorkspaceState, cardId: string, then: (card: Card) => Decision): Decision {
  return withCard(state, cardId, (card) => (card.archived ? reject(appError('conflict', 'the card is archived')) : then(card)));
}
