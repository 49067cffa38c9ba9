import { randomUUID } from 'node:crypto';
import type { SecurityEventKind, Storage } from '../storage/port.js';

/** Records an account security event; a failure to record never blocks the sign-in itself. */
export function recordSecurityEvent(
  storage: Storage,
  now: Date,
  kind: SecurityEventKind,
  accountId: string | null,
  address: string | null,
  log: (message: string, error?: unknown) => void,
): void {
  storage
    .recordSecurityEvent({ id: randomUUID(), accountId, kind, address, at: now.toISOString() })
    .catch((error: unknown) => log('could not record a security event', error));
}
