import { describe, expect, it } from 'vitest';
import type { Command } from '@verbund/shared/commands';
import type { ChecklistItem } from '@verbund/shared/features/checklists/checklists-feature';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { cardFixture, testId } from '../../test-support/builders.js';
import { decidePure, outcome } from '../../test-support/decide-pure.js';
import { checklistCommandsFor } from '../../test-support/checklist-commands.js';
import type { Actor } from '../actor.js';
import type { Decision } from '../decide.js';

const WS = testId(10);
const BOARD = testId(11);
const PARTNER = testId(12);
const PERSON = testId(20);
const LIVE = testId(30);
const ARCHIVED = testId(31);
const EMPTY = testId(32);
const MISSING = testId(99);
const OPEN_ITEM = testId(40);
const DONE_ITEM = testId(41);
const ARCHIVED_ITEM = testId(42);
const NOW = '2026-02-02T10:00:00.000Z';

const c = checklistCommandsFor(WS);
const actor: Actor = { personId: PERSON, partnerId: PARTNER, roles: ['member'] };

const itemFixture = (id: string, cardId: string, position: string, done = false): ChecklistItem => ({
  id, cardId, text: `Punkt ${position}`, done, position, createdBy: PERSON, createdAt: NOW, doneBy: done ? PERSON : null, doneAt: done ? NOW : null,
});

function state(): WorkspaceState {
  return {
    ...emptyState(WS),
    seq: 7,
    members: { [PERSON]: { personId: PERSON, partnerId: PARTNER, roles: ['member'], active: true, erased: false, joinedAt: NOW } },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: {
      [LIVE]: cardFixture({ id: LIVE, boardId: BOARD }),
      [EMPTY]: cardFixture({ id: EMPTY, boardId: BOARD }),
      [ARCHIVED]: cardFixture({ id: ARCHIVED, boardId: BOARD, archived: true }),
    },
    checklists: {
      [LIVE]: { [OPEN_ITEM]: itemFixture(OPEN_ITEM, LIVE, 'a0'), [DONE_ITEM]: itemFixture(DONE_ITEM, LIVE, 'a1', true) },
      [ARCHIVED]: { [ARCHIVED_ITEM]: itemFixture(ARCHIVED_ITEM, ARCHIVED, 'a0') },
    },
  };
}

/** Decides against a state (fresh unless given) as `who`; decide is pure (`decidePure` checks). */
const run = (command: Command, given: WorkspaceState = state(), who: Actor = actor): Decision => decidePure(given, command, who, NOW);

describe('checklist deciders', () => {
  it('C4 an added item goes after the last one, with the server-chosen key', () => {
    const add = c.add(LIVE, 'Unterschreiben');
    expect(run(add)).toEqual({ ok: true, events: [{ type: 'checklist.item_added', data: { cardId: LIVE, itemId: add.payload.itemId, text: 'Unterschreiben', position: 'a2' } }] });
    expect(run(c.add(EMPTY, 'Erster Punkt'))).toMatchObject({ ok: true, events: [{ data: { position: 'a0' } }] });
  });

  it('C1 an item id already in use, on this or another card, is a conflict', () => {
    expect(outcome(run(c.add(LIVE, 'Doppelt', OPEN_ITEM)))).toBe('conflict:no reason');
    expect(outcome(run(c.add(EMPTY, 'Doppelt', ARCHIVED_ITEM)))).toBe('conflict:no reason');
  });

  it('C1 a card holds at most 100 items: the 101st is refused with checklist_full', () => {
    const full = state();
    full.checklists[EMPTY] = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [testId(500 + i), itemFixture(testId(500 + i), EMPTY, `a${i % 10}${'V'.repeat(1 + Math.floor(i / 10))}`)]));
    expect(outcome(run(c.add(EMPTY, 'Einer zu viel'), full))).toBe('conflict:checklist_full');
    delete full.checklists[EMPTY]?.[testId(500)];
    expect(outcome(run(c.add(EMPTY, 'Der hundertste'), full))).toBe('accepted');
  });

  it('C4 after a crafted key at the top of the key space there is no key left: a conflict, nothing stored', () => {
    const crafted = state();
    crafted.checklists[EMPTY] = { [testId(600)]: itemFixture(testId(600), EMPTY, 'z'.repeat(64)) };
    expect(outcome(run(c.add(EMPTY, 'Kein Platz'), crafted))).toBe('conflict:no reason');
  });

  it('C2 rename, tick, move and remove carry the payload as their event', () => {
    const commands = [c.rename(LIVE, OPEN_ITEM, 'Zwei Angebote'), c.tick(LIVE, OPEN_ITEM), c.move(LIVE, OPEN_ITEM, 'a5'), c.remove(LIVE, DONE_ITEM)];
    const types = ['checklist.item_renamed', 'checklist.item_ticked', 'checklist.item_moved', 'checklist.item_removed'];
    commands.forEach((command, i) => expect(run(command)).toEqual({ ok: true, events: [{ type: types[i], data: command.payload }] }));
  });

  it('C3 unticking a ticked item is accepted; ticking it again or unticking an open one is a conflict with its reason', () => {
    expect(outcome(run(c.tick(LIVE, DONE_ITEM, false)))).toBe('accepted');
    expect(outcome(run(c.tick(LIVE, DONE_ITEM, true)))).toBe('conflict:item_already_done');
    expect(outcome(run(c.tick(LIVE, OPEN_ITEM, false)))).toBe('conflict:item_not_done');
  });

  it.each([
    ['rename', () => c.rename(LIVE, MISSING, 'x')],
    ['tick', () => c.tick(LIVE, MISSING)],
    ['move', () => c.move(LIVE, MISSING, 'a5')],
    ['remove', () => c.remove(LIVE, MISSING)],
    ['remove on the wrong card', () => c.remove(EMPTY, OPEN_ITEM)],
  ])('C2 %s of an item the card does not hold is not_found (item_not_found)', (_name, build) => {
    expect(outcome(run(build()))).toBe('not_found:item_not_found');
  });

  it.each([
    ['add', () => c.add(ARCHIVED, 'x')],
    ['rename', () => c.rename(ARCHIVED, ARCHIVED_ITEM, 'x')],
    ['tick', () => c.tick(ARCHIVED, ARCHIVED_ITEM)],
    ['move', () => c.move(ARCHIVED, ARCHIVED_ITEM, 'a5')],
    ['remove', () => c.remove(ARCHIVED, ARCHIVED_ITEM)],
  ])('C2, S15 %s on an archived card is a conflict', (_name, build) => {
    expect(outcome(run(build()))).toBe('conflict:no reason');
  });

  it.each([
    ['add', () => c.add(MISSING, 'x')],
    ['tick', () => c.tick(MISSING, OPEN_ITEM)],
  ])('C2 %s on an unknown card is not_found', (_name, build) => {
    expect(outcome(run(build()))).toBe('not_found:no reason');
  });

  it('C5, S12 any member may change a checklist; someone without roles may not, nor a command for another workspace', () => {
    expect(outcome(run(c.tick(LIVE, OPEN_ITEM), state(), { ...actor, roles: ['dezernent'] }))).toBe('accepted');
    expect(outcome(run(c.tick(LIVE, OPEN_ITEM), state(), { ...actor, roles: [] }))).toBe('forbidden:no reason');
    expect(outcome(run({ ...c.tick(LIVE, OPEN_ITEM), workspaceId: testId(77) }))).toBe('not_found:no reason');
  });
});
