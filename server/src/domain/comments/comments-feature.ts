import { accept, type Deciders } from '../decision.js';
import type { DomainFeature } from '../feature.js';
import { withLiveCard } from '../live-card.js';

const commentDeciders: Deciders<'comment.add'> = {
  'comment.add': (state, command, actor, ctx) =>
    withLiveCard(state, command.payload.cardId, () =>
      accept({
        type: 'comment.added',
        data: {
          comment: {
            id: command.payload.commentId,
            cardId: command.payload.cardId,
            authorId: actor.personId,
            body: command.payload.body,
            createdAt: ctx.now,
          },
        },
      }),
    ),
};

/** Comments on a card: decided here, seen by everyone as stored. */
export const commentsDomain: DomainFeature<'comment.add'> = {
  name: 'comments',
  deciders: commentDeciders,
};
