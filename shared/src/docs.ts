import { z } from 'zod';
import { idSchema } from './model.js';
import type { Ack } from './protocol.js';

/**
 * The `doc:*` stream (docs/protocol.md, rules Y1–Y14): live collaborative documents (Yjs) on the
 * workspace's socket. Updates are opaque Yjs bytes here; the server applies and stores them.
 */

/** Limits of the stream; the server refuses anything larger with `payload_too_large`. */
export const DOC_LIMITS = {
  /** One update: a paste of a long text fits, a whole second document does not. */
  maxUpdateBytes: 256 * 1024,
  /** One awareness update: a few carets and a name. */
  maxAwarenessBytes: 8 * 1024,
  /** A state vector names one clock per client that ever wrote. */
  maxStateVectorBytes: 64 * 1024,
} as const;

/** `<kind>:<entity id>`, e.g. `card-description:<cardId>`; the kind names the feature that owns it. */
const DOC_ID = /^([a-z]+(?:-[a-z]+)*):(.+)$/;

export const docIdSchema = z
  .string()
  .max(120)
  .transform((value, ctx) => {
    const match = DOC_ID.exec(value);
    const entityId = idSchema.safeParse(match?.[2]);
    if (!match?.[1] || !entityId.success) {
      ctx.addIssue({ code: 'custom', message: 'a document id is <kind>:<uuid>' });
      return z.NEVER;
    }
    return { docId: value, kind: match[1], entityId: entityId.data };
  });
export type DocRef = z.output<typeof docIdSchema>;

export const docIdOf = (kind: string, entityId: string): string => `${kind}:${entityId}`;

/**
 * Binary as Socket.IO delivers it: a Buffer (a Uint8Array) in node, an ArrayBuffer in browsers.
 * Checked for type and size before anything reads it.
 */
export function bytesSchema(maxBytes: number) {
  return z
    .union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)])
    .refine((bytes) => bytes.byteLength <= maxBytes, { message: `at most ${maxBytes} bytes` })
    .transform((bytes) => (bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)));
}

export const docOpenSchema = z.strictObject({
  docId: docIdSchema,
  /** The client's state vector, so the answer holds only what it lacks (Yjs sync step 2). */
  stateVector: bytesSchema(DOC_LIMITS.maxStateVectorBytes).optional(),
});
export const docUpdateSchema = z.strictObject({
  docId: docIdSchema,
  /** Chosen by the client; a retry of the same update carries the same id and is stored once (Y4). */
  updateId: idSchema,
  update: bytesSchema(DOC_LIMITS.maxUpdateBytes),
});
export const docAwarenessSchema = z.strictObject({ docId: docIdSchema, update: bytesSchema(DOC_LIMITS.maxAwarenessBytes) });
export const docCloseSchema = z.strictObject({ docId: docIdSchema });

/**
 * Who a caret belongs to (rule Y16): set by the server on every awareness state from the connection's
 * person, so a client cannot write under another name; the editor colours it by partner.
 */
export const awarenessUserSchema = z.object({ personId: idSchema, name: z.string(), partnerId: idSchema });
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;

export const DOC_ACCESS = ['write', 'read'] as const;
export type DocAccess = (typeof DOC_ACCESS)[number];

/** The answer to `doc:open`: what the client lacks, the server's state vector, and whether it may write. */
export type DocOpened = { docId: string; access: DocAccess; update: Uint8Array; stateVector: Uint8Array };
export type DocUpdated = { docId: string; updateId: string };
/** Server → client: an update another connection made, or awareness of others. */
export type DocRelay = { docId: string; update: Uint8Array };

/** What the server sends: its own bytes, of whatever size the document has. */
const serverBytes = bytesSchema(Number.MAX_SAFE_INTEGER);
export const docOpenedSchema = z.object({ docId: z.string(), access: z.enum(DOC_ACCESS), update: serverBytes, stateVector: serverBytes });
export const docUpdatedSchema = z.object({ docId: z.string(), updateId: idSchema });
export const docRelaySchema = z.object({ docId: z.string(), update: serverBytes });

export interface DocClientToServerEvents {
  'doc:open': (request: { docId: string; stateVector?: Uint8Array }, ack: (answer: Ack<DocOpened>) => void) => void;
  'doc:update': (request: { docId: string; updateId: string; update: Uint8Array }, ack: (answer: Ack<DocUpdated>) => void) => void;
  'doc:awareness': (request: { docId: string; update: Uint8Array }) => void;
  'doc:close': (request: { docId: string }, ack?: (answer: Ack<null>) => void) => void;
}

export interface DocServerToClientEvents {
  'doc:updated': (relay: DocRelay) => void;
  'doc:awareness-changed': (relay: DocRelay) => void;
}
