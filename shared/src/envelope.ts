import { z } from 'zod';
import { idSchema } from './model.js';

/** Version of the stored event envelope; bump it together with a numbered migration. */
export const EVENT_VERSION = 1;

/** What every stored event carries around its payload; apart from events.ts so features can type against it. */
export const envelopeShape = {
  v: z.literal(EVENT_VERSION),
  workspaceId: idSchema,
  seq: z.number().int().positive(),
  /** The person who caused it; the nil UUID is the system (seeding, scheduled work). */
  actorId: idSchema,
  partnerId: idSchema.nullable(),
  at: z.iso.datetime(),
  commandId: idSchema.nullable(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
};

export type Envelope = z.infer<z.ZodObject<typeof envelopeShape>>;
