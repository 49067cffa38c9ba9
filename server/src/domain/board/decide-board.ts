import { appError, type AppError } from '@verbund/shared/errors';
import { newCard, type Card, type CardFields } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { accept, reject, type Decision, type Deciders } from '../decision.js';

type BoardCommand = 'card.create' | 'card.update' | 'card.move' | 'card.archive' | 'card.restore' | 'comment.add';

export const boardDeciders: Deciders<BoardCommand> = {
  'card.create': (state, command, actor, ctx) => {
    const { cardId, boardId, fields } = command.payload;
    if (state.cards[cardId]) return reject(appError('conflict', 'a card with this id exists'));
    if (!state.boards[boardId]) return reject(appError('not_found', 'board not found'));
    const problem = checkReferences(state, fields);
    if (problem) return reject(problem);
    const card = newCard(command.payload, actor.personId, ctx.now);
    return accept({ type: 'card.created', data: { card } });
  },
  'card.update': (state, command) =>
    withLiveCard(state, command.payload.cardId, () => {
      const problem = checkReferences(state, command.payload.changes);
      return problem ? reject(problem) : accept({ type: 'card.updated', data: command.payload });
    }),
  'card.move': (state, command) =>
    withLiveCard(state, command.payload.cardId, () => accept({ type: 'card.moved', data: command.payload })),
  'card.archive': (state, command) =>
    withLiveCard(state, command.payload.cardId, () => accept({ type: 'card.archived', data: command.payload })),
  'card.restore': (state, command) =>
    withCard(state, command.payload.cardId, (card) =>
      card.archived
        ? accept({ type: 'card.restored', data: command.payload })
        : reject(appError('conflict', 'the card is not archived')),
    ),
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

function withCard(state: WorkspaceState, cardId: string, then: (card: Card) => Decision): Decision {
  const card = state.cards[cardId];
  return card ? then(card) : reject(appError('not_found', 'card not found'));
}

/** S15: archived cards are read-only until restored. */
function withLiveCard(state: WorkspaceState, cardId: string, then: (card: Card) => Decision): Decision {
  return withCard(state, cardId, (card) => (card.archived ? reject(appError('conflict', 'the card is archived')) : then(card)));
}

/** Partners and people a card names must exist in this workspace. */
function checkReferences(state: WorkspaceState, fields: Partial<CardFields>): AppError | null {
  const partnerIds = [...(fields.partnerIds ?? []), ...(fields.leadPartnerId ? [fields.leadPartnerId] : [])];
  if (partnerIds.some((id) => !state.partners[id])) return appError('invalid_payload', 'unknown partner');
  if ((fields.ownerIds ?? []).some((id) => !state.members[id])) return appError('invalid_payload', 'unknown person');
  return null;
}
