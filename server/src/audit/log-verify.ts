import { GENESIS_HASH, type StoredEvent } from '@verbund/shared/events';
import type { Storage } from '../storage/port.js';
import { verifyChain } from '../sync/hash-chain.js';
import type { AuditKeys } from './audit-key.js';

const PAGE = 5_000;

/** Walks a workspace's whole log page by page, so a long history never sits in memory at once. */
export async function forEachPage(storage: Storage, workspaceId: string, visit: (events: StoredEvent[]) => boolean | void): Promise<void> {
  let after = 0;
  for (;;) {
    const page = await storage.readEvents(workspaceId, after, PAGE);
    if (page.length === 0 || visit(page) === false) return;
    after = page[page.length - 1]?.seq ?? after;
    if (page.length < PAGE) return;
  }
}

export type LogVerdict =
  | { ok: true; checked: number; head: { seq: number; hash: string } }
  | { ok: false; checked: number; brokenAt: number; reason: string };

/** Rule S9 over the whole stored log, from genesis to its newest event. */
export async function verifyLog(storage: Storage, auditKeys: AuditKeys, workspaceId: string): Promise<LogVerdict> {
  let verdict: LogVerdict = { ok: true, checked: 0, head: { seq: 0, hash: GENESIS_HASH } };
  await forEachPage(storage, workspaceId, (page) => {
    if (!verdict.ok) return false;
    const result = verifyChain(auditKeys, page, verdict.head.hash, verdict.head.seq);
    if (!result.ok) {
      verdict = { ok: false, checked: result.brokenAt - 1, brokenAt: result.brokenAt, reason: result.reason };
      return false;
    }
    verdict = { ok: true, checked: verdict.checked + result.checked, head: { seq: verdict.head.seq + result.checked, hash: result.lastHash } };
    return true;
  });
  return verdict;
}
