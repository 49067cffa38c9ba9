import { z } from 'zod';
import { defineFeature, replace } from '../../feature.js';
import { idSchema, instantSchema, line, urlSchema } from '../../model.js';
import { voteSettingsSchema } from '../../votes.js';
import { actionCommands, actionEvents, sessionActionSchema } from './actions.js';
import { handOverCommands, handOverEvents, handOverSlice } from './hand-over.js';
import { speakerBookSchema, speakerCommands, speakerEvents, speakerReducers, speakerSubjects } from './speakers.js';
import { sessionTimerSchema, timerCommands, timerEvents, timerReducers, timerSubjects } from './timer.js';
import { itemVoteCommands, itemVoteEvents, withOpenedVote } from './item-votes.js';
import { attendanceCommands, attendanceEvents, attendanceReducers, attendanceShape, attendanceSubjects, DEFAULT_QUORUM_RULE } from './attendance.js';

export const SESSION_LIMITS = { title: 200, place: 300, coModerators: 10, items: 100, itemTitle: 200, links: 20, sessions: 2_000, maxMinutes: 480 } as const;

/** Where a session is in its life (docs/session-rules.md, M2): planned, then running, then ended for good. */
export const SESSION_STATES = ['planned', 'running', 'ended'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** The fields a moderator edits on a session (M3); each is its own last-writer-wins register. */
export const sessionFieldsSchema = z.strictObject({
  title: line(SESSION_LIMITS.title),
  /** When it is planned to begin. */
  startsAt: instantSchema,
  /** A room, or null. */
  place: line(SESSION_LIMITS.place).nullable(),
  /** A video call, or null: a session may be in a room, online, or both. */
  link: urlSchema.nullable(),
  /** Members who may run it beside its moderator (M1). */
  coModeratorIds: z.array(idSchema).max(SESSION_LIMITS.coModerators),
});
export type SessionFields = z.infer<typeof sessionFieldsSchema>;

/** What an agenda item treats: initiatives, votes and positions of the workspace (M4). */
export const itemLinksSchema = z.strictObject({
  cardIds: z.array(idSchema).max(SESSION_LIMITS.links),
  voteIds: z.array(idSchema).max(SESSION_LIMITS.links),
  positionIds: z.array(idSchema).max(SESSION_LIMITS.links),
});
export type ItemLinks = z.infer<typeof itemLinksSchema>;

export const agendaItemFieldsSchema = z.strictObject({
  title: line(SESSION_LIMITS.itemTitle),
  plannedMinutes: z.number().int().min(1).max(SESSION_LIMITS.maxMinutes),
  links: itemLinksSchema,
  /** M60: a vote prepared while planning, opened on the item with one action (M61); absent or null: none. */
  preparedVote: voteSettingsSchema.nullable().optional(),
});
export type AgendaItemFields = z.infer<typeof agendaItemFieldsSchema>;

/** A stretch of time an item was the current one (M5); `to` is null while it still is. */
export const itemSpanSchema = z.strictObject({ from: instantSchema, to: instantSchema.nullable() });
export type ItemSpan = z.infer<typeof itemSpanSchema>;

/** An agenda item: open until taken up, then treated in spans; a deferred one moved to a later session (M6). */
export const agendaItemSchema = agendaItemFieldsSchema.extend({
  id: idSchema,
  spans: z.array(itemSpanSchema),
  /** Set when the item was deferred: the session it went to, or null for "a later session, not yet planned". */
  deferred: z.strictObject({ to: idSchema.nullable(), at: instantSchema }).nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const moderatedSessionSchema = sessionFieldsSchema.extend({
  id: idSchema,
  state: z.enum(SESSION_STATES),
  moderatorId: idSchema,
  /** The agenda in its order (M4). */
  items: z.array(agendaItemSchema).max(SESSION_LIMITS.items),
  /** The item being treated now, while running (M5). */
  currentItemId: idSchema.nullable(),
  startedAt: instantSchema.nullable(),
  endedAt: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ModeratedSession = z.infer<typeof moderatedSessionSchema>;

/** M1: who runs a session: its moderator and its co-moderators. */
export const mayRunSession = (personId: string, session: Pick<ModeratedSession, 'moderatorId' | 'coModeratorIds'>): boolean =>
  session.moderatorId === personId || session.coModeratorIds.includes(personId);

/** M5: minutes an item was treated so far, counting a running span up to `now`. */
export function actualMinutes(item: Pick<AgendaItem, 'spans'>, now: string): number {
  const ms = item.spans.reduce((sum, span) => sum + (Date.parse(span.to ?? now) - Date.parse(span.from)), 0);
  return ms / 60_000;
}

/** The sessions that treat an entity (a card, a vote, a position) in one of their live items, soonest first. */
export function sessionsTreating(sessions: Readonly<Record<string, ModeratedSession>>, kind: keyof ItemLinks, id: string): ModeratedSession[] {
  return Object.values(sessions)
    .filter((s) => s.items.some((item) => item.links[kind].includes(id)))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

const sessionChangesSchema = sessionFieldsSchema.partial().refine((changes) => Object.keys(changes).length > 0, 'at least one field must change');
const itemChangesSchema = agendaItemFieldsSchema.partial().refine((changes) => Object.keys(changes).length > 0, 'at least one field must change');
const itemRef = { sessionId: idSchema, itemId: idSchema };

/** Ends the running span of the session's current item at `at` (M5), if there is one. */
function closeCurrent(session: ModeratedSession, at: string): AgendaItem[] {
  return session.items.map((item) =>
    item.id === session.currentItemId ? { ...item, spans: item.spans.map((span) => (span.to === null ? { ...span, to: at } : span)) } : item,
  );
}

function updateItems(sessions: Record<string, ModeratedSession>, sessionId: string, at: string, change: (items: AgendaItem[]) => AgendaItem[]): void {
  const session = sessions[sessionId];
  if (session) replace(sessions, sessionId, { items: change(session.items), updatedAt: at });
}

/** Moderated sessions: planning, agenda and the current item (docs/session-rules.md). */
export const sessionsFeature = defineFeature({
  name: 'sessions',
  commands: {
    'session.create': z.strictObject({ sessionId: idSchema, fields: sessionFieldsSchema }),
    'session.update': z.strictObject({ sessionId: idSchema, changes: sessionChangesSchema }),
    'session.add_item': z.strictObject({ sessionId: idSchema, itemId: idSchema, fields: agendaItemFieldsSchema }),
    'session.update_item': z.strictObject({ ...itemRef, changes: itemChangesSchema }),
    'session.remove_item': z.strictObject(itemRef),
    /** M4: the item moves to `toIndex` of the agenda (0 is first); the others keep their order. */
    'session.move_item': z.strictObject({ ...itemRef, toIndex: z.number().int().min(0).max(SESSION_LIMITS.items - 1) }),
    'session.start': z.strictObject({ sessionId: idSchema }),
    /** M5: the item becomes the current one; the one before it stops. */
    'session.take_up_item': z.strictObject(itemRef),
    /** M6: the item leaves this agenda for a later session (its copy there is `newItemId`), or for none yet. */
    'session.defer_item': z.strictObject({ ...itemRef, toSessionId: idSchema.nullable(), newItemId: idSchema }),
    'session.end': z.strictObject({ sessionId: idSchema }),
    ...actionCommands,
    ...itemVoteCommands,
    ...handOverCommands,
    ...speakerCommands,
    ...timerCommands,
    ...attendanceCommands,
  },
  events: {
    'session.created': z.strictObject({ session: moderatedSessionSchema }),
    'session.updated': z.strictObject({ sessionId: idSchema, changes: sessionFieldsSchema.partial() }),
    'session.item_added': z.strictObject({ sessionId: idSchema, item: agendaItemSchema }),
    'session.item_updated': z.strictObject({ ...itemRef, changes: agendaItemFieldsSchema.partial() }),
    'session.item_removed': z.strictObject(itemRef),
    'session.item_moved': z.strictObject({ ...itemRef, toIndex: z.number().int().min(0) }),
    'session.started': z.strictObject({ sessionId: idSchema }),
    'session.item_taken_up': z.strictObject(itemRef),
    'session.item_deferred': z.strictObject({ ...itemRef, toSessionId: idSchema.nullable(), newItemId: idSchema }),
    'session.ended': z.strictObject({ sessionId: idSchema }),
    ...actionEvents,
    ...itemVoteEvents,
    ...handOverEvents,
    ...speakerEvents,
    ...timerEvents,
    ...attendanceEvents,
  },
  slice: {
    version: 1,
    shape: {
      sessions: z.record(z.string(), moderatedSessionSchema),
      // Action items by session, in the order they were agreed (M55).
      sessionActions: z.record(z.string(), z.array(sessionActionSchema)),
      ...handOverSlice.shape,
      // M20–M29: each session's speaker queue and who spoke on which item.
      sessionSpeakers: z.record(z.string(), speakerBookSchema),
      // M30–M36: each session's shared timer, while it has one.
      sessionTimers: z.record(z.string(), sessionTimerSchema),
      ...attendanceShape,
    },
    empty: () => ({ sessions: {}, sessionActions: {}, sessionLeads: {}, sessionSpeakers: {}, sessionTimers: {}, sessionAttendance: {}, sessionQuorumRule: DEFAULT_QUORUM_RULE }),
    containers: ['sessions', 'sessionActions', ...handOverSlice.containers, 'sessionSpeakers', 'sessionTimers', 'sessionAttendance'],
    reducers: {
      ...handOverSlice.reducers,
      ...speakerReducers,
      ...timerReducers,
      'session.created': (s, e) => {
        s.sessions[e.data.session.id] = e.data.session;
      },
      'session.updated': (s, e) => replace(s.sessions, e.data.sessionId, { ...e.data.changes, updatedAt: e.at }),
      'session.item_added': (s, e) => updateItems(s.sessions, e.data.sessionId, e.at, (items) => [...items, e.data.item]),
      'session.item_updated': (s, e) =>
        updateItems(s.sessions, e.data.sessionId, e.at, (items) => items.map((item) => (item.id === e.data.itemId ? { ...item, ...e.data.changes } : item))),
      'session.item_removed': (s, e) => updateItems(s.sessions, e.data.sessionId, e.at, (items) => items.filter((item) => item.id !== e.data.itemId)),
      'session.item_moved': (s, e) =>
        updateItems(s.sessions, e.data.sessionId, e.at, (items) => {
          const moving = items.find((item) => item.id === e.data.itemId);
          if (!moving) return items;
          const rest = items.filter((item) => item.id !== e.data.itemId);
          return [...rest.slice(0, e.data.toIndex), moving, ...rest.slice(e.data.toIndex)];
        }),
      'session.started': (s, e) => replace(s.sessions, e.data.sessionId, { state: 'running', startedAt: e.at, updatedAt: e.at }),
      'session.item_taken_up': (s, e) => {
        const session = s.sessions[e.data.sessionId];
        if (!session) return;
        const items = closeCurrent(session, e.at).map((item) => (item.id === e.data.itemId ? { ...item, spans: [...item.spans, { from: e.at, to: null }] } : item));
        replace(s.sessions, session.id, { items, currentItemId: e.data.itemId, updatedAt: e.at });
      },
      'session.item_deferred': (s, e) => {
        const session = s.sessions[e.data.sessionId];
        const item = session?.items.find((i) => i.id === e.data.itemId);
        if (!session || !item) return;
        updateItems(s.sessions, session.id, e.at, (items) => items.map((i) => (i.id === item.id ? { ...i, deferred: { to: e.data.toSessionId, at: e.at } } : i)));
        if (e.data.toSessionId === null) return;
        const copy: AgendaItem = { id: e.data.newItemId, title: item.title, plannedMinutes: item.plannedMinutes, links: item.links, spans: [], deferred: null };
        updateItems(s.sessions, e.data.toSessionId, e.at, (items) => [...items, copy]);
      },
      'session.ended': (s, e) => {
        const session = s.sessions[e.data.sessionId];
        if (session) replace(s.sessions, session.id, { items: closeCurrent(session, e.at), currentItemId: null, state: 'ended', endedAt: e.at, updatedAt: e.at });
      },
      'session.vote_opened': (s, e) =>
        updateItems(s.sessions, e.data.sessionId, e.at, (items) => items.map((item) => (item.id === e.data.itemId ? withOpenedVote(item, e.data.voteId, e.data.prepared) : item))),
      'session.action_added': (s, e) => {
        s.sessionActions[e.data.sessionId] = [...(s.sessionActions[e.data.sessionId] ?? []), e.data.action];
      },
      ...attendanceReducers,
    },
    migrations: {},
  },
  subjects: {
    'session.created': (d) => d.session.id,
    'session.updated': (d) => d.sessionId,
    'session.item_added': (d) => d.sessionId,
    'session.item_updated': (d) => d.sessionId,
    'session.item_removed': (d) => d.sessionId,
    'session.item_moved': (d) => d.sessionId,
    'session.started': (d) => d.sessionId,
    'session.item_taken_up': (d) => d.sessionId,
    'session.item_deferred': (d) => d.sessionId,
    'session.ended': (d) => d.sessionId,
    'session.action_added': (d) => d.sessionId,
    'session.vote_opened': (d) => d.sessionId,
    ...handOverSlice.subjects,
    ...speakerSubjects,
    ...timerSubjects,
    ...attendanceSubjects,
  },
});
