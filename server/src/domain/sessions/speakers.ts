import { appError, refusal } from '@verbund/shared/errors';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { EMPTY_SPEAKER_BOOK, nextSpeaker, queueOf, speakingNow, SPEAKER_LIMITS, type QueueEntry, type SpeakerBook } from '@verbund/shared/features/sessions/speakers';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../actor.js';
import { accept, reject, type Deciders, type Decision } from '../decision.js';
import type { Policies } from '../feature.js';
import { anyMember } from '../roles.js';
import { whileRunning, withRunnable, withSession } from './guards.js';

export type SpeakerCommand =
  | 'session.raise_hand'
  | 'session.lower_hand'
  | 'session.remove_hand'
  | 'session.mark_point_of_order'
  | 'session.call_next_speaker'
  | 'session.end_contribution'
  | 'session.set_speaking_rules';

type Current = { session: ModeratedSession; book: SpeakerBook; itemId: string; queue: QueueEntry[] };

/** M27: the queue belongs to the current item; without one there is no queue to stand in. */
function withCurrentItem(state: WorkspaceState, session: ModeratedSession, then: (current: Current) => Decision): Decision {
  const itemId = session.currentItemId;
  if (itemId === null) return reject(refusal('conflict', 'no_current_item', 'no agenda item is being treated'));
  const book = state.sessionSpeakers[session.id] ?? EMPTY_SPEAKER_BOOK;
  return then({ session, book, itemId, queue: queueOf(book, itemId) });
}

/** A participant's own move on the queue of a running session (M20). */
const asParticipant = (state: WorkspaceState, sessionId: string, then: (current: Current) => Decision) =>
  withSession(state, sessionId, (session) => whileRunning(session, (running) => withCurrentItem(state, running, then)));

/** A runner's move on the queue of a running session (M1, M23). */
const asRunner = (state: WorkspaceState, sessionId: string, actor: Actor, then: (current: Current) => Decision) =>
  withRunnable(state, sessionId, actor, (session) => whileRunning(session, (running) => withCurrentItem(state, running, then)));

/** M20, M25: the person's hand is up on the current item. */
function withHand(current: Current, personId: string, then: (entry: QueueEntry) => Decision): Decision {
  const entry = current.queue.find((e) => e.personId === personId);
  return entry ? then(entry) : reject(refusal('conflict', 'hand_not_raised', 'the hand is not raised'));
}

const speakerDeciders: Deciders<SpeakerCommand> = {
  // M20, M21: the hand joins the end of its part of the queue; its place is the server's order, never the sender's.
  'session.raise_hand': (state, { payload }, actor, ctx) =>
    asParticipant(state, payload.sessionId, ({ session, itemId, queue }) => {
      if (queue.some((e) => e.personId === actor.personId)) return reject(refusal('conflict', 'hand_raised', 'the hand is raised already'));
      if (queue.length >= SPEAKER_LIMITS.queue) return reject(refusal('conflict', 'speaker_queue_full', `a queue holds at most ${SPEAKER_LIMITS.queue} hands`));
      const hand = { personId: actor.personId, partnerId: actor.partnerId, itemId, raisedAt: ctx.now };
      return accept({ type: 'session.hand_raised', data: { sessionId: session.id, hand, pointOfOrder: payload.pointOfOrder } });
    }),
  'session.lower_hand': (state, { payload }, actor) =>
    asParticipant(state, payload.sessionId, (current) =>
      withHand(current, actor.personId, () => accept({ type: 'session.hand_lowered', data: { sessionId: payload.sessionId, personId: actor.personId } })),
    ),
  'session.remove_hand': (state, { payload }, actor) =>
    asRunner(state, payload.sessionId, actor, (current) => withHand(current, payload.personId, () => accept({ type: 'session.hand_lowered', data: payload }))),
  'session.mark_point_of_order': (state, { payload }, actor) =>
    asRunner(state, payload.sessionId, actor, (current) =>
      withHand(current, payload.personId, (entry) =>
        entry.pointOfOrder
          ? reject(refusal('conflict', 'point_of_order_already', 'the hand is a point of order already'))
          : accept({ type: 'session.point_of_order_marked', data: payload }),
      ),
    ),
  // M23, M24, M26: the server picks who is next; the limit in force is recorded with the call.
  'session.call_next_speaker': (state, { payload }, actor) =>
    asRunner(state, payload.sessionId, actor, ({ book, itemId }) => {
      const next = nextSpeaker(book, itemId);
      if (!next) return reject(refusal('conflict', 'speaker_queue_empty', 'nobody has raised a hand'));
      if (book.contributions.length >= SPEAKER_LIMITS.contributions) return reject(appError('conflict', 'the session has recorded the most contributions it may'));
      const { pointOfOrder, ...hand } = next;
      return accept({ type: 'session.speaker_called', data: { sessionId: payload.sessionId, hand, pointOfOrder, limitSeconds: book.rules.limitSeconds } });
    }),
  'session.end_contribution': (state, { payload }, actor) =>
    asRunner(state, payload.sessionId, actor, ({ book, itemId }) =>
      speakingNow(book, itemId) ? accept({ type: 'session.contribution_ended', data: payload }) : reject(refusal('conflict', 'nobody_speaking', 'nobody is speaking')),
    ),
  // M28: set while planned or running; the same rules again change nothing and are refused.
  'session.set_speaking_rules': (state, { payload }, actor) =>
    withRunnable(state, payload.sessionId, actor, (session) => {
      const rules = (state.sessionSpeakers[session.id] ?? EMPTY_SPEAKER_BOOK).rules;
      const same = rules.limitSeconds === payload.rules.limitSeconds && rules.partnerBalance === payload.rules.partnerBalance;
      return same ? reject(appError('conflict', 'these are the rules already')) : accept({ type: 'session.speaking_rules_set', data: payload });
    }),
};

/** M20: every member raises and lowers their own hand; the rest is the runners' (M1), checked by the deciders. */
const speakerPolicy: Policies<SpeakerCommand> = {
  'session.raise_hand': anyMember,
  'session.lower_hand': anyMember,
  'session.remove_hand': anyMember,
  'session.mark_point_of_order': anyMember,
  'session.call_next_speaker': anyMember,
  'session.end_contribution': anyMember,
  'session.set_speaking_rules': anyMember,
};

export { speakerDeciders, speakerPolicy };
