import { refusal, type AppError } from '@verbund/shared/errors';
import type { SessionFocus } from '@verbund/shared/features/sessions/focus';
import { sessionLeadOf } from '@verbund/shared/features/sessions/session-lead';
import { mayRunSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../actor.js';

/** M46: what a focus names is on this agenda (an item) or in this workspace (a card, a vote, a position). */
function targetMissing(state: WorkspaceState, focus: SessionFocus, items: readonly { id: string }[]): AppError | null {
  switch (focus.kind) {
    case 'item':
      return items.some((i) => i.id === focus.itemId) ? null : refusal('not_found', 'agenda_item_not_found', 'no such agenda item');
    case 'card':
      return state.cards[focus.cardId] ? null : refusal('invalid_payload', 'link_not_found', 'no such initiative');
    case 'vote':
      return state.votes[focus.voteId] ? null : refusal('invalid_payload', 'link_not_found', 'no such vote');
    case 'position':
      return state.positions[focus.positionId] ? null : refusal('invalid_payload', 'link_not_found', 'no such position');
  }
}

/**
 * M45, M46: who may set a session's focus, decided without I/O like a command (the live server
 * asks it for every `session:focus`): the person leading a running session, naming something that exists.
 */
export function focusRefusal(state: WorkspaceState, actor: Actor, sessionId: string, focus: SessionFocus): AppError | null {
  const session = state.sessions[sessionId];
  if (!session) return refusal('not_found', 'session_not_found', 'session not found');
  if (!mayRunSession(actor.personId, session)) return refusal('forbidden', 'not_session_runner', 'only the moderator and co-moderators run a session');
  if (session.state !== 'running') return refusal('conflict', 'session_not_running', 'the session is not running');
  if (sessionLeadOf(state.sessionLeads, session) !== actor.personId) return refusal('forbidden', 'not_session_lead', 'only the one leading the session sets its focus');
  return targetMissing(state, focus, session.items);
}
