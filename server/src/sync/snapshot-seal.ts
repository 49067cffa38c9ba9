import { z } from 'zod';
import { SNAPSHOT_VERSION, type WorkspaceState } from '@verbund/shared/projection';
import { macHex, sameMac, type AuditKeys } from '../audit/audit-key.js';
import type { Snapshot, Storage } from '../storage/port.js';
import { canonicalJson } from './hash-chain.js';

type Unsealed = { v: number; seq: number; hash: string; state: unknown };

/** The MAC names the workspace, so a snapshot of one workspace cannot be planted in another. */
function snapshotMac(keys: AuditKeys, workspaceId: string, { v, seq, hash, state }: Unsealed): string {
  return macHex(keys.snapshot, canonicalJson({ workspaceId, v, seq, hash, state }));
}

/** A snapshot of `state`, taken after the event `seq` with `hash`, sealed under the audit key. */
export function sealSnapshot(keys: AuditKeys, workspaceId: string, taken: { seq: number; hash: string; state: WorkspaceState }): Snapshot {
  const unsealed = { v: SNAPSHOT_VERSION, ...taken };
  return { ...unsealed, mac: snapshotMac(keys, workspaceId, unsealed) };
}

const envelopeSchema = z.object({ v: z.number(), seq: z.number().int().min(1), hash: z.string(), mac: z.string(), state: z.unknown() });

/**
 * Rule S9: a snapshot is a shortcut, never an authority. It is used only when it carries our MAC
 * and the log still holds the event it was taken after, with the same hash; otherwise this says
 * why not, and the caller rebuilds the state from the log. Stored rows are not trusted as typed.
 */
export async function snapshotProblem(storage: Storage, keys: AuditKeys, workspaceId: string, stored: unknown): Promise<string | null> {
  const parsed = envelopeSchema.safeParse(stored);
  if (!parsed.success) return 'it is malformed';
  const snapshot = parsed.data;
  if (snapshot.v !== SNAPSHOT_VERSION) return `it was stored as version ${snapshot.v}, this server reads version ${SNAPSHOT_VERSION}`;
  if (!sameMac(snapshotMac(keys, workspaceId, snapshot), snapshot.mac)) return 'its MAC does not verify under the audit key: forged or altered';
  const [event] = await storage.readEvents(workspaceId, snapshot.seq - 1, 1);
  if (event?.seq !== snapshot.seq) return `the log no longer holds event ${snapshot.seq}: events were removed`;
  if (event.hash !== snapshot.hash) return `event ${snapshot.seq} in the log no longer has the hash the snapshot was taken after: the log was rewritten`;
  return null;
}
