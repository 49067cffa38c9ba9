import { appError, refusal } from '@verbund/shared/errors';
import { DISPATCH_LIMITS, type DispatchRecord } from '@verbund/shared/features/positions/dispatch';
import { mayRunRound, POSITION_LIMITS, type Position } from '@verbund/shared/features/positions/positions-feature';
import { newCard } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../actor.js';
import { accept, reject, type Deciders, type Decision } from '../decision.js';

export type DispatchCommand =
  | 'position.record_dispatch'
  | 'position.acknowledge_dispatch'
  | 'position.set_follow_up'
  | 'position.record_answer'
  | 'position.set_outcome'
  | 'position.create_follow_up';

/** P30: sending starts once the partners adopted the position; before that there is nothing to send. */
const SENDABLE: readonly Position['status'][] = ['adopted', 'sent', 'answered', 'done'];

/** P38: the lead partner's members and the moderators keep the dispatch records (the same people who run the round). */
function asDispatcher(state: WorkspaceState, positionId: string, actor: Actor, then: (position: Position) => Decision): Decision {
  const position = state.positions[positionId];
  if (!position) return reject(refusal('not_found', 'position_not_found', 'position not found'));
  if (!mayRunRound(actor, position)) return reject(refusal('forbidden', 'not_dispatcher', 'only the lead partner or a moderator records the dispatch'));
  if (!SENDABLE.includes(position.status)) return reject(refusal('conflict', 'position_not_adopted', 'only an adopted position is sent'));
  return then(position);
}

function withRecord(state: WorkspaceState, payload: { positionId: string; dispatchId: string }, actor: Actor, then: (record: DispatchRecord, position: Position) => Decision): Decision {
  return asDispatcher(state, payload.positionId, actor, (position) => {
    const record = state.positionDispatches[position.id]?.find((r) => r.id === payload.dispatchId);
    return record ? then(record, position) : reject(refusal('not_found', 'dispatch_not_found', 'no such dispatch record'));
  });
}

/** P39: nothing about a dispatch happens before it was sent. */
const beforeSending = (record: Pick<DispatchRecord, 'sentOn'>, day: string | null): Decision | null =>
  day !== null && day < record.sentOn ? reject(refusal('invalid_payload', 'before_sending', 'this day is before the day it was sent')) : null;

const withAnswer = (record: DispatchRecord, then: (answer: NonNullable<DispatchRecord['answer']>) => Decision): Decision =>
  record.answer ? then(record.answer) : reject(refusal('conflict', 'no_answer', 'no answer has been recorded'));

export const dispatchDeciders: Deciders<DispatchCommand> = {
  // P31: one record per recipient and sending; the first one makes the adopted position `sent`.
  'position.record_dispatch': (state, { payload }, actor, ctx) =>
    asDispatcher(state, payload.positionId, actor, (position) => {
      const records = state.positionDispatches[position.id] ?? [];
      if (Object.values(state.positionDispatches).some((list) => list.some((r) => r.id === payload.dispatchId))) {
        return reject(appError('conflict', 'a dispatch record with this id exists'));
      }
      if (records.length >= DISPATCH_LIMITS.dispatches) {
        return reject(refusal('conflict', 'too_many_dispatches', `a position is sent at most ${DISPATCH_LIMITS.dispatches} times`));
      }
      const { dispatchId, positionId, ...fields } = payload;
      const dispatch: DispatchRecord = { ...fields, id: dispatchId, recordedBy: actor.personId, recordedAt: ctx.now, acknowledgedOn: null, answer: null, outcome: null };
      return beforeSending(payload, payload.followUpOn) ?? accept({ type: 'position.dispatch_recorded', data: { positionId, dispatch } });
    }),
  // P32
  'position.acknowledge_dispatch': (state, { payload }, actor) =>
    withRecord(state, payload, actor, (record) => beforeSending(record, payload.acknowledgedOn) ?? accept({ type: 'position.dispatch_acknowledged', data: payload })),
  // P33: set, moved or cleared at any time after sending.
  'position.set_follow_up': (state, { payload }, actor) =>
    withRecord(state, payload, actor, (record) => beforeSending(record, payload.followUpOn) ?? accept({ type: 'position.follow_up_set', data: payload })),
  // P34: one answer per record, received on or after the day it was sent.
  'position.record_answer': (state, { payload }, actor, ctx) =>
    withRecord(state, payload, actor, (record) => {
      if (record.answer) return reject(refusal('conflict', 'answer_recorded', 'the answer has been recorded'));
      const answer = { text: payload.text, receivedOn: payload.receivedOn, recordedBy: actor.personId, recordedAt: ctx.now };
      return beforeSending(record, payload.receivedOn) ?? accept({ type: 'position.answer_recorded', data: { positionId: payload.positionId, dispatchId: record.id, answer } });
    }),
  // P35: the outcome follows an answer and may be revised.
  'position.set_outcome': (state, { payload }, actor) =>
    withRecord(state, payload, actor, (record) => withAnswer(record, () => accept({ type: 'position.outcome_set', data: payload }))),
  // P36: the card and its link in one decision, so no follow-up initiative exists without its position.
  'position.create_follow_up': (state, { payload }, actor, ctx) =>
    withRecord(state, payload, actor, (record, position) =>
      withAnswer(record, (answer) => {
        if (state.cards[payload.cardId]) return reject(appError('conflict', 'a card with this id exists'));
        if (!state.boards[payload.boardId]) return reject(appError('not_found', 'board not found'));
        if (position.cardIds.length >= POSITION_LIMITS.cards) {
          return reject(refusal('conflict', 'too_many_cards', `a position concerns at most ${POSITION_LIMITS.cards} cards`));
        }
        const fields = { title: payload.title, area: payload.area, status: 'idea' as const, description: answer.text };
        const card = newCard({ cardId: payload.cardId, boardId: payload.boardId, position: payload.position, fields }, actor.personId, ctx.now);
        return accept({ type: 'card.created', data: { card } }, { type: 'position.card_linked', data: { positionId: position.id, cardId: card.id } });
      }),
    ),
};
