import { z } from 'zod';
import { defineFeature } from '../../feature.js';
import { commentBodySchema, commentSchema, idSchema } from '../../model.js';

/** Comments on a card, oldest first; a comment's subject is its card. */
export const commentsFeature = defineFeature({
  name: 'comments',
  commands: {
    'comment.add': z.strictObject({ commentId: idSchema, cardId: idSchema, body: commentBodySchema }),
  },
  events: {
    'comment.added': z.strictObject({ comment: commentSchema }),
  },
  slice: {
    version: 1,
    /** Comments by card id, oldest first. */
    shape: { comments: z.record(z.string(), z.array(commentSchema)) },
    empty: () => ({ comments: {} }),
    containers: ['comments'],
    reducers: {
      'comment.added': (s, e) => {
        const { comment } = e.data;
        s.comments[comment.cardId] = [...(s.comments[comment.cardId] ?? []), comment];
      },
    },
    migrations: {},
  },
  predict: {
    'comment.add': (s, { commentId, cardId, body }, by) =>
      (s.comments[cardId] ?? []).some((c) => c.id === commentId)
        ? null
        : [{ type: 'comment.added', data: { comment: { id: commentId, cardId, authorId: by.actorId, body, createdAt: by.now } } }],
  },
  subjects: {
    'comment.added': (d) => d.comment.cardId,
  },
});
