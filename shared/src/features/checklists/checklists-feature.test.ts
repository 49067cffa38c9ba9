import { describe, expect, it } from 'vitest';
import { commandSchema } from '../../commands.js';
import { EVENT_VERSION, eventSubjectId, type NewEvent, type StoredEvent } from '../../events.js';
import { predictEvents, predictState } from '../../prediction.js';
import { applyEvent, applyEventsImmutably, emptyState, type WorkspaceState } from '../../projection.js';
import { checklistProgress, orderedItems, positionAfter } from './checklist-items.js';
import type { ChecklistItem } from './checklists-feature.js';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const WS = id(1);
const CARD = id(2);
const OTHER_CARD = id(3);
const ANNA = id(4);
const LENA = id(5);
const T1 = '2026-03-01T09:00:00.000Z';
const T2 = '2026-03-01T10:00:00.000Z';

let seq = 0;
const ev = (event: NewEvent, actorId = ANNA, at = T1): StoredEvent => ({
  v: EVENT_VERSION, workspaceId: WS, seq: ++seq, actorId, partnerId: null, at, commandId: null, prevHash: '0'.repeat(64), hash: '0'.repeat(64), ...event,
});
const added = (itemId: string, text: string, position: string, cardId = CARD): NewEvent => ({ type: 'checklist.item_added', data: { cardId, itemId, text, position } });

/** A state whose card holds two items, a0 "Angebot einholen" and a1 "Vertrag prüfen". */
function withTwoItems(): WorkspaceState {
  seq = 0;
  const state = emptyState(WS);
  applyEvent(state, ev(added(id(10), 'Angebot einholen', 'a0')));
  applyEvent(state, ev(added(id(11), 'Vertrag prüfen', 'a1')));
  return state;
}
const item = (state: WorkspaceState, itemId: string, cardId = CARD): ChecklistItem | undefined => state.checklists[cardId]?.[itemId];
const texts = (state: WorkspaceState, cardId = CARD) => orderedItems(state.checklists[cardId]).map((i) => i.text);

describe('checklist reducers', () => {
  it('an added item is open, with its creator and time from the envelope', () => {
    const state = withTwoItems();
    expect(item(state, id(10))).toEqual({ id: id(10), cardId: CARD, text: 'Angebot einholen', done: false, position: 'a0', createdBy: ANNA, createdAt: T1, doneBy: null, doneAt: null });
    expect(texts(state)).toEqual(['Angebot einholen', 'Vertrag prüfen']);
  });

  it('ticking records who and when, unticking clears both', () => {
    const state = withTwoItems();
    applyEvent(state, ev({ type: 'checklist.item_ticked', data: { cardId: CARD, itemId: id(10), done: true } }, LENA, T2));
    expect(item(state, id(10))).toMatchObject({ done: true, doneBy: LENA, doneAt: T2 });
    applyEvent(state, ev({ type: 'checklist.item_ticked', data: { cardId: CARD, itemId: id(10), done: false } }));
    expect(item(state, id(10))).toMatchObject({ done: false, doneBy: null, doneAt: null });
  });

  it('rename changes the text only; move changes the order', () => {
    const state = withTwoItems();
    applyEvent(state, ev({ type: 'checklist.item_renamed', data: { cardId: CARD, itemId: id(10), text: 'Drei Angebote einholen' } }));
    applyEvent(state, ev({ type: 'checklist.item_moved', data: { cardId: CARD, itemId: id(10), position: 'a2' } }));
    expect(texts(state)).toEqual(['Vertrag prüfen', 'Drei Angebote einholen']);
    expect(item(state, id(10))).toMatchObject({ createdBy: ANNA, createdAt: T1, done: false });
  });

  it('removing the last item leaves the card without a checklist', () => {
    const state = withTwoItems();
    applyEvent(state, ev({ type: 'checklist.item_removed', data: { cardId: CARD, itemId: id(10) } }));
    expect(texts(state)).toEqual(['Vertrag prüfen']);
    applyEvent(state, ev({ type: 'checklist.item_removed', data: { cardId: CARD, itemId: id(11) } }));
    expect(state.checklists).toEqual({});
  });

  it('events about an unknown item change nothing but seq', () => {
    const state = withTwoItems();
    const before = structuredClone(state.checklists);
    for (const event of [
      { type: 'checklist.item_renamed', data: { cardId: CARD, itemId: id(99), text: 'x' } },
      { type: 'checklist.item_ticked', data: { cardId: OTHER_CARD, itemId: id(10), done: true } },
      { type: 'checklist.item_moved', data: { cardId: CARD, itemId: id(99), position: 'a5' } },
    ] as const) {
      applyEvent(state, ev(event));
    }
    expect(state.checklists).toEqual(before);
    expect(state.seq).toBe(5);
  });

  it('reducer contract: an immutable update replaces the changed card list and shares the others', () => {
    const state = withTwoItems();
    applyEvent(state, ev(added(id(20), 'Anderswo', 'a0', OTHER_CARD)));
    const frozen = structuredClone(state);
    const next = applyEventsImmutably(state, [ev({ type: 'checklist.item_ticked', data: { cardId: CARD, itemId: id(11), done: true } })]);
    expect(state).toEqual(frozen);
    expect(next.checklists).not.toBe(state.checklists);
    expect(next.checklists[CARD]).not.toBe(state.checklists[CARD]);
    expect(next.checklists[CARD]?.[id(10)]).toBe(state.checklists[CARD]?.[id(10)]);
    expect(next.checklists[OTHER_CARD]).toBe(state.checklists[OTHER_CARD]);
  });

  it('C5 every checklist event is about its card, so the card history shows it', () => {
    expect(eventSubjectId(added(id(10), 'x', 'a0'))).toBe(CARD);
    expect(eventSubjectId({ type: 'checklist.item_removed', data: { cardId: CARD, itemId: id(10) } })).toBe(CARD);
  });
});

describe('checklist progress', () => {
  it('counts ticked of all items; a card without items has none', () => {
    const state = withTwoItems();
    applyEvent(state, ev({ type: 'checklist.item_ticked', data: { cardId: CARD, itemId: id(11), done: true } }));
    expect(checklistProgress(state.checklists[CARD])).toEqual({ done: 1, total: 2 });
    expect(checklistProgress(state.checklists[OTHER_CARD])).toBeNull();
  });
});

describe('checklist order (C4)', () => {
  it('sorts by position, ties by id, the same for every input order', () => {
    const placed = (n: number, position: string) => ({ id: id(n), position });
    const expected = [id(3), id(1), id(2)];
    expect(orderedItems({ a: placed(2, 'a1'), b: placed(1, 'a1'), c: placed(3, 'a0') }).map((i) => i.id)).toEqual(expected);
    expect(orderedItems({ c: placed(3, 'a0'), a: placed(2, 'a1'), b: placed(1, 'a1') }).map((i) => i.id)).toEqual(expected);
    expect(orderedItems(undefined)).toEqual([]);
  });

  it('a new item goes after the greatest key; none when that key would not fit', () => {
    expect(positionAfter([])).toBe('a0');
    expect(positionAfter([{ id: id(1), position: 'a5' }, { id: id(2), position: 'a0V' }])).toBe('a6');
    // The top of the integer range: every further key only grows the fraction.
    const top = 'z'.repeat(64);
    expect(positionAfter([{ id: id(1), position: top }])).toBeNull();
  });
});

describe('checklist commands (S11, S19, C1, C4)', () => {
  const command = (type: string, payload: Record<string, unknown>) => ({ id: id(90), workspaceId: WS, type, payload });
  const accepts = (type: string, payload: Record<string, unknown>) => commandSchema.safeParse(command(type, payload)).success;
  const ref = { cardId: CARD, itemId: id(10) };

  it('accepts the five commands and trims the text', () => {
    expect(commandSchema.parse(command('checklist.add_item', { ...ref, text: '  Angebot einholen ' }))).toMatchObject({ payload: { text: 'Angebot einholen' } });
    expect(accepts('checklist.rename_item', { ...ref, text: 'Neu' })).toBe(true);
    expect(accepts('checklist.tick_item', { ...ref, done: false })).toBe(true);
    expect(accepts('checklist.move_item', { ...ref, position: 'a0V' })).toBe(true);
    expect(accepts('checklist.remove_item', ref)).toBe(true);
  });

  it.each([
    ['an empty text', 'checklist.add_item', { ...ref, text: '   ' }],
    ['a text over 200 characters', 'checklist.add_item', { ...ref, text: 'x'.repeat(201) }],
    ['a line break in the text', 'checklist.rename_item', { ...ref, text: 'eins\nzwei' }],
    ['a position chosen by the client on add', 'checklist.add_item', { ...ref, text: 'x', position: 'a0' }],
    ['done as a string', 'checklist.tick_item', { ...ref, done: 'true' }],
    ['an item id that is no UUID', 'checklist.remove_item', { cardId: CARD, itemId: '1' }],
    ['a key fractional-indexing refuses (trailing zero)', 'checklist.move_item', { ...ref, position: 'a10' }],
    ['a key fractional-indexing refuses (too short)', 'checklist.move_item', { ...ref, position: 'b' }],
    ['an extra key', 'checklist.remove_item', { ...ref, doneBy: ANNA }],
  ])('refuses %s', (_name, type, payload) => {
    expect(accepts(type, payload)).toBe(false);
  });
});

describe('checklist predictions (S16)', () => {
  const by = { actorId: LENA, partnerId: null, now: T2 };
  const predict = (state: WorkspaceState, type: string, payload: Record<string, unknown>) =>
    predictState(state, commandSchema.parse({ id: id(91), workspaceId: WS, type, payload }), by);

  it('an added item appears at once at the end, created by the sender', () => {
    const next = predict(withTwoItems(), 'checklist.add_item', { cardId: CARD, itemId: id(12), text: 'Unterschreiben' });
    expect(texts(next)).toEqual(['Angebot einholen', 'Vertrag prüfen', 'Unterschreiben']);
    expect(item(next, id(12))).toMatchObject({ position: 'a2', createdBy: LENA, createdAt: T2 });
  });

  it('rename, tick, move and remove show at once', () => {
    let state = withTwoItems();
    state = predict(state, 'checklist.rename_item', { cardId: CARD, itemId: id(10), text: 'Angebote' });
    state = predict(state, 'checklist.tick_item', { cardId: CARD, itemId: id(10), done: true });
    state = predict(state, 'checklist.move_item', { cardId: CARD, itemId: id(10), position: 'a5' });
    expect(texts(state)).toEqual(['Vertrag prüfen', 'Angebote']);
    expect(item(state, id(10))).toMatchObject({ done: true, doneBy: LENA, doneAt: T2 });
    state = predict(state, 'checklist.remove_item', { cardId: CARD, itemId: id(11) });
    expect(texts(state)).toEqual(['Angebote']);
  });

  it('guesses nothing where the server will refuse for what the checklist itself shows', () => {
    const state = withTwoItems();
    const none = (type: string, payload: Record<string, unknown>) => predictEvents(state, commandSchema.parse({ id: id(92), workspaceId: WS, type, payload }), by);
    expect(none('checklist.add_item', { cardId: OTHER_CARD, itemId: id(10), text: 'Id vergeben' })).toBeNull();
    expect(none('checklist.tick_item', { cardId: CARD, itemId: id(10), done: false })).toBeNull();
    expect(none('checklist.rename_item', { cardId: OTHER_CARD, itemId: id(10), text: 'Falsche Karte' })).toBeNull();
    expect(none('checklist.move_item', { cardId: CARD, itemId: id(99), position: 'a5' })).toBeNull();
    expect(none('checklist.remove_item', { cardId: CARD, itemId: id(99) })).toBeNull();
  });
});
