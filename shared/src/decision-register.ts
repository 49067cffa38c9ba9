import { z } from 'zod';
import { approvalSchema } from './features/positions/adoption.js';
import { contentHashSchema, positionAddresseeSchema } from './features/positions/positions-feature.js';
import { idSchema, instantSchema } from './model.js';
import { decisionEntrySchema } from './vote-wire.js';

/**
 * The decision register ("Beschlüsse", D36, P56): the decisions of votes and the adopted joint
 * positions, each an entry of its own kind, newest first. Derived from the state, never stored twice.
 */

/** An adopted position in the register (P56): what was adopted, for whom, on which version, and who signed it. */
export const adoptedPositionEntrySchema = z.strictObject({
  type: z.literal('position'),
  /** The adopted round. */
  id: idSchema,
  positionId: idSchema,
  title: z.string(),
  addressee: positionAddresseeSchema,
  cardIds: z.array(idSchema),
  /** The answer that completed the approvals (P13), and its calendar day in Berlin (P51). */
  adoptedAt: instantSchema,
  adoptedOn: z.iso.date(),
  version: z.strictObject({ id: idSchema, name: z.string(), hash: contentHashSchema }),
  approvals: z.array(approvalSchema),
});
export type AdoptedPositionEntry = z.infer<typeof adoptedPositionEntrySchema>;

export const registerEntrySchema = z.discriminatedUnion('type', [decisionEntrySchema, adoptedPositionEntrySchema]);
export type RegisterEntry = z.infer<typeof registerEntrySchema>;
export const registerEntriesSchema = z.array(registerEntrySchema);

export const REGISTER_ENTRY_TYPES = ['vote', 'position'] as const;

export const decisionsQuerySchema = z.strictObject({
  cardId: idSchema.optional(),
  /** Calendar days of the closing (a vote) or the adoption (a position, in Berlin), `to` inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** A vote's verdict; with one, the register lists votes only (an adopted position has no verdict). */
  verdict: z.enum(['passed', 'rejected', 'no_quorum', 'ranked']).optional(),
  type: z.enum(REGISTER_ENTRY_TYPES).optional(),
  format: z.enum(['json', 'csv', 'markdown']).optional(),
});
export type DecisionsQuery = z.infer<typeof decisionsQuerySchema>;
