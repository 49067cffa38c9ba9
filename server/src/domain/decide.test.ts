import { describe, expect, it } from 'vitest';
import type { Command } from '@verbund/shared/commands';
import { COMMAND_TYPES } from '@verbund/shared/commands';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { cardFixture, commandsFor, testId } from '../test-support/builders.js';
import type { Actor } from './actor.js';
import { decide, type DecideContext, type Decision } from './decide.js';

const WS = testId(10);
const BOARD = testId(11);
const PARTNER = testId(12);
const OTHER_PARTNER = testId(13);
const PERSON = testId(20);
const COLLEAGUE = testId(21);
const LIVE = testId(30);
const ARCHIVED = testId(31);
const MISSING = testId(99);
const NOW = '2026-02-02T10:00:00.000Z';

const cmd = commandsFor(WS, BOARD);
const actor: Actor = { personId: PERSON, partnerId: PARTNER, roles: ['member'] };
const ctx: DecideContext = { now: NOW, today: NOW.slice(0, 10) };
const memberOf = (personId: string) => ({ personId, partnerId: PARTNER, roles: ['member' as const], active: true, erased: false, joinedAt: NOW });

function state(): WorkspaceState {
  return {
    ...emptyState(WS),
    name: 'Test',
    seq: 7,
    partners: {
      [PARTNER]: { id: PARTNER, name: 'Stadt A', shortName: 'A', active: true },
      [OTHER_PARTNER]: { id: OTHER_PARTNER, name: 'Stadt B', shortName: 'B', active: true },
    },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: {
      [LIVE]: cardFixture({ id: LIVE, boardId: BOARD, title: 'Lebendig' }),
      [ARCHIVED]: cardFixture({ id: ARCHIVED, boardId: BOARD, archived: true }),
    },
    comments: {},
    members: { [PERSON]: memberOf(PERSON), [COLLEAGUE]: memberOf(COLLEAGUE) },
  };
}

/** Decides against a fresh state and checks the state was not touched (decide is pure). */
function run(command: Command, who: Actor = actor): Decision {
  const before = state();
  const copy = structuredClone(before);
  const decision = decide(before, command, who, ctx);
  expect(before).toEqual(copy);
  return decision;
}

const errorCode = (d: Decision) => (d.ok ? 'accepted' : d.error.code);

/**
 * One valid command per type, aimed at the live card. Partial on purpose: a new command type makes
 * the coverage test below fail by name instead of breaking compilation.
 */
const oneOfEach: Partial<Record<Command['type'], () => Command>> = {
  'card.create': () => cmd.createCard(),
  'card.update': () => cmd.updateCard(LIVE, { title: 'Neu' }),
  'card.move': () => cmd.moveCard(LIVE, { position: 'a5' }),
  'card.archive': () => cmd.archiveCard(LIVE),
  'card.restore': () => cmd.restoreCard(ARCHIVED),
  'comment.add': () => cmd.addComment(LIVE, 'Gute Idee'),
};

describe('decide: every command type', () => {
  it('the table of sample commands covers every command type', () => {
    expect(COMMAND_TYPES.filter((type) => !oneOfEach[type])).toEqual([]);
  });

  const sampled = Object.keys(oneOfEach) as Command['type'][];
  const sample = (type: Command['type']): Command => {
    const build = oneOfEach[type];
    if (!build) throw new Error(`no sample command for ${type}`);
    return build();
  };

  it.each(sampled)('%s is accepted for a member', (type) => {
    expect(errorCode(run(sample(type)))).toBe('accepted');
  });

  it.each(sampled)('S2 %s naming a foreign workspace is not_found', (type) => {
    const foreign = { ...sample(type), workspaceId: testId(77) };
    expect(errorCode(run(foreign))).toBe('not_found');
  });

  it.each(sampled)('S12 %s by an actor without roles is forbidden', (type) => {
    expect(errorCode(run(sample(type), { ...actor, roles: [] }))).toBe('forbidden');
  });
});

describe('decide: card.create', () => {
  it('creates the card with defaults, the creator and the injected time', () => {
    const command = cmd.createCard({ title: 'Servicekonto', ownerIds: [COLLEAGUE], leadPartnerId: OTHER_PARTNER }, { position: 'a9' });
    const decision = run(command);
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'card.created',
          data: {
            card: {
              id: command.payload.cardId,
              boardId: BOARD,
              position: 'a9',
              archived: false,
              createdAt: NOW,
              createdBy: PERSON,
              updatedAt: NOW,
              title: 'Servicekonto',
              description: '',
              area: 'basisdienste',
              status: 'idea',
              leadPartnerId: OTHER_PARTNER,
              partnerIds: [],
              ownerIds: [COLLEAGUE],
              tags: [],
              dueDate: null,
              addressee: null,
              links: [],
            },
          },
        },
      ],
    });
  });

  it('a duplicate card id is a conflict', () => {
    expect(errorCode(run(cmd.createCard({}, { cardId: LIVE })))).toBe('conflict');
  });

  it('an unknown board is not_found', () => {
    expect(errorCode(run(cmd.createCard({}, { boardId: MISSING })))).toBe('not_found');
  });

  it('an unknown lead partner, partner or owner is invalid_payload', () => {
    expect(errorCode(run(cmd.createCard({ leadPartnerId: MISSING })))).toBe('invalid_payload');
    expect(errorCode(run(cmd.createCard({ partnerIds: [PARTNER, MISSING] })))).toBe('invalid_payload');
    expect(errorCode(run(cmd.createCard({ ownerIds: [MISSING] })))).toBe('invalid_payload');
  });
});

describe('decide: changes to an existing card', () => {
  it('S8 card.update carries exactly the changed fields', () => {
    const command = cmd.updateCard(LIVE, { description: 'mehr Text', tags: ['OZG'] });
    expect(run(command)).toEqual({ ok: true, events: [{ type: 'card.updated', data: { cardId: LIVE, changes: { description: 'mehr Text', tags: ['OZG'] } } }] });
  });

  it('card.update naming an unknown partner or person is invalid_payload', () => {
    expect(errorCode(run(cmd.updateCard(LIVE, { partnerIds: [MISSING] })))).toBe('invalid_payload');
    expect(errorCode(run(cmd.updateCard(LIVE, { leadPartnerId: MISSING })))).toBe('invalid_payload');
    expect(errorCode(run(cmd.updateCard(LIVE, { ownerIds: [PERSON, MISSING] })))).toBe('invalid_payload');
  });

  it('card.update may clear the lead partner', () => {
    expect(errorCode(run(cmd.updateCard(LIVE, { leadPartnerId: null })))).toBe('accepted');
  });

  it('S13 card.move is one event with the new key and placement', () => {
    const command = cmd.moveCard(LIVE, { position: 'a0V', status: 'review', area: 'schnittstellen' });
    expect(run(command)).toEqual({
      ok: true,
      events: [{ type: 'card.moved', data: { cardId: LIVE, position: 'a0V', status: 'review', area: 'schnittstellen' } }],
    });
  });

  it('card.archive and card.restore produce their events', () => {
    expect(run(cmd.archiveCard(LIVE))).toEqual({ ok: true, events: [{ type: 'card.archived', data: { cardId: LIVE } }] });
    expect(run(cmd.restoreCard(ARCHIVED))).toEqual({ ok: true, events: [{ type: 'card.restored', data: { cardId: ARCHIVED } }] });
  });

  it('card.restore of a card that is not archived is a conflict', () => {
    expect(errorCode(run(cmd.restoreCard(LIVE)))).toBe('conflict');
  });

  it('comment.add records the author and the injected time', () => {
    const command = cmd.addComment(LIVE, 'Bitte prüfen');
    expect(run(command)).toEqual({
      ok: true,
      events: [
        {
          type: 'comment.added',
          data: { comment: { id: command.payload.commentId, cardId: LIVE, authorId: PERSON, body: 'Bitte prüfen', createdAt: NOW } },
        },
      ],
    });
  });

  const onCard: [string, (cardId: string) => Command][] = [
    ['card.update', (id) => cmd.updateCard(id, { title: 'x' })],
    ['card.move', (id) => cmd.moveCard(id, { position: 'b' })],
    ['card.archive', (id) => cmd.archiveCard(id)],
    ['card.restore', (id) => cmd.restoreCard(id)],
    ['comment.add', (id) => cmd.addComment(id, 'Hallo')],
  ];

  it.each(onCard)('%s on an unknown card is not_found', (_type, build) => {
    expect(errorCode(run(build(MISSING)))).toBe('not_found');
  });

  it.each(onCard.filter(([type]) => type !== 'card.restore'))('S15 %s on an archived card is a conflict', (_type, build) => {
    expect(errorCode(run(build(ARCHIVED)))).toBe('conflict');
  });
});
