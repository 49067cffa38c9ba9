import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EVENT_VERSION, GENESIS_HASH, SYSTEM_ACTOR_ID, type NewEvent, type StoredEvent } from '@verbund/shared/events';
import { cardFixture, testId } from '../test-support/builders.js';
import { deriveAuditKeys } from '../audit/audit-key.js';
import { TEST_AUDIT_KEYS as KEYS } from '../test-support/audit-keys.js';
import { canonicalJson, sealEvent, verifyChain } from './hash-chain.js';

const WS = testId(1);
const BOARD = testId(2);

function chain(length: number): StoredEvent[] {
  const bodies: NewEvent[] = [
    { type: 'workspace.created', data: { workspaceId: WS, name: 'Kette' } },
    { type: 'board.created', data: { board: { id: BOARD, name: 'Initiativen' } } },
  ];
  for (let i = bodies.length; i < length; i += 1) {
    bodies.push(i % 2 ? { type: 'card.created', data: { card: cardFixture({ id: testId(100 + i), boardId: BOARD }) } } : { type: 'card.archived', data: { cardId: testId(100 + i - 1) } });
  }
  let prev = GENESIS_HASH;
  return bodies.map((body, index) => {
    const sealed = sealEvent(KEYS, prev, {
      ...body, v: EVENT_VERSION, workspaceId: WS, seq: index + 1, actorId: SYSTEM_ACTOR_ID, partnerId: null, at: '2026-01-01T00:00:00.000Z', commandId: null,
    });
    prev = sealed.hash;
    return sealed;
  });
}

describe('hash chain (S9)', () => {
  it('S9 a sealed chain verifies and reports its last hash', () => {
    const events = chain(8);
    expect(events[0]?.prevHash).toBe(GENESIS_HASH);
    expect(verifyChain(KEYS, events)).toEqual({ ok: true, checked: 8, lastHash: events[7]?.hash });
  });

  it('S9 a run in the middle verifies from its predecessor', () => {
    const events = chain(8);
    expect(verifyChain(KEYS, events.slice(3), events[2]?.hash, 3)).toMatchObject({ ok: true, checked: 5 });
    expect(verifyChain(KEYS, events.slice(3))).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('S9 changing an event breaks verification at that event', () => {
    const events = chain(8);
    const tampered = events.map((e) => (e.seq === 5 && e.type === 'card.archived' ? { ...e, data: { cardId: testId(999) } } : e));
    const fifth = events[4];
    expect(fifth?.type).toBe('card.archived');
    expect(verifyChain(KEYS, tampered)).toMatchObject({ ok: false, brokenAt: 5, reason: 'content does not match its hash' });
  });

  it.each(['actorId', 'partnerId', 'at', 'commandId'] as const)('S9 changing the envelope field %s breaks at that event', (field) => {
    const events = chain(6);
    const value = field === 'at' ? '2030-01-01T00:00:00.000Z' : testId(42);
    const tampered = events.map((e) => (e.seq === 3 ? { ...e, [field]: value } : e));
    expect(verifyChain(KEYS, tampered)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('S9 a changed event with a recomputed hash breaks at the next event', () => {
    const events = chain(6);
    const third = events[2] as StoredEvent;
    const forged = sealEvent(KEYS, third.prevHash, { ...third, at: '2030-01-01T00:00:00.000Z' });
    const tampered = events.map((e) => (e.seq === 3 ? forged : e));
    expect(verifyChain(KEYS, tampered)).toMatchObject({ ok: false, brokenAt: 4, reason: 'link to the previous event is broken' });
  });

  it('S9 a chain sealed with another key does not verify under ours, from its first event', () => {
    const ours = chain(4);
    let prev = GENESIS_HASH;
    const other = deriveAuditKeys(Buffer.alloc(32, 8));
    const resealed = ours.map((e) => {
      const sealed = sealEvent(other, prev, e);
      prev = sealed.hash;
      return sealed;
    });
    expect(verifyChain(other, resealed)).toMatchObject({ ok: true, checked: 4 });
    expect(verifyChain(KEYS, resealed)).toMatchObject({ ok: false, brokenAt: 1, reason: 'content does not match its hash' });
  });

  it('S9 a chain re-sealed with plain sha256 (the unkeyed chain of earlier versions) does not verify', () => {
    let prev = GENESIS_HASH;
    const resealed = chain(3).map(({ hash: _hash, prevHash: _prev, ...e }) => {
      const hash = createHash('sha256').update(`${prev}\n${canonicalJson(e)}`).digest('hex');
      const sealed = { ...e, prevHash: prev, hash } as StoredEvent;
      prev = hash;
      return sealed;
    });
    expect(verifyChain(KEYS, resealed)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('S9 removing an event breaks at the event after the gap', () => {
    const events = chain(8);
    expect(verifyChain(KEYS, events.filter((e) => e.seq !== 4))).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('S9 removing the last event leaves a valid but shorter chain', () => {
    expect(verifyChain(KEYS, chain(8).slice(0, 7))).toMatchObject({ ok: true, checked: 7 });
  });

  it('S9 reordering two events breaks at the first one out of place', () => {
    const events = chain(8);
    const swapped = [...events];
    [swapped[5], swapped[6]] = [swapped[6] as StoredEvent, swapped[5] as StoredEvent];
    expect(verifyChain(KEYS, swapped)).toMatchObject({ ok: false, brokenAt: 7 });
  });

  it('S9 renumbering reordered events still breaks at the first moved one', () => {
    const events = chain(8);
    const a = events[5] as StoredEvent;
    const b = events[6] as StoredEvent;
    const renumbered = [...events.slice(0, 5), { ...b, seq: 6 }, { ...a, seq: 7 }, ...events.slice(7)];
    expect(verifyChain(KEYS, renumbered)).toMatchObject({ ok: false, brokenAt: 6 });
  });
});

describe('canonicalJson', () => {
  it('S9 is independent of key order at every level', () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: 'z' } };
    const b = { a: { x: 'z', y: [1, { p: 2, q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"z","y":[1,{"p":2,"q":1}]},"b":1}');
  });

  it('keeps array order and drops undefined values', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson('x"y')).toBe('"x\\"y"');
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"b":1}');
  });
});
