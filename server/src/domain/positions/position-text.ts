import type { DocumentKind } from '../feature.js';
import { paragraphsUpdate } from '../documents/paragraphs.js';

/**
 * `position:<positionId>` (rules Y15, P7): the text of a joint position. Every member writes while the
 * position is a draft; from the sign-off round on it is frozen, read-only for everyone, because the
 * partners sign exactly that text. A new position starts as one empty paragraph.
 */
export const positionText: DocumentKind = {
  access: (state, actor, positionId) => {
    const position = state.positions[positionId];
    if (!position || actor.roles.length === 0) return 'none';
    return position.status === 'draft' ? 'write' : 'read';
  },
  seed: () => paragraphsUpdate(''),
};
