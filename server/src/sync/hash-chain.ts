import { GENESIS_HASH, type NewEvent, type StoredEvent } from '@verbund/shared/events';
import { macHex, sameMac, type AuditKeys } from '../audit/audit-key.js';

export type UnsealedEvent = Omit<StoredEvent, 'hash' | 'prevHash'> & NewEvent;

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Rule S9: each event's hash is an HMAC under the audit key over the previous hash and every field
 * of the event itself (people appear by id only, so erasing a person's data never touches what is
 * hashed). Without the key, nobody who can write the database can seal a changed event again.
 */
export function hashEvent(keys: AuditKeys, prevHash: string, event: UnsealedEvent): string {
  const { v, workspaceId, seq, type, actorId, partnerId, at, commandId, data } = event;
  return macHex(keys.chain, `${prevHash}\n${canonicalJson({ v, workspaceId, seq, type, actorId, partnerId, at, commandId, data })}`);
}

export function sealEvent(keys: AuditKeys, prevHash: string, event: UnsealedEvent): StoredEvent {
  return { ...event, prevHash, hash: hashEvent(keys, prevHash, event) };
}

export type ChainVerdict = { ok: true; checked: number; lastHash: string } | { ok: false; brokenAt: number; reason: string };

/** Walks a run of events; `prevHash` is the hash before the first one (genesis for seq 1). */
export function verifyChain(keys: AuditKeys, events: Iterable<StoredEvent>, prevHash = GENESIS_HASH, prevSeq = 0): ChainVerdict {
  let checked = 0;
  for (const event of events) {
    if (event.seq !== prevSeq + 1) return { ok: false, brokenAt: event.seq, reason: `expected seq ${prevSeq + 1}` };
    if (event.prevHash !== prevHash) return { ok: false, brokenAt: event.seq, reason: 'link to the previous event is broken' };
    if (!sameMac(hashEvent(keys, prevHash, event), event.hash)) return { ok: false, brokenAt: event.seq, reason: 'content does not match its hash' };
    prevHash = event.hash;
    prevSeq = event.seq;
    checked += 1;
  }
  return { ok: true, checked, lastHash: prevHash };
}
