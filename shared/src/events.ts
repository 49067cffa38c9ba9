import { z } from 'zod';
import { mergeMaps } from './feature.js';
import { FEATURES } from './feature-registry.js';
import { envelopeShape as envelope } from './envelope.js';

export { EVENT_VERSION } from './envelope.js';

/**
 * On the wire only, never in the log: an event this reader may not see (invitations reach admins only).
 * It keeps its place in the sequence, so the reader's order and gap detection hold.
 */
const wireEventData = { withheld: z.strictObject({}) } as const;

const featureEvents = mergeMaps(
  FEATURES.map((f) => f.events),
  'event type',
);

/** The payload of every event type, each feature contributing its map; the envelope is `eventSchema` below. */
export const eventDataSchemas = { ...featureEvents, ...wireEventData };

export type EventType = keyof typeof eventDataSchemas;
export type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;
export const EVENT_TYPES = Object.keys(eventDataSchemas) as EventType[];

/** What the domain decides: an event before the log gives it a place. */
export type NewEvent = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];


const eventOf = <T extends EventType>(type: T) =>
  z.strictObject({ ...envelope, type: z.literal(type), data: eventDataSchemas[type] });
type EventSchema = { [T in EventType]: ReturnType<typeof eventOf<T>> }[EventType];

export const eventSchema = z.discriminatedUnion('type', EVENT_TYPES.map(eventOf) as [EventSchema, ...EventSchema[]]);

/** An event as it stands in the log: envelope, payload, and its link in the hash chain. */
export type StoredEvent = z.infer<typeof eventSchema>;

export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';
/** On the wire only, never in the log: the actor of an event that may not name its actor (anonymous ballots, D39). */
export const WITHHELD_ACTOR_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
export const GENESIS_HASH = '0'.repeat(64);

const SUBJECTS = mergeMaps(
  FEATURES.map((f) => f.subjects),
  'event type',
);

/** The entity an event is about, for history look-ups (a card's history, a person's changes). */
export function eventSubjectId(event: NewEvent): string | null {
  if (event.type === 'withheld') return null;
  return (SUBJECTS[event.type] as (data: NewEvent['data']) => string | null)(event.data);
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
