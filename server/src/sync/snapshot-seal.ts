import { z } from 'zod';
import { SLICE_VERSIONS, SNAPSHOT_VERSION, type WorkspaceState } from '@verbund/shared/projection';
import { macHex, sameMac, type AuditKeys } from '../audit/audit-key.js';
import type { Snapshot, Storage } from '../storage/port.js';
import { canonicalJson } from './hash-chain.js';

type Unsealed = { v: number; seq: number; hash: string; slices?: Record<string, number> | undefined; state: unknown };

/** The MAC names the workspace, so a snapshot of one workspace cannot be planted in another. */
function snapshotMac(keys: AuditKeys, workspaceId: string, { v, seq, hash, slices, state }: Unsealed): string {
  return macHex(keys.snapshot, canonicalJson({ workspaceId, v, seq, hash, slices, state }));
}

/** A snapshot of `state`, taken after the event `seq` with `hash`, sealed under the audit key. */
export function sealSnapshot(
  keys: AuditKeys,
  workspaceId: string,
  taken: { seq: number; hash: string; state: WorkspaceState },
  /** What this server writes; tests seal the versions an older server wrote. */
  versions: { v: number; slices?: Record<string, number> } = { v: SNAPSHOT_VERSION, slices: { ...SLICE_VERSIONS } },
): Snapshot {
  const unsealed = { ...versions, ...taken };
  return { ...unsealed, mac: snapshotMac(keys, workspaceId, unsealed) };
}

const envelopeSchema = z.object({
  v: z.number(),
  seq: z.number().int().min(1),
  hash: z.string(),
  mac: z.string(),
  slices: z.record(z.string(), z.number().int()).optional(),
  state: z.unknown(),
});

/** Envelope 4 had no slice versions (every slice was at 1); 5 records each slice's version. */
const ENVELOPE_BEFORE_SLICES = 4;

export type TrustedSnapshot = z.infer<typeof envelopeSchema>;

/**
 * Rule S9: a snapshot is a shortcut, never an authority. It is used only when it carries our MAC
 * and the log still holds the event it was taken after, with the same hash; otherwise this says
 * why not, and the caller rebuilds the state from the log. Stored rows are not trusted as typed:
 * the state is checked slice by slice when it is restored (`restoreSlices`).
 */
export async function checkSnapshot(storage: Storage, keys: AuditKeys, workspaceId: string, stored: unknown): Promise<{ ok: true; snapshot: TrustedSnapshot } | { ok: false; problem: string }> {
  const problem = (text: string) => ({ ok: false as const, problem: text });
  const parsed = envelopeSchema.safeParse(stored);
  if (!parsed.success) return problem('it is malformed');
  const snapshot = parsed.data;
  const readable = snapshot.v === SNAPSHOT_VERSION ? snapshot.slices !== undefined : snapshot.v === ENVELOPE_BEFORE_SLICES && snapshot.slices === undefined;
  if (!readable) return problem(`it was stored as version ${snapshot.v}, this server reads versions ${ENVELOPE_BEFORE_SLICES} and ${SNAPSHOT_VERSION}`);
  if (!sameMac(snapshotMac(keys, workspaceId, snapshot), snapshot.mac)) return problem('its MAC does not verify under the audit key: forged or altered');
  const [event] = await storage.readEvents(workspaceId, snapshot.seq - 1, 1);
  if (event?.seq !== snapshot.seq) return problem(`the log no longer holds event ${snapshot.seq}: events were removed`);
  if (event.hash !== snapshot.hash) return problem(`event ${snapshot.seq} in the log no longer has the hash the snapshot was taken after: the log was rewritten`);
  return { ok: true, snapshot };
}
