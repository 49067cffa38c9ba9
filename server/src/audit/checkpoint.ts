import { CHECKPOINT_VERSION, type AuditCheckpoint, type CheckpointVerdict } from '@verbund/shared/http';
import type { Storage } from '../storage/port.js';
import { canonicalJson } from '../sync/hash-chain.js';
import { macHex, sameMac, type AuditKeys } from './audit-key.js';
import { verifyLog } from './log-verify.js';

type Unsigned = Omit<AuditCheckpoint, 'mac'>;

function checkpointMac(keys: AuditKeys, { v, workspaceId, seq, hash, at }: Unsigned): string {
  return macHex(keys.checkpoint, canonicalJson({ v, workspaceId, seq, hash, at }));
}

/** Signs the statement "this workspace's log held event `head.seq` with `head.hash` at `at`". */
export function issueCheckpoint(keys: AuditKeys, workspaceId: string, head: { seq: number; hash: string }, at: string): AuditCheckpoint {
  const unsigned: Unsigned = { v: CHECKPOINT_VERSION, workspaceId, seq: head.seq, hash: head.hash, at };
  return { ...unsigned, mac: checkpointMac(keys, unsigned) };
}

/** Whether this server (with this audit key) issued the checkpoint exactly as shown. */
export function isGenuineCheckpoint(keys: AuditKeys, checkpoint: AuditCheckpoint): boolean {
  return sameMac(checkpointMac(keys, checkpoint), checkpoint.mac);
}

/**
 * A genuine checkpoint against today's log: the whole chain must verify, reach the checkpoint's
 * seq (else events were cut off the end) and hold the checkpoint's hash there (else the history up
 * to it was replaced and sealed again, which takes the key).
 */
export async function checkCheckpoint(storage: Storage, keys: AuditKeys, checkpoint: AuditCheckpoint): Promise<CheckpointVerdict> {
  const { workspaceId, seq } = checkpoint;
  const log = await verifyLog(storage, keys, workspaceId);
  if (!log.ok) {
    const headSeq = (await storage.lastEvent(workspaceId))?.seq ?? 0;
    return { ok: false, seq, headSeq, problem: 'broken', brokenAt: log.brokenAt, reason: `the chain is broken at seq ${log.brokenAt}: ${log.reason}` };
  }
  const headSeq = log.head.seq;
  if (headSeq < seq) return { ok: false, seq, headSeq, problem: 'truncated', brokenAt: null, reason: `the log ends at seq ${headSeq}, before the checkpoint's seq ${seq}: events were removed` };
  const [event] = await storage.readEvents(workspaceId, seq - 1, 1);
  if (event?.seq !== seq || event.hash !== checkpoint.hash) {
    return { ok: false, seq, headSeq, problem: 'diverged', brokenAt: seq, reason: `event ${seq} no longer has the checkpoint's hash: the history up to it was replaced` };
  }
  return { ok: true, seq, headSeq };
}
