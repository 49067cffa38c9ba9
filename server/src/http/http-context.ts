import type { AuditKeys } from '../audit/audit-key.js';
import type { DocRegistry } from '../docs/doc-registry.js';
import type { PasswordGate } from '../auth/password-check.js';
import type { Sessions } from '../auth/sessions.js';
import type { FloodControl } from '../live/flood-control.js';
import type { Storage } from '../storage/port.js';
import type { EngineRegistry } from '../sync/engine-registry.js';

/** What the HTTP routes need, injected by `createApp`. */
export type HttpContext = {
  storage: Storage;
  auditKeys: AuditKeys;
  engines: EngineRegistry;
  /** The collaborative documents open in this process (exports read them live). */
  docs: DocRegistry;
  clock: () => Date;
  sessions: Sessions;
  passwords: PasswordGate;
  flood: FloodControl;
  /** Workspaces one account may start (WORKSPACES_PER_ACCOUNT). */
  workspacesPerAccount: number;
  log: (message: string, error?: unknown) => void;
};
