import { describe, expect, it } from 'vitest';
import type { Command } from '@verbund/shared/commands';
import { SYSTEM_ACTOR_ID } from '@verbund/shared/events';
import type { Position } from '@verbund/shared/features/positions/positions-feature';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { cardFixture, testId } from '../../test-support/builders.js';
import { decidePure, outcome } from '../../test-support/decide-pure.js';
import { positionCommandsFor } from '../../test-support/position-commands.js';
import type { Actor } from '../actor.js';
import type { Decision } from '../decide.js';
import { positionText } from './position-text.js';

const WS = testId(10);
const BOARD = testId(11);
const LEAD = testId(12);
const GONE = testId(13);
const PERSON = testId(20);
const LIVE = testId(30);
const OTHER = testId(31);
const ARCHIVED = testId(32);
const DRAFT = testId(40);
const ADOPTED = testId(41);
const MISSING = testId(99);
const NOW = '2026-02-02T10:00:00.000Z';

const p = positionCommandsFor(WS, LEAD);
const actor: Actor = { personId: PERSON, partnerId: LEAD, roles: ['member'] };

const positionFixture = (id: string, over: Partial<Position> = {}): Position => ({
  id, title: 'Stellungnahme', addressee: { kind: 'land', name: 'Land Niedersachsen' }, leadPartnerId: LEAD, dueDate: null,
  status: 'draft', cardIds: [LIVE], createdBy: PERSON, createdAt: NOW, updatedAt: NOW, ...over,
});

function state(): WorkspaceState {
  return {
    ...emptyState(WS),
    seq: 7,
    partners: { [LEAD]: { id: LEAD, name: 'Stadt Wolfsburg', shortName: 'WOB', active: true }, [GONE]: { id: GONE, name: 'Stadt Alt', shortName: 'ALT', active: false } },
    members: { [PERSON]: { personId: PERSON, partnerId: LEAD, roles: ['member'], active: true, erased: false, joinedAt: NOW } },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: {
      [LIVE]: cardFixture({ id: LIVE, boardId: BOARD }),
      [OTHER]: cardFixture({ id: OTHER, boardId: BOARD }),
      [ARCHIVED]: cardFixture({ id: ARCHIVED, boardId: BOARD, archived: true }),
    },
    positions: { [DRAFT]: positionFixture(DRAFT), [ADOPTED]: positionFixture(ADOPTED, { status: 'adopted', cardIds: [LIVE, ARCHIVED] }) },
  };
}

/** Decides against a state (fresh unless given); decide is pure (`decidePure` checks). */
const run = (command: Command, given: WorkspaceState = state(), by: Actor = actor): Decision => decidePure(given, command, by, NOW);
/** The server itself: only it records versions (P8). */
const system: Actor = { personId: SYSTEM_ACTOR_ID, partnerId: '', roles: [] };

describe('position deciders (docs/position-rules.md)', () => {
  it('P1 a new position is a draft, written by its creator now, with the cards it concerns', () => {
    const create = p.create({ dueDate: '2027-03-31', addressee: { kind: 'it_provider', name: 'ITEBO' } }, [LIVE, OTHER]);
    expect(run(create)).toEqual({
      ok: true,
      events: [
        {
          type: 'position.created',
          data: {
            position: {
              id: create.payload.positionId, title: 'Stellungnahme zum OZG-Änderungsgesetz', addressee: { kind: 'it_provider', name: 'ITEBO' }, leadPartnerId: LEAD,
              dueDate: '2027-03-31', status: 'draft', cardIds: [LIVE, OTHER], createdBy: PERSON, createdAt: NOW, updatedAt: NOW,
            },
          },
        },
      ],
    });
  });

  it('P2 the fields change while the position is a draft, and no longer once it is adopted', () => {
    expect(run(p.update(DRAFT, { title: 'Neuer Titel', dueDate: null }))).toEqual({ ok: true, events: [{ type: 'position.updated', data: { positionId: DRAFT, changes: { title: 'Neuer Titel', dueDate: null } } }] });
    expect(outcome(run(p.update(ADOPTED, { title: 'Nachträglich' })))).toBe('conflict:position_not_draft');
    expect(outcome(run(p.update(MISSING, { title: 'x' })))).toBe('not_found:position_not_found');
  });

  it('P3 the lead partner must be an active partner of the workspace, at creation and when it changes', () => {
    expect(outcome(run(p.create({ leadPartnerId: GONE })))).toBe('conflict:partner_inactive');
    expect(outcome(run(p.create({ leadPartnerId: MISSING })))).toBe('invalid_payload:partner_not_found');
    expect(outcome(run(p.update(DRAFT, { leadPartnerId: GONE })))).toBe('conflict:partner_inactive');
  });

  it('P4 a live card is linked once; an archived or unknown card is not linked; at most 50 cards', () => {
    expect(outcome(run(p.link(DRAFT, OTHER)))).toBe('accepted');
    expect(outcome(run(p.link(DRAFT, LIVE)))).toBe('conflict:card_already_linked');
    expect(outcome(run(p.link(DRAFT, ARCHIVED)))).toBe('conflict:no reason');
    expect(outcome(run(p.link(DRAFT, MISSING)))).toBe('not_found:no reason');
    expect(outcome(run(p.create({}, [LIVE, LIVE])))).toBe('conflict:card_already_linked');
    expect(outcome(run(p.create({}, [LIVE, ARCHIVED])))).toBe('conflict:no reason');
    const many = state();
    const ids = Array.from({ length: 50 }, (_, i) => testId(200 + i));
    for (const id of ids) many.cards[id] = cardFixture({ id, boardId: BOARD });
    many.positions[DRAFT] = positionFixture(DRAFT, { cardIds: ids });
    expect(outcome(run(p.link(DRAFT, LIVE), many))).toBe('conflict:too_many_cards');
  });

  it('P4 links are removed at any time, from an archived card and an adopted position too', () => {
    expect(run(p.unlink(ADOPTED, ARCHIVED))).toEqual({ ok: true, events: [{ type: 'position.card_unlinked', data: { positionId: ADOPTED, cardId: ARCHIVED } }] });
    expect(outcome(run(p.unlink(DRAFT, OTHER)))).toBe('conflict:card_not_linked');
  });

  it('P5 a taken id is a conflict, and a workspace holds at most 1,000 positions', () => {
    expect(outcome(run(p.create({}, [], DRAFT)))).toBe('conflict:no reason');
    const full = state();
    for (let i = 0; i < 998; i++) full.positions[testId(1000 + i)] = positionFixture(testId(1000 + i));
    expect(outcome(run(p.create(), full))).toBe('conflict:too_many_positions');
  });
});

describe('named versions (P8)', () => {
  it('P8 a version is recorded for any status, once per id, at most 200 per position, only for a position that exists', () => {
    const record = p.recordVersion(ADOPTED, { name: 'Beschlossene Fassung' });
    expect(run(record, state(), system)).toEqual({ ok: true, events: [{ type: 'position.version_recorded', data: record.payload }] });
    const after = state();
    after.positionVersions[ADOPTED] = [record.payload.version];
    expect(outcome(run(p.recordVersion(DRAFT, { id: record.payload.version.id }), after, system))).toBe('conflict:no reason');
    after.positionVersions[DRAFT] = Array.from({ length: 200 }, (_, i) => ({ ...record.payload.version, id: testId(500 + i) }));
    const full = run(p.recordVersion(DRAFT), after, system);
    expect(!full.ok && full.error.reason).toBe('too_many_versions');
    expect(outcome(run(p.recordVersion(MISSING), state(), system))).toBe('not_found:position_not_found');
    expect(outcome(run(p.recordVersion(DRAFT)))).toBe('forbidden:no reason');
  });
});

describe('the position text (Y15)', () => {
  it('P7 members write the text of a draft; any other status freezes it; a stranger or an unknown position has none', () => {
    const given = state();
    expect(positionText.access(given, actor, DRAFT)).toBe('write');
    expect(positionText.access(given, actor, ADOPTED)).toBe('read');
    for (const status of ['in_review', 'sent', 'answered', 'done'] as const) {
      given.positions[DRAFT] = positionFixture(DRAFT, { status });
      expect(positionText.access(given, actor, DRAFT)).toBe('read');
    }
    expect(positionText.access(given, { ...actor, roles: [] }, ADOPTED)).toBe('none');
    expect(positionText.access(given, actor, MISSING)).toBe('none');
  });
});
