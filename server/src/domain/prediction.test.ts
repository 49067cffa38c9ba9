import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandSchema, type Command } from '@verbund/shared/commands';
import { EVENT_VERSION, type StoredEvent } from '@verbund/shared/events';
import { AREAS, STATUSES } from '@verbund/shared/model';
import { predictedCommandTypes, predictState } from '@verbund/shared/prediction';
import { applyEventsImmutably, emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { cardFixture, contextAt, testId } from '../test-support/builders.js';
import type { Actor } from './actor.js';
import { decide } from './decide.js';

/**
 * Issue 9 item 5: the client's optimistic result comes from the features' `predict` and the shared
 * reducers; for random states and commands it must equal `reduce(state, decide(state, command))`
 * wherever the server accepts. Fixed seeds; a failing seed is kept here as its own run.
 */
const WS = testId(10);
const BOARD = testId(11);
const PARTNER = testId(12);
const PERSON = testId(20);
const NOW = '2026-02-02T10:00:00.000Z';
const CARDS = [testId(30), testId(31), testId(32), testId(33)];
const UNKNOWN_CARD = testId(99);
const actor: Actor = { personId: PERSON, partnerId: PARTNER, roles: ['member'] };

const ITEMS = [testId(80), testId(81), testId(82)];
const UNKNOWN_ITEM = testId(89);
/** Each known item is absent, open or ticked, on one of the first two cards. */
const itemsArb = fc.array(fc.record({ on: fc.constantFrom(0, 1), state: fc.constantFrom('absent', 'open', 'done') }), { minLength: ITEMS.length, maxLength: ITEMS.length });

const stateArb = fc.record({ archived: fc.array(fc.boolean(), { minLength: CARDS.length, maxLength: CARDS.length }), commented: fc.boolean(), items: itemsArb }).map(({ archived, commented, items }): WorkspaceState => {
  const state: WorkspaceState = {
    ...emptyState(WS),
    seq: 40,
    name: 'Test',
    partners: { [PARTNER]: { id: PARTNER, name: 'Stadt Wolfsburg', shortName: 'WOB', active: true } },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    members: { [PERSON]: { personId: PERSON, partnerId: PARTNER, roles: ['member'], active: true, erased: false, joinedAt: NOW } },
  };
  CARDS.forEach((id, i) => (state.cards[id] = cardFixture({ id, boardId: BOARD, archived: archived[i] ?? false })));
  const first = CARDS[0] ?? '';
  if (commented) state.comments[first] = [{ id: testId(50), cardId: first, authorId: PERSON, body: 'Schon da.', createdAt: NOW }];
  items.forEach(({ on, state: itemState }, i) => {
    const id = ITEMS[i] ?? '';
    const card = CARDS[on] ?? '';
    if (itemState === 'absent') return;
    const done = itemState === 'done';
    const item = { id, cardId: card, text: `Punkt ${i}`, done, position: `a${i}`, createdBy: PERSON, createdAt: NOW, doneBy: done ? PERSON : null, doneAt: done ? NOW : null };
    state.checklists[card] = { ...state.checklists[card], [id]: item };
  });
  return state;
});

const cardId = fc.constantFrom(...CARDS, UNKNOWN_CARD);
const itemId = fc.constantFrom(...ITEMS, UNKNOWN_ITEM);
const text = fc.string({ minLength: 1, maxLength: 40 });
const position = fc.stringMatching(/^a[0-9a-zA-Z]{1,3}$/);
const changes = fc.record(
  { title: text, status: fc.constantFrom(...STATUSES), area: fc.constantFrom(...AREAS), tags: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 3 }) },
  { requiredKeys: [] },
);

const payloadArb = fc.oneof(
  fc.record({ type: fc.constant('card.create'), payload: fc.record({ cardId: fc.constantFrom(...CARDS, testId(60), testId(61)), boardId: fc.constantFrom(BOARD, testId(98)), position, fields: fc.record({ title: text, area: fc.constantFrom(...AREAS), status: fc.constantFrom(...STATUSES) }) }) }),
  fc.record({ type: fc.constant('card.update'), payload: fc.record({ cardId, changes }) }),
  fc.record({ type: fc.constant('card.move'), payload: fc.record({ cardId, area: fc.constantFrom(...AREAS), status: fc.constantFrom(...STATUSES), position }, { requiredKeys: ['cardId', 'position'] }) }),
  fc.record({ type: fc.constant('card.archive'), payload: fc.record({ cardId }) }),
  fc.record({ type: fc.constant('card.restore'), payload: fc.record({ cardId }) }),
  fc.record({ type: fc.constant('comment.add'), payload: fc.record({ commentId: fc.constantFrom(testId(50), testId(51), testId(52)), cardId, body: text }) }),
  fc.record({ type: fc.constant('checklist.add_item'), payload: fc.record({ cardId, itemId: fc.constantFrom(...ITEMS, testId(83), testId(84)), text }) }),
  fc.record({ type: fc.constant('checklist.rename_item'), payload: fc.record({ cardId, itemId, text }) }),
  fc.record({ type: fc.constant('checklist.tick_item'), payload: fc.record({ cardId, itemId, done: fc.boolean() }) }),
  fc.record({ type: fc.constant('checklist.move_item'), payload: fc.record({ cardId, itemId, position }) }),
  fc.record({ type: fc.constant('checklist.remove_item'), payload: fc.record({ cardId, itemId }) }),
);

/** Only what the edge lets through reaches `decide`: the shared schema parses every command first. */
const commandArb = fc
  .record({ id: fc.uuid({ version: 4 }), body: payloadArb })
  .map(({ id, body }) => commandSchema.safeParse({ id, workspaceId: WS, ...body }))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data);

function serverOutcome(state: WorkspaceState, command: Command): WorkspaceState | null {
  const decision = decide(state, command, actor, contextAt(NOW));
  if (!decision.ok) return null;
  const stored: StoredEvent[] = decision.events.map((event, i) => {
    const envelope = { v: EVENT_VERSION, workspaceId: WS, seq: state.seq + i + 1, actorId: PERSON, partnerId: PARTNER, at: NOW, commandId: command.id, prevHash: '', hash: '' } as const;
    return { ...envelope, ...event };
  });
  return { ...applyEventsImmutably(state, stored), seq: state.seq };
}

describe('prediction matches the server (issue 9 item 5)', () => {
  for (const seed of [20261203, 42, 7]) {
    it(`for random states and board, comment and checklist commands, the prediction equals reduce(state, decide(state, command)) where the server accepts (seed ${seed})`, () => {
      let accepted = 0;
      const acceptedTypes = new Set<string>();
      fc.assert(
        fc.property(stateArb, commandArb, (state, command) => {
          const server = serverOutcome(state, command);
          if (!server) return;
          accepted += 1;
          acceptedTypes.add(command.type);
          expect(predictState(state, command, { actorId: PERSON, partnerId: PARTNER, now: NOW })).toEqual(server);
        }),
        { seed, numRuns: 800 },
      );
      // The property must be exercised, not vacuously true: often, and for every guessed command type.
      expect(accepted).toBeGreaterThan(150);
      expect([...acceptedTypes].sort()).toEqual(predictedCommandTypes().sort());
    });
  }

  it('administration and votes are never guessed: they wait for the server', () => {
    const state = fc.sample(stateArb, { seed: 1, numRuns: 1 })[0] ?? emptyState(WS);
    const command = commandSchema.parse({ id: testId(70), workspaceId: WS, type: 'partner.add', payload: { partnerId: testId(71), name: 'Landkreis Gifhorn', shortName: 'GF' } });
    expect(predictState(state, command, { actorId: PERSON, partnerId: PARTNER, now: NOW })).toBe(state);
  });
});
