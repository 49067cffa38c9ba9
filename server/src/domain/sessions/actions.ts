import { appError, refusal } from '@verbund/shared/errors';
import { SESSION_ACTION_LIMIT } from '@verbund/shared/features/sessions/actions';
import { mayRunSession } from '@verbund/shared/features/sessions/sessions-feature';
import { newCard } from '@verbund/shared/model';
import { accept, reject, type Deciders } from '../decision.js';

export type ActionCommand = 'session.add_action';

export const actionDeciders: Deciders<ActionCommand> = {
  /**
   * M55: while the session runs, a runner records an action item on an agenda item of it: a card on
   * the board at once (agreed, with its owners and due date, saying where it was agreed), and the
   * session keeps the link. Owners are active members.
   */
  'session.add_action': (state, { payload }, actor, ctx) => {
    const session = state.sessions[payload.sessionId];
    if (!session) return reject(refusal('not_found', 'session_not_found', 'session not found'));
    if (!mayRunSession(actor.personId, session)) return reject(refusal('forbidden', 'not_session_runner', 'only the moderator and co-moderators run a session'));
    if (session.state !== 'running') return reject(refusal('conflict', session.state === 'ended' ? 'session_ended' : 'session_not_running', 'action items are agreed while the session runs'));
    const index = session.items.findIndex((i) => i.id === payload.itemId);
    const item = session.items[index];
    if (!item) return reject(refusal('not_found', 'agenda_item_not_found', 'no such agenda item'));
    if (item.deferred) return reject(refusal('conflict', 'item_deferred', 'the item was deferred'));
    if (state.cards[payload.cardId]) return reject(appError('conflict', 'a card with this id exists'));
    if (!state.boards[payload.boardId]) return reject(appError('not_found', 'board not found'));
    if (new Set(payload.ownerIds).size !== payload.ownerIds.length || payload.ownerIds.some((id) => !state.members[id]?.active)) {
      return reject(refusal('invalid_payload', 'person_not_found', 'an owner is not an active member'));
    }
    if ((state.sessionActions[session.id]?.length ?? 0) >= SESSION_ACTION_LIMIT) {
      return reject(refusal('conflict', 'too_many_actions', `a session records at most ${SESSION_ACTION_LIMIT} action items`));
    }
    const description = `Aufgabe aus „${session.title}“, TOP ${index + 1}: ${item.title}`;
    const fields = { title: payload.title, area: payload.area, status: 'agreed' as const, ownerIds: payload.ownerIds, dueDate: payload.dueDate, description };
    const card = newCard({ cardId: payload.cardId, boardId: payload.boardId, position: payload.position, fields }, actor.personId, ctx.now);
    return accept(
      { type: 'card.created', data: { card } },
      { type: 'session.action_added', data: { sessionId: session.id, action: { itemId: item.id, cardId: card.id, by: actor.personId, at: ctx.now } } },
    );
  },
};
