import { deriveAuditKeys } from '../audit/audit-key.js';

/** A fixed audit key for unit tests that seal events without a server (a server's tests use its key file). */
export const TEST_AUDIT_KEYS = deriveAuditKeys(Buffer.alloc(32, 7));
