import type { Command, CommandOf } from '@verbund/shared/commands';
import { appError, type AppError } from '@verbund/shared/errors';
import { assertNever, type NewEvent } from '@verbund/shared/events';
import type { Card, CardFields } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from './actor.js';
import { mayRun } from './policy.js';

export type DecideContext = {
  /** The server's clock, injected. */
  now: string;
  /** Ids of the people of this workspace (owners must be among them). */
  isMember: (personId: string) => boolean;
};

export type Decision = { ok: true; events: NewEvent[] } | { ok: false; error: AppError };

const reject = (error: AppError): Decision => ({ ok: false, error });
const accept = (...events: NewEvent[]): Decision => ({ ok: true, events });

/** Command in, events or a typed error out. Pure: no I/O, no clock, no randomness. */
export function decide(state: WorkspaceState, command: Command, actor: Actor, ctx: DecideContext): Decision {
  if (command.workspaceId !== state.workspaceId) return reject(appError('not_found', 'workspace not found'));
  if (!mayRun(actor, command.type)) return reject(appError('forbidden', `you may not ${command.type}`));
  switch (command.type) {
    case 'card.create':
      return createCard(state, command, actor, ctx);
    case 'card.update':
      return withLiveCard(state, command.payload.cardId, () => {
        const problem = checkReferences(state, command.payload.changes, ctx);
        return problem ? reject(problem) : accept({ type: 'card.updated', data: command.payload });
      });
    case 'card.move':
      return withLiveCard(state, command.payload.cardId, () => accept({ type: 'card.moved', data: command.payload }));
    case 'card.archive':
      return withLiveCard(state, command.payload.cardId, () => accept({ type: 'card.archived', data: command.payload }));
    case 'card.restore':
      return withCard(state, command.payload.cardId, (card) =>
        card.archived
          ? accept({ type: 'card.restored', data: command.payload })
          : reject(appError('conflict', 'the card is not archived')),
      );
    case 'comment.add':
      return withLiveCard(state, command.payload.cardId, () =>
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
      );
    default:
      return assertNever(command);
  }
}

function createCard(state: WorkspaceState, command: CommandOf<'card.create'>, actor: Actor, ctx: DecideContext): Decision {
  const { cardId, boardId, position, fields } = command.payload;
  if (state.cards[cardId]) return reject(appError('conflict', 'a card with this id exists'));
  if (!state.boards[boardId]) return reject(appError('not_found', 'board not found'));
  const problem = checkReferences(state, fields, ctx);
  if (problem) return reject(problem);
  const card: Card = {
    description: '',
    leadPartnerId: null,
    partnerIds: [],
    ownerIds: [],
    tags: [],
    dueDate: null,
    addressee: null,
    links: [],
    ...fields,
    id: cardId,
    boardId,
    position,
    archived: false,
    createdAt: ctx.now,
    createdBy: actor.personId,
    updatedAt: ctx.now,
  };
  return accept({ type: 'card.created', data: { card } });
}

function withCard(state: WorkspaceState, cardId: string, then: (card: Card) => Decision): Decision {
  const card = state.cards[cardId];
  return card ? then(card) : reject(appError('not_found', 'card not found'));
}

/** Archived cards are read-only until restored. */
function withLiveCard(state: WorkspaceState, cardId: string, then: (card: Card) => Decision): Decision {
  return withCard(state, cardId, (card) => (card.archived ? reject(appError('conflict', 'the card is archived')) : then(card)));
}

/** Partners and people a card names must exist in this workspace. */
function checkReferences(state: WorkspaceState, fields: Partial<CardFields>, ctx: DecideContext): AppError | null {
  const partnerIds = [...(fields.partnerIds ?? []), ...(fields.leadPartnerId ? [fields.leadPartnerId] : [])];
  if (partnerIds.some((id) => !state.partners[id])) return appError('invalid_payload', 'unknown partner');
  if ((fields.ownerIds ?? []).some((id) => !ctx.isMember(id))) return appError('invalid_payload', 'unknown person');
  return null;
}
