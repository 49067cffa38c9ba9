import { GENESIS_HASH, type NewEvent, type StoredEvent } from '@verbund/shared/events';
import { macHex, sameMac, type AuditKeys } from '../audit/audit-key.js';

export type UnsealedEvent = Omit<StoredEvent, 'hash' | 'prevHash'> & NewEvent;

/**
 * JSON with object keys sorted at every level, so equal content always hashes the same (integer-like
 * keys come first, as JavaScript enumerates them; still a function of the content alone).
 */
export function canonicalJson(value: unknown): string {
  // JSON.stringify with a replacer that re-creates each object with sorted keys: a snapshot's state is
  // megabytes, and this is three times faster than recursing by hand (40 ms for 5,000 cards).
  return JSON.stringify(value, sortKeys);
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  // No prototype: a key "__proto__" stays a key instead of replacing the prototype.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) sorted[key] = record[key];
  return sorted;
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
