import type { DocumentKind } from '../feature.js';
import { paragraphsUpdate } from '../documents/paragraphs.js';

/**
 * `card-description:<cardId>` (rule Y7): every member writes while the card is live; an archived card's
 * description is frozen (S15); a card that does not exist is not found.
 */
export const cardDescription: DocumentKind = {
  access: (state, actor, cardId) => {
    const card = state.cards[cardId];
    if (!card || actor.roles.length === 0) return 'none';
    return card.archived ? 'read' : 'write';
  },
  seed: (state, cardId) => paragraphsUpdate(state.cards[cardId]?.description ?? ''),
};
