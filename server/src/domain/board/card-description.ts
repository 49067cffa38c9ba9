import { LIMITS, stripControlChars } from '@verbund/shared/model';
import type { DocumentKind } from '../feature.js';
import { paragraphsText, paragraphsUpdate } from '../documents/paragraphs.js';

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
  // Y17: the card keeps the text as plain lines (board preview, search, exports), cut at the field's limit.
  mirror: (state, cardId, doc, writers) => {
    const card = state.cards[cardId];
    const description = stripControlChars(paragraphsText(doc)).slice(0, LIMITS.description);
    if (!card || card.archived || card.description === description) return null;
    return { type: 'card.describe', payload: { cardId, description, writers: [...writers] } };
  },
};
