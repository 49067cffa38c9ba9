import { appError, refusal } from '@verbund/shared/errors';
import {
  mayRunSession,
  SESSION_LIMITS,
  type AgendaItem,
  type ItemLinks,
  type ModeratedSession,
  type SessionFields,
} from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { accept, reject, type Deciders, type Decision } from '../decision.js';
import type { DomainFeature } from '../feature.js';
import { anyMember, hasRole } from '../roles.js';
import { actionDeciders, type ActionCommand } from './actions.js';
import { itemVoteDeciders, type ItemVoteCommand } from './item-votes.js';
import { sessionMinutes } from './session-minutes.js';
import { handOverDeciders, type HandOverCommand } from './hand-over.js';
import { withRunnable } from './guards.js';
import { speakerDeciders, speakerPolicy, type SpeakerCommand } from './speakers.js';
import { timerDeciders, timerPolicy, type TimerCommand } from './timer.js';
import { attendanceDeciders, attendancePolicy, type AttendanceCommand } from './attendance.js';

type SessionCommand =
  | HandOverCommand
  | 'session.create'
  | 'session.update'
  | 'session.add_item'
  | 'session.update_item'
  | 'session.remove_item'
  | 'session.move_item'
  | 'session.start'
  | 'session.take_up_item'
  | 'session.defer_item'
  | 'session.end'
  | ActionCommand
  | AttendanceCommand;

/** M4: the item is on this agenda and was not deferred (a deferred one stays as a record of where it went). */
function withItem(session: ModeratedSession, itemId: string, then: (item: AgendaItem) => Decision): Decision {
  const item = session.items.find((i) => i.id === itemId);
  if (!item) return reject(refusal('not_found', 'agenda_item_not_found', 'no such agenda item'));
  if (item.deferred) return reject(refusal('conflict', 'item_deferred', 'the item was deferred'));
  return then(item);
}

/** M1: co-moderators are active members of the workspace, the moderator not among them. */
function coModeratorProblem(state: WorkspaceState, fields: Partial<SessionFields>, moderatorId: string): Decision | null {
  const ids = fields.coModeratorIds;
  if (!ids) return null;
  if (new Set(ids).size !== ids.length || ids.includes(moderatorId)) return reject(appError('invalid_payload', 'co-moderators are named once and are not the moderator'));
  return ids.some((id) => !state.members[id]?.active) ? reject(refusal('invalid_payload', 'person_not_found', 'a co-moderator is not an active member')) : null;
}

/** M4: what an item links to exists in this workspace (votes a person may not see are still linkable by id). */
function linksProblem(state: WorkspaceState, links: ItemLinks | undefined): Decision | null {
  if (!links) return null;
  const missing =
    links.cardIds.some((id) => !state.cards[id]) || links.voteIds.some((id) => !state.votes[id]) || links.positionIds.some((id) => !state.positions[id]);
  return missing ? reject(refusal('invalid_payload', 'link_not_found', 'a linked initiative, vote or position does not exist')) : null;
}

const sessionDeciders: Deciders<SessionCommand> = {
  ...actionDeciders,
  ...handOverDeciders,
  'session.create': (state, { payload }, actor, ctx) => {
    if (state.sessions[payload.sessionId]) return reject(appError('conflict', 'a session with this id exists'));
    if (Object.keys(state.sessions).length >= SESSION_LIMITS.sessions) {
      return reject(refusal('conflict', 'too_many_sessions', `a workspace holds at most ${SESSION_LIMITS.sessions} sessions`));
    }
    const problem = coModeratorProblem(state, payload.fields, actor.personId);
    if (problem) return problem;
    const session: ModeratedSession = {
      ...payload.fields,
      id: payload.sessionId,
      state: 'planned',
      moderatorId: actor.personId,
      items: [],
      currentItemId: null,
      startedAt: null,
      endedAt: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return accept({ type: 'session.created', data: { session } });
  },
  'session.update': (state, { payload }, actor) =>
    withRunnable(state, payload.sessionId, actor, (session) => coModeratorProblem(state, payload.changes, session.moderatorId) ?? accept({ type: 'session.updated', data: payload })),
  'session.add_item': (state, { payload }, actor) =>
    withRunnable(state, payload.sessionId, actor, (session) => {
      if (Object.values(state.sessions).some((s) => s.items.some((i) => i.id === payload.itemId))) return reject(appError('conflict', 'an item with this id exists'));
      if (session.items.length >= SESSION_LIMITS.items) return reject(refusal('conflict', 'agenda_full', `an agenda holds at most ${SESSION_LIMITS.items} items`));
      const item: AgendaItem = { ...payload.fields, id: payload.itemId, spans: [], deferred: null };
      return linksProblem(state, payload.fields.links) ?? accept({ type: 'session.item_added', data: { sessionId: session.id, item } });
    }),
  'session.update_item': (state, { payload }, actor) =>
    withRunnable(state, payload.sessionId, actor, (session) =>
      withItem(session, payload.itemId, () => linksProblem(state, payload.changes.links) ?? accept({ type: 'session.item_updated', data: payload })),
    ),
  // M4: an item that was treated (has spans) is part of what happened and stays; only untreated ones are removed.
  'session.remove_item': (state, { payload }, actor) =>
    withRunnable(state, payload.sessionId, actor, (session) =>
      withItem(session, payload.itemId, (item) =>
        item.spans.length > 0
          ? reject(refusal('conflict', 'item_treated', 'an item that was treated stays on the agenda'))
          : accept({ type: 'session.item_removed', data: payload }),
      ),
    ),
  'session.move_item': (state, { payload }, actor) =>
    withRunnable(state, payload.sessionId, actor, (session) =>
      withItem(session, payload.itemId, () => {
        const toIndex = Math.min(payload.toIndex, session.items.length - 1);
        if (session.items[toIndex]?.id === payload.itemId) return reject(appError('conflict', 'the item is at that place already'));
        return accept({ type: 'session.item_moved', data: { ...payload, toIndex } });
      }),
    ),
  'session.start': (state, { payload }, actor) =>
    withRunnable(state, payload.sessionId, actor, (session) =>
      session.state === 'planned' ? accept({ type: 'session.started', data: payload }) : reject(refusal('conflict', 'session_running', 'the session runs already')),
    ),
  'session.take_up_item': (state, { payload }, actor) =>
    withRunnable(state, payload.sessionId, actor, (session) => {
      if (session.state !== 'running') return reject(refusal('conflict', 'session_not_running', 'the session has not started'));
      return withItem(session, payload.itemId, (item) => (session.currentItemId === item.id ? reject(appError('conflict', 'the item is the current one already')) : accept({ type: 'session.item_taken_up', data: payload })));
    }),
  // M6: the current item is not deferred (take up another first); the target is another session still planned.
  'session.defer_item': (state, { payload }, actor) =>
    withRunnable(state, payload.sessionId, actor, (session) =>
      withItem(session, payload.itemId, (item) => {
        if (session.currentItemId === item.id) return reject(refusal('conflict', 'item_current', 'the item is being treated now'));
        if (payload.toSessionId !== null) {
          const target = state.sessions[payload.toSessionId];
          if (!target || target.id === session.id || target.state !== 'planned') {
            return reject(refusal('conflict', 'defer_target_invalid', 'an item is deferred to another session that is still planned'));
          }
          if (!mayRunSession(actor.personId, target)) return reject(refusal('forbidden', 'not_session_runner', 'only those who run the later session add to its agenda'));
          if (target.items.length >= SESSION_LIMITS.items) return reject(refusal('conflict', 'agenda_full', `an agenda holds at most ${SESSION_LIMITS.items} items`));
        }
        if (Object.values(state.sessions).some((s) => s.items.some((i) => i.id === payload.newItemId))) return reject(appError('conflict', 'an item with this id exists'));
        return accept({ type: 'session.item_deferred', data: payload });
      }),
    ),
  'session.end': (state, { payload }, actor) =>
    withRunnable(state, payload.sessionId, actor, (session) =>
      session.state === 'running' ? accept({ type: 'session.ended', data: payload }) : reject(refusal('conflict', 'session_not_running', 'the session has not started')),
    ),
  ...attendanceDeciders,
};

/** Moderated sessions (docs/session-rules.md): moderators plan them; who runs one is the session's own rule (M1). */
export const sessionsDomain: DomainFeature<SessionCommand | SpeakerCommand | TimerCommand | ItemVoteCommand> = {
  name: 'sessions',
  deciders: { ...sessionDeciders, ...speakerDeciders, ...timerDeciders, ...itemVoteDeciders },
  policy: {
    ...speakerPolicy,
    ...timerPolicy,
    'session.create': (actor) => hasRole(actor, 'moderator'),
    'session.update': anyMember,
    'session.add_item': anyMember,
    'session.update_item': anyMember,
    'session.remove_item': anyMember,
    'session.move_item': anyMember,
    'session.start': anyMember,
    'session.take_up_item': anyMember,
    'session.defer_item': anyMember,
    'session.end': anyMember,
    'session.add_action': anyMember,
    'session.open_vote': anyMember,
    'session.take_over': anyMember,
    'session.hand_back': anyMember,
    ...attendancePolicy,
  },
  documents: { 'session-minutes': sessionMinutes },
};
