import { z } from 'zod';
import { idSchema, instantSchema } from '../../model.js';
import type { ModeratedSession } from './sessions-feature.js';
import { startTimer, type SessionTimer } from './timer.js';

/** Raised hands and the speaker queue (docs/session-rules.md, M20–M29). */
export const SPEAKER_LIMITS = { minLimitSeconds: 10, maxLimitSeconds: 3_600, queue: 500, contributions: 5_000 } as const;

/** M28: the session's speaking rules, set by a runner while the session is planned or running. */
export const speakingRulesSchema = z.strictObject({
  /** M26: seconds each contribution may take, with the timer; null for no limit. */
  limitSeconds: z.number().int().min(SPEAKER_LIMITS.minLimitSeconds).max(SPEAKER_LIMITS.maxLimitSeconds).nullable(),
  /** M24: call a partner that has not spoken on the item yet before one that has. */
  partnerBalance: z.boolean(),
});
export type SpeakingRules = z.infer<typeof speakingRulesSchema>;
export const DEFAULT_SPEAKING_RULES: SpeakingRules = { limitSeconds: null, partnerBalance: false };

/** A raised hand on one agenda item (M20, M27), with the partner the person speaks for. */
export const handSchema = z.strictObject({
  personId: idSchema,
  partnerId: idSchema,
  itemId: idSchema,
  raisedAt: instantSchema,
});
export type Hand = z.infer<typeof handSchema>;

/** Who spoke on which item, from when to when (M23, M27); `to` is null while they still speak. */
export const contributionSchema = handSchema.omit({ raisedAt: true }).extend({
  pointOfOrder: z.boolean(),
  from: instantSchema,
  to: instantSchema.nullable(),
});
export type Contribution = z.infer<typeof contributionSchema>;

/**
 * One session's queue, in the server's order (M21): the points of order in the order they became
 * points of order, then the ordinary hands in the order they were raised; and everything said.
 */
export const speakerBookSchema = z.strictObject({
  rules: speakingRulesSchema,
  pointsOfOrder: z.array(handSchema).max(SPEAKER_LIMITS.queue),
  hands: z.array(handSchema).max(SPEAKER_LIMITS.queue),
  contributions: z.array(contributionSchema).max(SPEAKER_LIMITS.contributions),
});
export type SpeakerBook = z.infer<typeof speakerBookSchema>;

export const EMPTY_SPEAKER_BOOK: SpeakerBook = { rules: DEFAULT_SPEAKING_RULES, pointsOfOrder: [], hands: [], contributions: [] };

/** A place in the queue as everyone sees it (M21): a hand, and whether it is a point of order. */
export type QueueEntry = Hand & { pointOfOrder: boolean };

/** M21, M27: the queue of the current item, points of order first; hands on other items are not in it. */
export function queueOf(book: SpeakerBook, itemId: string | null): QueueEntry[] {
  const on = (hand: Hand) => hand.itemId === itemId;
  return [...book.pointsOfOrder.filter(on).map((h) => ({ ...h, pointOfOrder: true })), ...book.hands.filter(on).map((h) => ({ ...h, pointOfOrder: false }))];
}

/** A person's place in the queue of the item, 1 first, or null when their hand is not raised. */
export function placeOf(queue: readonly QueueEntry[], personId: string): number | null {
  const index = queue.findIndex((entry) => entry.personId === personId);
  return index < 0 ? null : index + 1;
}

/** M23, M27: who speaks now on the item: the last contribution on it, while it has not ended. */
export function speakingNow(book: SpeakerBook, itemId: string | null): Contribution | null {
  const last = book.contributions.at(-1);
  return last && last.to === null && last.itemId === itemId ? last : null;
}

/**
 * M23, M24: who is called next on the item: the first point of order; else, with partner balance,
 * the first hand of a partner that has not spoken on the item yet; else the first hand.
 */
export function nextSpeaker(book: SpeakerBook, itemId: string): QueueEntry | null {
  const queue = queueOf(book, itemId);
  const first = queue[0];
  if (!first || first.pointOfOrder || !book.rules.partnerBalance) return first ?? null;
  const spoke = new Set(book.contributions.filter((c) => c.itemId === itemId).map((c) => c.partnerId));
  return queue.find((entry) => !spoke.has(entry.partnerId)) ?? first;
}

/**
 * M27: when an open contribution ends if it ends at `at`: at the latest when the span of its item
 * it began in ended (another item was taken up, or the session ended).
 */
export function contributionEnd(session: Pick<ModeratedSession, 'items'> | undefined, c: Contribution, at: string): string {
  const span = session?.items.find((i) => i.id === c.itemId)?.spans.find((sp) => sp.from <= c.from && (sp.to === null || sp.to >= c.from));
  return span?.to != null && span.to < at ? span.to : at;
}

/** M27: who spoke on each item, in order, for the minutes; a contribution still open ends at `now`. */
export function contributionsByItem(book: SpeakerBook, session: Pick<ModeratedSession, 'items'>, now: string): Record<string, Contribution[]> {
  const byItem: Record<string, Contribution[]> = {};
  for (const c of book.contributions) (byItem[c.itemId] ??= []).push({ ...c, to: c.to ?? contributionEnd(session, c, now) });
  return byItem;
}

const withoutPerson = (hands: readonly Hand[], personId: string) => hands.filter((h) => h.personId !== personId);
const ref = { sessionId: idSchema };
const personRef = { ...ref, personId: idSchema };

export const speakerCommands = {
  /** M20, M22: the sender raises their own hand on the current item, as a point of order or not. */
  'session.raise_hand': z.strictObject({ ...ref, pointOfOrder: z.boolean() }),
  /** M20: the sender lowers their own hand. */
  'session.lower_hand': z.strictObject(ref),
  /** M25: a runner takes someone's hand off the queue. */
  'session.remove_hand': z.strictObject(personRef),
  /** M22: a runner makes a raised hand a point of order. */
  'session.mark_point_of_order': z.strictObject(personRef),
  /** M23: a runner calls the next speaker; the server picks who (M21, M24). */
  'session.call_next_speaker': z.strictObject(ref),
  /** M23: a runner ends the current contribution without calling anyone. */
  'session.end_contribution': z.strictObject(ref),
  /** M28: the speaking-time limit and partner balance. */
  'session.set_speaking_rules': z.strictObject({ ...ref, rules: speakingRulesSchema }),
};

export const speakerEvents = {
  'session.hand_raised': z.strictObject({ sessionId: idSchema, hand: handSchema, pointOfOrder: z.boolean() }),
  'session.hand_lowered': z.strictObject(personRef),
  'session.point_of_order_marked': z.strictObject(personRef),
  /** The limit in force at the call is recorded with it (M26). */
  'session.speaker_called': z.strictObject({ sessionId: idSchema, hand: handSchema, pointOfOrder: z.boolean(), limitSeconds: z.number().int().positive().nullable() }),
  'session.contribution_ended': z.strictObject(ref),
  'session.speaking_rules_set': z.strictObject({ ...ref, rules: speakingRulesSchema }),
};

export const speakerSubjects = {
  'session.hand_raised': (d: { sessionId: string }) => d.sessionId,
  'session.hand_lowered': (d: { sessionId: string }) => d.sessionId,
  'session.point_of_order_marked': (d: { sessionId: string }) => d.sessionId,
  'session.speaker_called': (d: { sessionId: string }) => d.sessionId,
  'session.contribution_ended': (d: { sessionId: string }) => d.sessionId,
  'session.speaking_rules_set': (d: { sessionId: string }) => d.sessionId,
};

type SpeakerSlice = { sessions: Record<string, ModeratedSession>; sessionSpeakers: Record<string, SpeakerBook>; sessionTimers: Record<string, SessionTimer> };
type In<T extends keyof typeof speakerEvents> = { data: z.infer<(typeof speakerEvents)[T]>; at: string };

function changeBook(s: SpeakerSlice, sessionId: string, change: (book: SpeakerBook) => Partial<SpeakerBook>): void {
  const book = s.sessionSpeakers[sessionId] ?? EMPTY_SPEAKER_BOOK;
  s.sessionSpeakers[sessionId] = { ...book, ...change(book) };
}

/** M23: the running contribution ends at `at`; a speaker's timer ends with it (M26). */
function endContribution(s: SpeakerSlice, sessionId: string, at: string): void {
  const session = s.sessions[sessionId];
  changeBook(s, sessionId, (book) => ({ contributions: book.contributions.map((c) => (c.to === null ? { ...c, to: contributionEnd(session, c, at) } : c)) }));
  if (s.sessionTimers[sessionId]?.subject.kind === 'speaker') delete s.sessionTimers[sessionId];
}

export const speakerReducers = {
  // M27: hands left over from an item treated before are dropped, so the queue holds one item's hands.
  'session.hand_raised': (s: SpeakerSlice, e: In<'session.hand_raised'>) =>
    changeBook(s, e.data.sessionId, (book) => {
      const onItem = (hands: Hand[]) => hands.filter((h) => h.itemId === e.data.hand.itemId);
      const [pointsOfOrder, hands] = [onItem(book.pointsOfOrder), onItem(book.hands)];
      return e.data.pointOfOrder ? { pointsOfOrder: [...pointsOfOrder, e.data.hand], hands } : { pointsOfOrder, hands: [...hands, e.data.hand] };
    }),
  'session.hand_lowered': (s: SpeakerSlice, e: In<'session.hand_lowered'>) =>
    changeBook(s, e.data.sessionId, (book) => ({ pointsOfOrder: withoutPerson(book.pointsOfOrder, e.data.personId), hands: withoutPerson(book.hands, e.data.personId) })),
  // M22: a marked hand joins the end of the points of order.
  'session.point_of_order_marked': (s: SpeakerSlice, e: In<'session.point_of_order_marked'>) =>
    changeBook(s, e.data.sessionId, (book) => {
      const hand = book.hands.find((h) => h.personId === e.data.personId);
      return hand ? { hands: withoutPerson(book.hands, hand.personId), pointsOfOrder: [...book.pointsOfOrder, hand] } : {};
    }),
  'session.speaker_called': (s: SpeakerSlice, e: In<'session.speaker_called'>) => {
    endContribution(s, e.data.sessionId, e.at);
    const { personId, partnerId, itemId } = e.data.hand;
    changeBook(s, e.data.sessionId, (book) => ({
      pointsOfOrder: withoutPerson(book.pointsOfOrder, personId),
      hands: withoutPerson(book.hands, personId),
      contributions: [...book.contributions, { personId, partnerId, itemId, pointOfOrder: e.data.pointOfOrder, from: e.at, to: null }],
    }));
    if (e.data.limitSeconds !== null) s.sessionTimers[e.data.sessionId] = startTimer({ kind: 'speaker', personId }, e.data.limitSeconds * 1000, e.at);
  },
  'session.contribution_ended': (s: SpeakerSlice, e: In<'session.contribution_ended'>) => endContribution(s, e.data.sessionId, e.at),
  'session.speaking_rules_set': (s: SpeakerSlice, e: In<'session.speaking_rules_set'>) => changeBook(s, e.data.sessionId, () => ({ rules: e.data.rules })),
};
