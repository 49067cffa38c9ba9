import { describe, expect, it } from 'vitest';
import { EVENT_VERSION, type StoredEvent } from './events.js';
import { positionsFeature } from './features/positions/positions-feature.js';
import type { Card } from './model.js';
import { applyEvent, applyEventsImmutably, compareCards, emptyState, SLICE_VERSIONS, SNAPSHOT_VERSION, type WorkspaceState } from './projection.js';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const WS = id(1);
const BOARD = id(2);
const PERSON = id(3);
const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-02T00:00:00.000Z';

const card = (n: number, overrides: Partial<Card> = {}): Card => ({
  id: id(n), boardId: BOARD, position: 'a0', archived: false, createdAt: T0, createdBy: PERSON, updatedAt: T0,
  title: `Karte ${n}`, description: '', area: 'basisdienste', status: 'idea', leadPartnerId: null,
  partnerIds: [], ownerIds: [], tags: [], dueDate: null, addressee: null, links: [], ...overrides,
});

let seq = 0;
/** An event as it would stand in the log; hashes do not matter to the projection. */
const ev = (type: StoredEvent['type'], data: unknown, at = T1): StoredEvent =>
  ({ v: 1, workspaceId: WS, seq: ++seq, type, data, actorId: PERSON, partnerId: null, at, commandId: null, prevHash: '0'.repeat(64), hash: '0'.repeat(64) }) as StoredEvent;

function seeded(): WorkspaceState {
  seq = 0;
  const state = emptyState(WS);
  for (const e of [
    ev('workspace.created', { workspaceId: WS, name: 'Kooperation' }),
    ev('board.created', { board: { id: BOARD, name: 'Initiativen' } }),
    ev('card.created', { card: card(10) }),
    ev('card.created', { card: card(11) }),
  ]) applyEvent(state, e);
  return state;
}

describe('projection', () => {
  it('applyEvent builds the state and tracks the last seq', () => {
    const state = seeded();
    expect(state.name).toBe('Kooperation');
    expect(state.seq).toBe(4);
    expect(Object.keys(state.cards)).toEqual([id(10), id(11)]);
  });

  it('S8 card.updated changes only the named fields and stamps the event time', () => {
    const state = seeded();
    applyEvent(state, ev('card.updated', { cardId: id(10), changes: { title: 'Neu', tags: ['OZG'] } }, T1));
    expect(state.cards[id(10)]).toEqual({ ...card(10), title: 'Neu', tags: ['OZG'], updatedAt: T1 });
  });

  it('card.moved, card.archived, card.restored and comment.added', () => {
    const state = seeded();
    applyEvent(state, ev('card.moved', { cardId: id(10), position: 'b0', status: 'done' }));
    expect(state.cards[id(10)]).toMatchObject({ position: 'b0', status: 'done', area: 'basisdienste' });
    applyEvent(state, ev('card.archived', { cardId: id(10) }));
    expect(state.cards[id(10)]?.archived).toBe(true);
    applyEvent(state, ev('card.restored', { cardId: id(10) }));
    expect(state.cards[id(10)]?.archived).toBe(false);
    const comment = { id: id(50), cardId: id(10), authorId: PERSON, body: 'Hallo', createdAt: T1 };
    applyEvent(state, ev('comment.added', { comment }));
    applyEvent(state, ev('comment.added', { comment: { ...comment, id: id(51), body: 'Zweiter' } }));
    expect(state.comments[id(10)]?.map((c) => c.body)).toEqual(['Hallo', 'Zweiter']);
  });

  it('an event about an unknown card changes no card (but advances seq)', () => {
    const state = seeded();
    const before = structuredClone(state.cards);
    applyEvent(state, ev('card.updated', { cardId: id(99), changes: { title: 'x' } }));
    expect(state.cards).toEqual(before);
    expect(state.seq).toBe(5);
  });

  it('applyEventsImmutably leaves the old state untouched and keeps unchanged cards by identity', () => {
    const state = seeded();
    const frozen = structuredClone(state);
    const untouched = state.cards[id(11)];
    const next = applyEventsImmutably(state, [ev('card.updated', { cardId: id(10), changes: { title: 'Neu' } })]);
    expect(state).toEqual(frozen);
    expect(next).not.toBe(state);
    expect(next.cards).not.toBe(state.cards);
    expect(next.cards[id(11)]).toBe(untouched);
    expect(next.cards[id(10)]).not.toBe(state.cards[id(10)]);
    expect(next.cards[id(10)]?.title).toBe('Neu');
    expect(next.seq).toBe(5);
  });

  it('applyEventsImmutably with no events returns the same state', () => {
    const state = seeded();
    expect(applyEventsImmutably(state, [])).toBe(state);
  });

  it('S13 compareCards sorts by position, ties by id, the same for every input order', () => {
    const a = card(3, { position: 'a1' });
    const b = card(1, { position: 'a1' });
    const c = card(2, { position: 'a0' });
    const d = card(4, { position: 'Zz' });
    const expected = [d.id, c.id, b.id, a.id];
    expect([a, b, c, d].sort(compareCards).map((x) => x.id)).toEqual(expected);
    expect([d, c, b, a].sort(compareCards).map((x) => x.id)).toEqual(expected);
    expect([b, d, a, c].sort(compareCards).map((x) => x.id)).toEqual(expected);
    expect(compareCards(a, a)).toBe(0);
    expect(compareCards(a, b)).toBeGreaterThan(0);
  });
});

describe('versions', () => {
  it('the stored snapshot envelope is version 5 (a MAC under the audit key since 4, slice versions since 5), each slice at its pinned version', () => {
    expect(SNAPSHOT_VERSION).toBe(5);
    // A change to a slice's shape bumps its version here, with a migration or a rebuild from the log.
    expect(SLICE_VERSIONS).toEqual({ admin: 1, annotations: 1, board: 1, checklists: 1, comments: 1, positions: 2, sessions: 1, votes: 1 });
    expect(EVENT_VERSION).toBe(1);
  });

  it('P8 P30 a positions slice stored before versions existed (version 1) migrates to version 2 with no versions, rounds or dispatch records', () => {
    const stored = { positions: {} };
    expect(positionsFeature.slice.migrations[1]?.(stored)).toEqual({ positions: {}, positionVersions: {}, positionRounds: {}, positionDispatches: {} });
  });
});
