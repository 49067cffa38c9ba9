import { z } from 'zod';
import { defineFeature, replace } from '../../feature.js';
import { idSchema, instantSchema, line, text } from '../../model.js';
import { pmDocSchema, textAuthorsSchema } from '../../rich-text.js';
import { dispatchCommands, dispatchEvents, dispatchRecordSchema, dispatchStatus, updateDispatch, type DispatchRecord } from './dispatch.js';

export const POSITION_LIMITS = { addresseeName: 200, cards: 50, positions: 1_000, versions: 200, versionName: 120, reason: 2_000 } as const;

/**
 * Where a position is in its life (docs/position-rules.md, P1). A new one is a draft; the sign-off
 * round (in Abstimmung → beschlossen) and the dispatch (versendet → beantwortet → erledigt) move it.
 */
export const POSITION_STATUSES = ['draft', 'in_review', 'adopted', 'sent', 'answered', 'done'] as const;
export const positionStatusSchema = z.enum(POSITION_STATUSES);
export type PositionStatus = z.infer<typeof positionStatusSchema>;

export const ADDRESSEE_KINDS = ['land', 'it_provider', 'other'] as const;

/** Whom the position speaks to: the Land, a named IT service provider, or someone else, by name. */
export const positionAddresseeSchema = z.strictObject({
  kind: z.enum(ADDRESSEE_KINDS),
  name: line(POSITION_LIMITS.addresseeName),
});
export type PositionAddressee = z.infer<typeof positionAddresseeSchema>;

const calendarDate = z.iso.date();

/** The fields a person edits on a position; each is its own last-writer-wins register (like a card's). */
export const positionFieldsSchema = z.strictObject({
  title: line(200),
  addressee: positionAddresseeSchema,
  leadPartnerId: idSchema,
  /** When the position should be adopted; a calendar day, or none. */
  dueDate: calendarDate.nullable(),
});
export type PositionFields = z.infer<typeof positionFieldsSchema>;

export const positionSchema = positionFieldsSchema.extend({
  id: idSchema,
  status: positionStatusSchema,
  /** The initiatives it concerns, in the order they were linked (P4). */
  cardIds: z.array(idSchema).max(POSITION_LIMITS.cards),
  createdBy: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Position = z.infer<typeof positionSchema>;

/** SHA-256 of a text's canonical ProseMirror JSON, hex: it names exactly one text (P8). */
export const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

/** A named version of a position's text (P8): frozen content, known by its hash; the content itself is in its event. */
export const positionVersionSchema = z.strictObject({
  id: idSchema,
  name: line(POSITION_LIMITS.versionName),
  hash: contentHashSchema,
  namedBy: idSchema,
  namedAt: instantSchema,
});
export type PositionVersion = z.infer<typeof positionVersionSchema>;

/** A partner's answer in a sign-off round (P12): given by its Dezernent, or a deputy in their place. */
export const signoffAnswerSchema = z.strictObject({
  decision: z.enum(['approved', 'declined']),
  by: idSchema,
  /** The Dezernent a deputy answered for ("in Vertretung für"), or null when the Dezernent answered. */
  onBehalfOf: idSchema.nullable(),
  /** Why a partner declined; null for an approval. */
  reason: text(POSITION_LIMITS.reason).nullable(),
  at: instantSchema,
});
export type SignoffAnswer = z.infer<typeof signoffAnswerSchema>;

export const ROUND_OUTCOMES = ['adopted', 'declined', 'withdrawn'] as const;

/**
 * A sign-off round (P10–P16): the text frozen at one version (its hash is what every partner signs),
 * the partners active when it started, and their answers. Open until every one approved (adopted), one
 * declined, or it was withdrawn; the position's rounds are kept, oldest first.
 */
export const signoffRoundSchema = z.strictObject({
  id: idSchema,
  versionId: idSchema,
  hash: contentHashSchema,
  startedBy: idSchema,
  startedAt: instantSchema,
  entitled: z.array(idSchema),
  answers: z.record(z.string(), signoffAnswerSchema),
  outcome: z.enum(ROUND_OUTCOMES).nullable(),
  endedAt: instantSchema.nullable(),
  endedBy: idSchema.nullable(),
});
export type SignoffRound = z.infer<typeof signoffRoundSchema>;

/** P10: who runs a position's sign-off round: a moderator, or a member of the lead partner (server and UI alike). */
export const mayRunRound = (who: { roles: readonly string[]; partnerId: string }, position: Pick<Position, 'leadPartnerId'>): boolean =>
  who.roles.includes('moderator') || who.partnerId === position.leadPartnerId;

/** The open round of a position, if any (P10: at most one). */
export const openRound = (rounds: readonly SignoffRound[] | undefined): SignoffRound | null => rounds?.find((r) => r.outcome === null) ?? null;

/** Name a version; sent over HTTP, because the server reads the text itself (a client's copy may lag). */
export const nameVersionBodySchema = z.strictObject({ versionId: idSchema, name: line(POSITION_LIMITS.versionName) });

/** `authors` (Y18) since authorship was recorded; older versions have none. */
const versionRecorded = z.strictObject({ positionId: idSchema, version: positionVersionSchema, content: pmDocSchema, authors: textAuthorsSchema.optional() });

/** Start a sign-off round; over HTTP, because the server freezes the text it has stored (P10). */
export const startSignoffBodySchema = z.strictObject({ roundId: idSchema, versionId: idSchema, name: line(POSITION_LIMITS.versionName) });
const signoffStart = z.strictObject({
  positionId: idSchema,
  round: z.strictObject({ id: idSchema, startedBy: idSchema }),
  version: positionVersionSchema,
  content: pmDocSchema,
  authors: textAuthorsSchema,
});
const roundRef = { positionId: idSchema, roundId: idSchema };

const positionChangesSchema = positionFieldsSchema
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'at least one field must change');

const cardLink = { positionId: idSchema, cardId: idSchema };

/** The positions that concern a card, in title order. */
export function positionsOfCard(positions: Readonly<Record<string, Position>>, cardId: string): Position[] {
  return Object.values(positions)
    .filter((p) => p.cardIds.includes(cardId))
    .sort((a, b) => a.title.localeCompare(b.title, 'de'));
}

/** Joint positions: their metadata and the initiatives they concern (the text is a document of its own). */
export const positionsFeature = defineFeature({
  name: 'positions',
  commands: {
    'position.create': z.strictObject({
      positionId: idSchema,
      fields: positionFieldsSchema,
      cardIds: z.array(idSchema).max(POSITION_LIMITS.cards),
    }),
    'position.update': z.strictObject({ positionId: idSchema, changes: positionChangesSchema }),
    'position.link_card': z.strictObject(cardLink),
    'position.unlink_card': z.strictObject(cardLink),
    /** The server's own (P8): the text read from the stored document, with its hash and who named it. */
    'position.record_version': versionRecorded,
    /** The server's own (P10): the text frozen as a version and the round opened, for the person who started it. */
    'position.start_signoff': signoffStart,
    /** P12: a partner's answer on exactly the hash the person saw; a decline says why. */
    'position.answer_signoff': z.strictObject({
      ...roundRef,
      partnerId: idSchema,
      hash: contentHashSchema,
      decision: z.enum(['approve', 'decline']),
      reason: text(POSITION_LIMITS.reason).nullable(),
    }),
    /** P14: the round is called off; the position is a draft again. */
    'position.withdraw_signoff': z.strictObject(roundRef),
    ...dispatchCommands,
  },
  events: {
    'position.created': z.strictObject({ position: positionSchema }),
    'position.updated': z.strictObject({ positionId: idSchema, changes: positionFieldsSchema.partial() }),
    'position.card_linked': z.strictObject(cardLink),
    'position.card_unlinked': z.strictObject(cardLink),
    'position.version_recorded': versionRecorded,
    'position.signoff_started': z.strictObject({ positionId: idSchema, round: signoffRoundSchema }),
    'position.signoff_answered': z.strictObject({ ...roundRef, partnerId: idSchema, answer: signoffAnswerSchema }),
    'position.signoff_ended': z.strictObject({ ...roundRef, outcome: z.enum(ROUND_OUTCOMES), by: idSchema }),
    ...dispatchEvents,
  },
  slice: {
    version: 2,
    // Versions by position, oldest first; only what names them: the content stays in the event (P8).
    shape: {
      positions: z.record(z.string(), positionSchema),
      positionVersions: z.record(z.string(), z.array(positionVersionSchema)),
      positionRounds: z.record(z.string(), z.array(signoffRoundSchema)),
      // Dispatch records by position, in the order they were recorded (P30).
      positionDispatches: z.record(z.string(), z.array(dispatchRecordSchema)),
    },
    empty: () => ({ positions: {}, positionVersions: {}, positionRounds: {}, positionDispatches: {} }),
    containers: ['positions', 'positionVersions', 'positionRounds', 'positionDispatches'],
    reducers: {
      'position.created': (s, e) => {
        s.positions[e.data.position.id] = e.data.position;
      },
      'position.updated': (s, e) => replace(s.positions, e.data.positionId, { ...e.data.changes, updatedAt: e.at }),
      'position.card_linked': (s, e) => {
        const position = s.positions[e.data.positionId];
        if (position) replace(s.positions, position.id, { cardIds: [...position.cardIds, e.data.cardId], updatedAt: e.at });
      },
      'position.card_unlinked': (s, e) => {
        const position = s.positions[e.data.positionId];
        if (position) replace(s.positions, position.id, { cardIds: position.cardIds.filter((id) => id !== e.data.cardId), updatedAt: e.at });
      },
      'position.version_recorded': (s, e) => {
        s.positionVersions[e.data.positionId] = [...(s.positionVersions[e.data.positionId] ?? []), e.data.version];
      },
      'position.signoff_started': (s, e) => {
        s.positionRounds[e.data.positionId] = [...(s.positionRounds[e.data.positionId] ?? []), e.data.round];
        replace(s.positions, e.data.positionId, { status: 'in_review', updatedAt: e.at });
      },
      'position.signoff_answered': (s, e) =>
        updateRound(s.positionRounds, e.data.positionId, e.data.roundId, (round) => ({ ...round, answers: { ...round.answers, [e.data.partnerId]: e.data.answer } })),
      'position.signoff_ended': (s, e) => {
        updateRound(s.positionRounds, e.data.positionId, e.data.roundId, (round) => ({ ...round, outcome: e.data.outcome, endedAt: e.at, endedBy: e.data.by }));
        // P13, P14: adopted exactly when every partner approved; a decline or a withdrawal makes it a draft again.
        replace(s.positions, e.data.positionId, { status: e.data.outcome === 'adopted' ? 'adopted' : 'draft', updatedAt: e.at });
      },
      'position.dispatch_recorded': (s, e) => {
        s.positionDispatches[e.data.positionId] = [...(s.positionDispatches[e.data.positionId] ?? []), e.data.dispatch];
        settleStatus(s, e.data.positionId, e.at);
      },
      'position.dispatch_acknowledged': (s, e) => updateDispatch(s.positionDispatches, e.data.positionId, e.data.dispatchId, { acknowledgedOn: e.data.acknowledgedOn }),
      'position.follow_up_set': (s, e) => updateDispatch(s.positionDispatches, e.data.positionId, e.data.dispatchId, { followUpOn: e.data.followUpOn }),
      'position.answer_recorded': (s, e) => {
        updateDispatch(s.positionDispatches, e.data.positionId, e.data.dispatchId, { answer: e.data.answer });
        settleStatus(s, e.data.positionId, e.at);
      },
      'position.outcome_set': (s, e) => {
        updateDispatch(s.positionDispatches, e.data.positionId, e.data.dispatchId, { outcome: e.data.outcome });
        settleStatus(s, e.data.positionId, e.at);
      },
    },
    // The slice has not shipped at version 2 yet, so the dispatch records join that version's migration.
    migrations: { 1: (older) => ({ ...(older as object), positionVersions: {}, positionRounds: {}, positionDispatches: {} }) },
  },
  // The position is the subject of all its events, links included: the card shows its positions itself (P4).
  subjects: {
    'position.created': (d) => d.position.id,
    'position.updated': (d) => d.positionId,
    'position.card_linked': (d) => d.positionId,
    'position.card_unlinked': (d) => d.positionId,
    'position.version_recorded': (d) => d.positionId,
    'position.signoff_started': (d) => d.positionId,
    'position.signoff_answered': (d) => d.positionId,
    'position.signoff_ended': (d) => d.positionId,
    'position.dispatch_recorded': (d) => d.positionId,
    'position.dispatch_acknowledged': (d) => d.positionId,
    'position.follow_up_set': (d) => d.positionId,
    'position.answer_recorded': (d) => d.positionId,
    'position.outcome_set': (d) => d.positionId,
  },
});

/** P30: after sending, the status follows the dispatch records. */
function settleStatus(s: { positions: Record<string, Position>; positionDispatches: Record<string, DispatchRecord[]> }, positionId: string, at: string): void {
  const status = dispatchStatus(s.positionDispatches[positionId] ?? []);
  if (s.positions[positionId]?.status !== status) replace(s.positions, positionId, { status, updatedAt: at });
}

function updateRound(rounds: Record<string, SignoffRound[]>, positionId: string, roundId: string, change: (round: SignoffRound) => SignoffRound): void {
  const list = rounds[positionId];
  if (list) rounds[positionId] = list.map((round) => (round.id === roundId ? change(round) : round));
}
