import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AwarenessUser } from '@verbund/shared/docs';

/** Thrown for bytes that do not decode as an awareness update; the update is dropped (Y14). */
export class InvalidAwarenessError extends Error {
  constructor() {
    super('not an awareness update');
    this.name = 'InvalidAwarenessError';
  }
}

/**
 * Rule Y16: the name on a caret is the server's, never the client's. Each entry of a `y-protocols`
 * awareness update (client id, clock, state as JSON) gets the connection's person as its `user`;
 * entries for client ids another connection speaks for are dropped, so nobody moves or removes
 * someone else's caret. Returns the rewritten update, or null when no entry is left.
 */
export function stampAwareness(update: Uint8Array, user: AwarenessUser, mayClaim: (clientId: number) => boolean): Uint8Array | null {
  const entries: { clientId: number; clock: number; state: string }[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (!mayClaim(clientId)) continue;
      entries.push({ clientId, clock, state: JSON.stringify(stamped(state, user)) });
    }
  } catch {
    throw new InvalidAwarenessError();
  }
  if (entries.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

/** A removal (null) stays one; any other state is an object whose `user` is the connection's person. */
function stamped(state: unknown, user: AwarenessUser): Record<string, unknown> | null {
  if (state === null) return null;
  if (typeof state !== 'object' || Array.isArray(state)) throw new InvalidAwarenessError();
  return { ...(state as Record<string, unknown>), user };
}
