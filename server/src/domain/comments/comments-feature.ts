import { appError } from '@verbund/shared/errors';
import type { WorkspaceState } from '@verbund/shared/projection';
import { accept, reject, type Deciders } from '../decision.js';
import type { DomainFeature } from '../feature.js';
import { withLiveCard } from '../live-card.js';
import { anyMember } from '../roles.js';

const commentIdTaken = (state: WorkspaceState, commentId: string) => Object.values(state.comments).some((list) => list.some((c) => c.id === commentId));

const commentDeciders: Deciders<'comment.add'> = {
  'comment.add': (state, command, actor, ctx) =>
    withLiveCard(state, command.payload.cardId, () => {
      const { commentId, cardId, body } = command.payload;
      // Found by the prediction property test: a second comment under a taken id was stored twice.
      if (commentIdTaken(state, commentId)) return reject(appError('conflict', 'a comment with this id exists'));
      return accept({ type: 'comment.added', data: { comment: { id: commentId, cardId, authorId: actor.personId, body, createdAt: ctx.now } } });
    }),
};

/** Comments on a card: decided here, seen by everyone as stored. */
export const commentsDomain: DomainFeature<'comment.add'> = {
  name: 'comments',
  deciders: commentDeciders,
  policy: { 'comment.add': anyMember },
};
