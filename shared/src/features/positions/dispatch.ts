import { z } from 'zod';
import { areaSchema, idSchema, instantSchema, line, positionSchema as cardPlacementSchema, text, titleSchema } from '../../model.js';

/** After sending (docs/position-rules.md, P30–P39): one record per addressee a position was sent to. */
export const DISPATCH_LIMITS = { dispatches: 20, recipient: 200, fileReference: 100, answer: 20_000 } as const;

export const DISPATCH_CHANNELS = ['email', 'post', 'bea_egvp', 'portal', 'handover'] as const;
export const dispatchChannelSchema = z.enum(DISPATCH_CHANNELS);

/** What became of it (P35): `open` is an answer that settles nothing yet; the others close the record. */
export const DISPATCH_OUTCOMES = ['accepted', 'partial', 'rejected', 'open'] as const;
export const dispatchOutcomeSchema = z.enum(DISPATCH_OUTCOMES);
export type DispatchOutcome = z.infer<typeof dispatchOutcomeSchema>;

const calendarDay = z.iso.date();

export const dispatchAnswerSchema = z.strictObject({
  text: text(DISPATCH_LIMITS.answer),
  receivedOn: calendarDay,
  recordedBy: idSchema,
  recordedAt: instantSchema,
});

export const dispatchRecordSchema = z.strictObject({
  id: idSchema,
  /** Whom it went to: the position's addressee, or one more body it was sent to. */
  recipient: line(DISPATCH_LIMITS.recipient),
  channel: dispatchChannelSchema,
  sentOn: calendarDay,
  /** The addressee's or our Aktenzeichen, if there is one. */
  fileReference: line(DISPATCH_LIMITS.fileReference).nullable(),
  recordedBy: idSchema,
  recordedAt: instantSchema,
  /** Eingangsbestätigung: the day the addressee confirmed receipt. */
  acknowledgedOn: calendarDay.nullable(),
  /** Wiedervorlage: the day to look at it again while it is not closed (P33). */
  followUpOn: calendarDay.nullable(),
  answer: dispatchAnswerSchema.nullable(),
  outcome: dispatchOutcomeSchema.nullable(),
});
export type DispatchRecord = z.infer<typeof dispatchRecordSchema>;

const ref = { positionId: idSchema, dispatchId: idSchema };

export const dispatchCommands = {
  /** P31: sent on a day, through a channel, to a recipient; the first one makes the position `sent`. */
  'position.record_dispatch': z.strictObject({
    ...ref,
    recipient: line(DISPATCH_LIMITS.recipient),
    channel: dispatchChannelSchema,
    sentOn: calendarDay,
    fileReference: line(DISPATCH_LIMITS.fileReference).nullable(),
    followUpOn: calendarDay.nullable(),
  }),
  /** P32: the acknowledgement of receipt. */
  'position.acknowledge_dispatch': z.strictObject({ ...ref, acknowledgedOn: calendarDay }),
  /** P33: the follow-up date, set, moved or cleared. */
  'position.set_follow_up': z.strictObject({ ...ref, followUpOn: calendarDay.nullable() }),
  /** P34: the answer received; the position is `answered`. */
  'position.record_answer': z.strictObject({ ...ref, text: text(DISPATCH_LIMITS.answer), receivedOn: calendarDay }),
  /** P35: what the answer means for the position; when every record is closed, it is `done`. */
  'position.set_outcome': z.strictObject({ ...ref, outcome: dispatchOutcomeSchema }),
  /** P36: a follow-up initiative from an answer, created and linked in one step; its description is the answer. */
  'position.create_follow_up': z.strictObject({
    ...ref,
    cardId: idSchema,
    boardId: idSchema,
    position: cardPlacementSchema,
    title: titleSchema,
    area: areaSchema,
  }),
};

export const dispatchEvents = {
  'position.dispatch_recorded': z.strictObject({ positionId: idSchema, dispatch: dispatchRecordSchema }),
  'position.dispatch_acknowledged': z.strictObject({ ...ref, acknowledgedOn: calendarDay }),
  'position.follow_up_set': z.strictObject({ ...ref, followUpOn: calendarDay.nullable() }),
  'position.answer_recorded': z.strictObject({ ...ref, answer: dispatchAnswerSchema }),
  'position.outcome_set': z.strictObject({ ...ref, outcome: dispatchOutcomeSchema }),
};

export const isClosed = (record: DispatchRecord): boolean => record.outcome !== null && record.outcome !== 'open';

/** P30: what the records make of an adopted position: sent, answered once any answer is in, done when all are closed. */
export function dispatchStatus(records: readonly DispatchRecord[]): 'sent' | 'answered' | 'done' {
  if (records.length > 0 && records.every(isClosed)) return 'done';
  return records.some((r) => r.answer !== null) ? 'answered' : 'sent';
}

/** P33: the follow-up date a record still waits on, or null when it has none or is closed. */
export const pendingFollowUp = (record: DispatchRecord): string | null => (isClosed(record) ? null : record.followUpOn);

/** The earliest pending follow-up of the positions concerning each card (P37), for the board. */
export function followUpsOfCards(
  positions: Readonly<Record<string, { cardIds: readonly string[] }>>,
  dispatches: Readonly<Record<string, readonly DispatchRecord[]>>,
): Record<string, string> {
  const byCard: Record<string, string> = {};
  for (const [positionId, records] of Object.entries(dispatches)) {
    for (const day of records.map(pendingFollowUp)) {
      if (day === null) continue;
      for (const cardId of positions[positionId]?.cardIds ?? []) {
        const known = byCard[cardId];
        if (known === undefined || day < known) byCard[cardId] = day;
      }
    }
  }
  return byCard;
}

/** A follow-up date is overdue once the office's today (Europe/Berlin) is past it. */
export const isOverdue = (followUpOn: string, today: string): boolean => followUpOn < today;

/** Changes one record of a position in the slice. */
export function updateDispatch(all: Record<string, DispatchRecord[]>, positionId: string, dispatchId: string, change: Partial<DispatchRecord>): void {
  const list = all[positionId];
  if (list) all[positionId] = list.map((record) => (record.id === dispatchId ? { ...record, ...change } : record));
}
