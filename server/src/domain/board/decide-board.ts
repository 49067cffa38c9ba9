import { appError, type AppError } from '@verbund/shared/errors';
import { newCard, type CardFields } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { accept, reject, type Deciders } from '../decision.js';
import { withCard, withLiveCard } from '../live-card.js';

type BoardCommand = 'card.create' | 'card.update' | 'card.move' | 'card.archive' | 'card.restore' | 'card.describe';

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
  // Rule Y17: the mirror of the description document; an archived card's document is read-only anyway.
  'card.describe': (state, command) =>
    withLiveCard(state, command.payload.cardId, (card) =>
      card.description === command.payload.description ? reject(appError('conflict', 'the description is unchanged')) : accept({ type: 'card.described', data: command.payload }),
    ),
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
};

/** Partners and people a card names must exist in this workspace. */
function checkReferences(state: WorkspaceState, fields: Partial<CardFields>): AppError | null {
  const partnerIds = [...(fields.partnerIds ?? []), ...(fields.leadPartnerId ? [fields.leadPartnerId] : [])];
  if (partnerIds.some((id) => !state.partners[id])) return appError('invalid_payload', 'unknown partner');
  if ((fields.ownerIds ?? []).some((id) => !state.members[id])) return appError('invalid_payload', 'unknown person');
  return null;
}
