import { describe, expect, it } from 'vitest';
import { actualMinutes, sessionsTreating } from '@verbund/shared/features/sessions/sessions-feature';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { cardFixture, contextAt, testId } from '../../test-support/builders.js';
import { outcome } from '../../test-support/decide-pure.js';
import { littleEngine } from '../../test-support/little-engine.js';
import { sessionCommandsFor } from '../../test-support/session-commands.js';
import type { Actor } from '../actor.js';

const WS = testId(10);
const BOARD = testId(11);
const WOB = testId(12);
const CARD = testId(30);
const PEOPLE = {
  claudia: { id: testId(20), roles: ['member', 'moderator'] },
  jonas: { id: testId(21), roles: ['member'] },
  anna: { id: testId(22), roles: ['member'] },
  gone: { id: testId(23), roles: ['member'] },
} as const;
type Who = keyof typeof PEOPLE;
const T0 = '2026-12-10T09:00:00.000Z';
const two = (n: number) => String(n).padStart(2, '0');
/** The instant `minutes` after T0 (the domain reads no clock, its tests make none). */
const at = (minutes: number) => `2026-12-10T${two(9 + Math.floor(minutes / 60))}:${two(minutes % 60)}:00.000Z`;

const s = sessionCommandsFor(WS);

function state(): WorkspaceState {
  const members = Object.fromEntries(
    Object.entries(PEOPLE).map(([who, p]) => [p.id, { personId: p.id, partnerId: WOB, roles: [...p.roles], active: who !== 'gone', erased: false, joinedAt: T0 }]),
  );
  return {
    ...emptyState(WS),
    seq: 3,
    partners: { [WOB]: { id: WOB, name: 'Stadt Wolfsburg', shortName: 'WOB', active: true } },
    members,
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: { [CARD]: cardFixture({ id: CARD, boardId: BOARD }) },
  };
}

const actorOf = (st: WorkspaceState, who: Who): Actor => {
  const member = st.members[PEOPLE[who].id];
  return { personId: PEOPLE[who].id, partnerId: WOB, roles: member?.active ? member.roles : [] };
};

/** A session Claudia planned, with three items (20, 15 and 10 minutes), Jonas co-moderating. */
function planned() {
  const engine = littleEngine(state(), actorOf, contextAt);
  const create = s.create({ coModeratorIds: [PEOPLE.jonas.id] });
  const sessionId = create.payload.sessionId;
  expect(outcome(engine.run('claudia', create, T0))).toBe('accepted');
  const items = [20, 15, 10].map((plannedMinutes, i) => {
    const add = s.addItem(sessionId, { title: `Punkt ${i + 1}`, plannedMinutes });
    expect(outcome(engine.run('claudia', add, T0))).toBe('accepted');
    return add.payload.itemId;
  });
  const session = () => {
    const found = engine.state.sessions[sessionId];
    if (!found) throw new Error('the session is missing');
    return found;
  };
  return { ...engine, sessionId, items, session, order: () => session().items.map((i) => i.id) };
}

describe('session deciders (docs/session-rules.md)', () => {
  it('M1 only a moderator plans a session; its moderator and co-moderators run it, nobody else', () => {
    const { run, sessionId, session } = planned();
    expect(session()).toMatchObject({ state: 'planned', moderatorId: PEOPLE.claudia.id, coModeratorIds: [PEOPLE.jonas.id], currentItemId: null });
    expect(outcome(run('anna', s.create(), T0))).toBe('forbidden:no reason');
    expect(outcome(run('anna', s.update(sessionId, { title: 'Übernommen' }), T0))).toBe('forbidden:not_session_runner');
    expect(outcome(run('jonas', s.update(sessionId, { place: 'Rathaus Gifhorn' }), T0))).toBe('accepted');
    expect(outcome(run('anna', s.start(sessionId), T0))).toBe('forbidden:not_session_runner');
    expect(outcome(run('jonas', s.start(sessionId), T0))).toBe('accepted');
  });

  it('M1 co-moderators are active members named once, never the moderator', () => {
    const { run, sessionId } = planned();
    expect(outcome(run('claudia', s.update(sessionId, { coModeratorIds: [PEOPLE.gone.id] }), T0))).toBe('invalid_payload:person_not_found');
    expect(outcome(run('claudia', s.update(sessionId, { coModeratorIds: [PEOPLE.claudia.id] }), T0))).toBe('invalid_payload:no reason');
    expect(outcome(run('claudia', s.update(sessionId, { coModeratorIds: [PEOPLE.anna.id, PEOPLE.anna.id] }), T0))).toBe('invalid_payload:no reason');
    expect(outcome(run('claudia', s.create({ coModeratorIds: [testId(77)] }), T0))).toBe('invalid_payload:person_not_found');
  });

  it('M2 planned, then running, then ended for good: an ended session changes no more', () => {
    const { run, sessionId, items, session } = planned();
    expect(outcome(run('claudia', s.end(sessionId), T0))).toBe('conflict:session_not_running');
    expect(outcome(run('claudia', s.start(sessionId), at(0)))).toBe('accepted');
    expect(outcome(run('claudia', s.start(sessionId), at(1)))).toBe('conflict:session_running');
    expect(outcome(run('claudia', s.end(sessionId), at(60)))).toBe('accepted');
    expect(session()).toMatchObject({ state: 'ended', startedAt: at(0), endedAt: at(60) });
    for (const command of [s.start(sessionId), s.end(sessionId), s.update(sessionId, { title: 'Später' }), s.addItem(sessionId), s.removeItem(sessionId, items[0] ?? '')]) {
      expect(outcome(run('claudia', command, at(61)))).toBe('conflict:session_ended');
    }
  });

  it('M4 items link only what exists; an agenda holds at most 100 items; a treated item stays', () => {
    const { run, sessionId, items, session } = planned();
    const links = { cardIds: [CARD], voteIds: [], positionIds: [testId(66)] };
    expect(outcome(run('claudia', s.addItem(sessionId, { links }), T0))).toBe('invalid_payload:link_not_found');
    expect(outcome(run('claudia', s.updateItem(sessionId, items[0] ?? '', { links: { ...links, positionIds: [] } }), T0))).toBe('accepted');
    expect(session().items[0]?.links.cardIds).toEqual([CARD]);
    for (let i = 3; i < 100; i++) expect(outcome(run('claudia', s.addItem(sessionId), T0))).toBe('accepted');
    expect(outcome(run('claudia', s.addItem(sessionId), T0))).toBe('conflict:agenda_full');
    expect(outcome(run('claudia', s.removeItem(sessionId, testId(98)), T0))).toBe('not_found:agenda_item_not_found');
    expect(outcome(run('claudia', s.removeItem(sessionId, items[2] ?? ''), T0))).toBe('accepted');
    run('claudia', s.start(sessionId), at(0));
    run('claudia', s.takeUp(sessionId, items[1] ?? ''), at(1));
    expect(outcome(run('claudia', s.removeItem(sessionId, items[1] ?? ''), at(2)))).toBe('conflict:item_treated');
  });

  it('M4 moving an item puts it at the index named, the others keep their order; beyond the end means last', () => {
    const { run, sessionId, items, order } = planned();
    const [a = '', b = '', c = ''] = items;
    expect(outcome(run('claudia', s.moveItem(sessionId, c, 0), T0))).toBe('accepted');
    expect(order()).toEqual([c, a, b]);
    expect(outcome(run('claudia', s.moveItem(sessionId, c, 99), T0))).toBe('accepted');
    expect(order()).toEqual([a, b, c]);
    expect(outcome(run('claudia', s.moveItem(sessionId, a, 1), T0))).toBe('accepted');
    expect(order()).toEqual([b, a, c]);
    expect(outcome(run('claudia', s.moveItem(sessionId, a, 1), T0))).toBe('conflict:no reason');
  });

  it('M5 taking up an item ends the span of the one before; actual time and overrun count every span', () => {
    const { run, sessionId, items, session } = planned();
    const [a = '', b = ''] = items;
    expect(outcome(run('claudia', s.takeUp(sessionId, a), T0))).toBe('conflict:session_not_running');
    run('claudia', s.start(sessionId), at(0));
    expect(outcome(run('claudia', s.takeUp(sessionId, a), at(0)))).toBe('accepted');
    expect(outcome(run('claudia', s.takeUp(sessionId, a), at(1)))).toBe('conflict:no reason');
    expect(outcome(run('claudia', s.takeUp(sessionId, b), at(25)))).toBe('accepted');
    expect(outcome(run('claudia', s.takeUp(sessionId, a), at(40)))).toBe('accepted');
    const item = (id: string) => session().items.find((i) => i.id === id) ?? { spans: [] };
    expect(session().currentItemId).toBe(a);
    expect(actualMinutes(item(a), at(43))).toBe(28);
    expect(actualMinutes(item(b), at(43))).toBe(15);
    run('claudia', s.end(sessionId), at(50));
    expect(session().currentItemId).toBeNull();
    expect(actualMinutes(item(a), at(90))).toBe(35);
    expect(item(a).spans.every((span) => span.to !== null)).toBe(true);
  });

  it('M6 an item is deferred to another planned session (a copy lands there) or to none yet; the current one is not', () => {
    const { run, sessionId, items, session, state: st } = planned();
    const [a = '', b = '', c = ''] = items;
    const later = s.create({ title: '13. Sitzung', startsAt: '2027-01-14T09:00:00.000Z' });
    run('claudia', later, T0);
    const laterId = later.payload.sessionId;
    run('claudia', s.start(sessionId), at(0));
    run('claudia', s.takeUp(sessionId, a), at(0));
    expect(outcome(run('claudia', s.defer(sessionId, a, laterId), at(5)))).toBe('conflict:item_current');
    expect(outcome(run('claudia', s.defer(sessionId, b, sessionId), at(5)))).toBe('conflict:defer_target_invalid');
    expect(outcome(run('anna', s.defer(sessionId, b, laterId), at(5)))).toBe('forbidden:not_session_runner');
    const deferred = s.defer(sessionId, b, laterId);
    expect(outcome(run('claudia', deferred, at(5)))).toBe('accepted');
    expect(session().items.find((i) => i.id === b)?.deferred).toEqual({ to: laterId, at: at(5) });
    expect(st.sessions[laterId]?.items).toEqual([
      { id: deferred.payload.newItemId, title: 'Punkt 2', plannedMinutes: 15, links: { cardIds: [], voteIds: [], positionIds: [] }, spans: [], deferred: null },
    ]);
    expect(outcome(run('claudia', s.takeUp(sessionId, b), at(6)))).toBe('conflict:item_deferred');
    expect(outcome(run('claudia', s.defer(sessionId, b, null), at(6)))).toBe('conflict:item_deferred');
    expect(outcome(run('claudia', s.defer(sessionId, c, null), at(6)))).toBe('accepted');
    expect(session().items.find((i) => i.id === c)?.deferred).toEqual({ to: null, at: at(6) });
    // Only to a session still planned: the running one is not a target.
    expect(outcome(run('claudia', s.defer(laterId, deferred.payload.newItemId, sessionId), at(7)))).toBe('conflict:defer_target_invalid');
  });

  it('M55 an action item agreed during a running session becomes an agreed card at once, owned and dated, linked to the item', () => {
    const { run, sessionId, items, state: st } = planned();
    const [a = '', b = ''] = items;
    const action = s.addAction(sessionId, a, BOARD, [PEOPLE.anna.id], { title: 'Leistungsbeschreibung entwerfen', dueDate: '2027-01-31' });
    expect(outcome(run('claudia', action, T0))).toBe('conflict:session_not_running');
    run('claudia', s.start(sessionId), at(0));
    expect(outcome(run('anna', action, at(1)))).toBe('forbidden:not_session_runner');
    expect(outcome(run('jonas', s.addAction(sessionId, a, BOARD, [PEOPLE.gone.id]), at(1)))).toBe('invalid_payload:person_not_found');
    expect(outcome(run('jonas', s.addAction(sessionId, testId(97), BOARD, [PEOPLE.anna.id]), at(1)))).toBe('not_found:agenda_item_not_found');
    expect(outcome(run('jonas', action, at(2)))).toBe('accepted');
    expect(st.cards[action.payload.cardId]).toMatchObject({
      title: 'Leistungsbeschreibung entwerfen',
      status: 'agreed',
      ownerIds: [PEOPLE.anna.id],
      dueDate: '2027-01-31',
      description: 'Aufgabe aus „Arbeitsgruppe Digitalisierung, 12. Sitzung“, TOP 1: Punkt 1',
      createdBy: PEOPLE.jonas.id,
    });
    expect(st.sessionActions[sessionId]).toEqual([{ itemId: a, cardId: action.payload.cardId, by: PEOPLE.jonas.id, at: at(2) }]);
    expect(outcome(run('jonas', action, at(3)))).toBe('conflict:no reason');
    run('claudia', s.defer(sessionId, b, null), at(3));
    expect(outcome(run('claudia', s.addAction(sessionId, b, BOARD, [PEOPLE.anna.id]), at(4)))).toBe('conflict:item_deferred');
    run('claudia', s.end(sessionId), at(5));
    expect(outcome(run('claudia', s.addAction(sessionId, a, BOARD, [PEOPLE.anna.id]), at(6)))).toBe('conflict:session_ended');
  });

  it('sessions that treat a card are found through their items, soonest first', () => {
    const { run, sessionId, items, state: st } = planned();
    const other = s.create({ startsAt: '2026-11-01T09:00:00.000Z' });
    run('claudia', other, T0);
    run('claudia', s.addItem(other.payload.sessionId, { links: { cardIds: [CARD], voteIds: [], positionIds: [] } }), T0);
    run('claudia', s.updateItem(sessionId, items[0] ?? '', { links: { cardIds: [CARD], voteIds: [], positionIds: [] } }), T0);
    expect(sessionsTreating(st.sessions, 'cardIds', CARD).map((x) => x.id)).toEqual([other.payload.sessionId, sessionId]);
    expect(sessionsTreating(st.sessions, 'voteIds', CARD)).toEqual([]);
  });
});
