import { z } from 'zod';
import type { Ack } from '../../protocol.js';
import { idSchema, instantSchema } from '../../model.js';
import { relativePositionSchema } from '../annotations/annotations-feature.js';

/**
 * Follow the moderator (docs/session-rules.md, M45–M49): what the person leading a running session
 * shows everyone now. Volatile like presence (S10): relayed when it changes, kept in the server's
 * memory only, never in the log.
 */
export const sessionFocusSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('item'), itemId: idSchema }),
  z.strictObject({ kind: z.literal('card'), cardId: idSchema }),
  z.strictObject({ kind: z.literal('vote'), voteId: idSchema }),
  /** A position, optionally a passage of its text (Yjs relative positions, like annotations' anchors). */
  z.strictObject({
    kind: z.literal('position'),
    positionId: idSchema,
    passage: z.strictObject({ from: relativePositionSchema, to: relativePositionSchema }).nullable(),
  }),
]);
export type SessionFocus = z.infer<typeof sessionFocusSchema>;

/** Client → server `session:focus`. */
export const focusRequestSchema = z.strictObject({ sessionId: idSchema, focus: sessionFocusSchema });
export type FocusRequest = z.infer<typeof focusRequestSchema>;

/** Server → client `session:focused`, and the answer to `session:focus`. */
export const sessionFocusedSchema = z.strictObject({ sessionId: idSchema, focus: sessionFocusSchema, by: idSchema, at: instantSchema });
export type SessionFocused = z.infer<typeof sessionFocusedSchema>;

export const sameFocus = (a: SessionFocus, b: SessionFocus): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface FocusClientToServerEvents {
  'session:focus': (request: FocusRequest, ack: (answer: Ack<SessionFocused>) => void) => void;
}

export interface FocusServerToClientEvents {
  /** The focus of a running session changed, or (after `sync:join`) what it is now (M47). */
  'session:focused': (focused: SessionFocused) => void;
}
