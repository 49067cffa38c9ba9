import { describe, expect, it } from 'vitest';
import { commandSchema } from '@verbund/shared/commands';
import { dispatchStatus, followUpsOfCards, isOverdue } from '@verbund/shared/features/positions/dispatch';
import type { Position, PositionStatus } from '@verbund/shared/features/positions/positions-feature';
import type { Role } from '@verbund/shared/model';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { contextAt, testId } from '../../test-support/builders.js';
import { outcome } from '../../test-support/decide-pure.js';
import { littleEngine } from '../../test-support/little-engine.js';
import { positionCommandsFor } from '../../test-support/position-commands.js';
import { actorFrom, type Actor } from '../actor.js';

const WS = testId(10);
const [LEAD, OTHER] = [testId(12), testId(13)];
const POSITION = testId(40);
const BOARD = testId(41);
const CARD = testId(42);
const NOW = '2026-12-04T10:00:00.000Z';

const PEOPLE = {
  leadMember: { id: testId(20), partnerId: LEAD, roles: ['member'] },
  otherMember: { id: testId(24), partnerId: OTHER, roles: ['member'] },
  otherDezernent: { id: testId(22), partnerId: OTHER, roles: ['member', 'dezernent'] },
  moderator: { id: testId(25), partnerId: OTHER, roles: ['member', 'moderator'] },
} satisfies Record<string, { id: string; partnerId: string; roles: Role[] }>;
type Who = keyof typeof PEOPLE;

function stateWith(status: PositionStatus): WorkspaceState {
  const position: Position = {
    id: POSITION, title: 'Stellungnahme', addressee: { kind: 'land', name: 'Land Niedersachsen' }, leadPartnerId: LEAD, dueDate: null,
    status, cardIds: [CARD], createdBy: PEOPLE.leadMember.id, createdAt: NOW, updatedAt: NOW,
  };
  const base = emptyState(WS);
  return {
    ...base,
    partners: {
      [LEAD]: { id: LEAD, name: 'Stadt Wolfsburg', shortName: 'WOB', active: true },
      [OTHER]: { id: OTHER, name: 'Stadt Braunschweig', shortName: 'BS', active: true },
    },
    members: Object.fromEntries(Object.values(PEOPLE).map((p) => [p.id, { personId: p.id, partnerId: p.partnerId, roles: p.roles, active: true, erased: false, joinedAt: NOW }])),
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    positions: { [POSITION]: position },
  };
}

const actorOf = (state: WorkspaceState, who: Who): Actor => actorFrom(state, PEOPLE[who].id) ?? { personId: PEOPLE[who].id, partnerId: '', roles: [] };
const p = positionCommandsFor(WS, LEAD);

/** An adopted position sent once by a lead-partner member; the engine to follow it. */
function sent() {
  const engine = littleEngine(stateWith('adopted'), actorOf, contextAt);
  const dispatch = p.dispatch(POSITION);
  const decision = engine.run('leadMember', dispatch, NOW);
  return { ...engine, decision, dispatchId: dispatch.payload.dispatchId };
}

describe('after sending (docs/position-rules.md P30–P39)', () => {
  it('P30 P31 the first dispatch record makes the adopted position sent; a draft or a position in review is not sent', () => {
    const { decision, state, dispatchId } = sent();
    expect(outcome(decision)).toBe('accepted');
    expect(state.positions[POSITION]?.status).toBe('sent');
    expect(state.positionDispatches[POSITION]).toEqual([
      {
        id: dispatchId, recipient: 'Land Niedersachsen', channel: 'bea_egvp', sentOn: '2026-12-04', fileReference: 'MI 41-05020/3', recordedBy: PEOPLE.leadMember.id,
        recordedAt: NOW, acknowledgedOn: null, followUpOn: '2027-01-15', answer: null, outcome: null,
      },
    ]);
    for (const status of ['draft', 'in_review'] as const) {
      const { run } = littleEngine(stateWith(status), actorOf, contextAt);
      expect(outcome(run('leadMember', p.dispatch(POSITION), NOW))).toBe('conflict:position_not_adopted');
    }
  });

  it('P31 a second recipient gets its own record; a taken id is a conflict and the follow-up is not before sending (P39)', () => {
    const { run, state, dispatchId } = sent();
    expect(outcome(run('moderator', p.dispatch(POSITION, { recipient: 'regio iT', channel: 'email', fileReference: null }), NOW))).toBe('accepted');
    expect(state.positionDispatches[POSITION]?.map((r) => r.recipient)).toEqual(['Land Niedersachsen', 'regio iT']);
    expect(outcome(run('leadMember', p.dispatch(POSITION, { dispatchId }), NOW))).toBe('conflict:no reason');
    expect(outcome(run('leadMember', p.dispatch(POSITION, { followUpOn: '2026-12-01' }), NOW))).toBe('invalid_payload:before_sending');
  });

  it('P38 only the lead partner’s members and the moderators keep the records; another partner’s Dezernent does not', () => {
    const { run, dispatchId } = sent();
    expect(outcome(run('otherMember', p.dispatch(POSITION), NOW))).toBe('forbidden:not_dispatcher');
    expect(outcome(run('otherDezernent', p.acknowledge(POSITION, dispatchId), NOW))).toBe('forbidden:not_dispatcher');
    expect(outcome(run('otherMember', p.answerReceived(POSITION, dispatchId), NOW))).toBe('forbidden:not_dispatcher');
    expect(outcome(run('moderator', p.acknowledge(POSITION, dispatchId), NOW))).toBe('accepted');
  });

  it('P32 P33 acknowledgement and follow-up date are kept per record, never before the day it was sent, on a record that exists', () => {
    const { run, state, dispatchId } = sent();
    expect(outcome(run('leadMember', p.acknowledge(POSITION, dispatchId, '2026-12-03'), NOW))).toBe('invalid_payload:before_sending');
    expect(outcome(run('leadMember', p.acknowledge(POSITION, dispatchId), NOW))).toBe('accepted');
    expect(outcome(run('leadMember', p.followUp(POSITION, dispatchId, '2027-02-01'), NOW))).toBe('accepted');
    expect(state.positionDispatches[POSITION]?.[0]).toMatchObject({ acknowledgedOn: '2026-12-07', followUpOn: '2027-02-01' });
    expect(outcome(run('leadMember', p.followUp(POSITION, dispatchId, null), NOW))).toBe('accepted');
    expect(state.positionDispatches[POSITION]?.[0]?.followUpOn).toBeNull();
    expect(outcome(run('leadMember', p.followUp(POSITION, testId(99), null), NOW))).toBe('not_found:dispatch_not_found');
  });

  it('P34 P35 the answer makes it answered, once; the outcome follows an answer, and when every record is closed the position is done', () => {
    const { run, state, dispatchId } = sent();
    expect(outcome(run('leadMember', p.outcome(POSITION, dispatchId, 'accepted'), NOW))).toBe('conflict:no_answer');
    expect(outcome(run('leadMember', p.answerReceived(POSITION, dispatchId), NOW))).toBe('accepted');
    expect(state.positions[POSITION]?.status).toBe('answered');
    expect(state.positionDispatches[POSITION]?.[0]?.answer).toEqual({ text: 'Das Land prüft die Vorschläge.', receivedOn: '2026-12-20', recordedBy: PEOPLE.leadMember.id, recordedAt: NOW });
    expect(outcome(run('leadMember', p.answerReceived(POSITION, dispatchId), NOW))).toBe('conflict:answer_recorded');
    expect(outcome(run('leadMember', p.outcome(POSITION, dispatchId, 'open'), NOW))).toBe('accepted');
    expect(state.positions[POSITION]?.status).toBe('answered');
    expect(outcome(run('leadMember', p.outcome(POSITION, dispatchId, 'partial'), NOW))).toBe('accepted');
    expect(state.positions[POSITION]?.status).toBe('done');
    // A further recipient reopens it: the position is done when all of them are.
    expect(outcome(run('leadMember', p.dispatch(POSITION, { recipient: 'ITEOS' }), NOW))).toBe('accepted');
    expect(state.positions[POSITION]?.status).toBe('answered');
  });

  it('P34 P39 an answer is received on or after the day of sending, at most 20,000 characters (schema)', () => {
    const { run, dispatchId } = sent();
    expect(outcome(run('leadMember', p.answerReceived(POSITION, dispatchId, 'Antwort', '2026-11-30'), NOW))).toBe('invalid_payload:before_sending');
    expect(commandSchema.safeParse(p.answerReceived(POSITION, dispatchId, 'x'.repeat(20_001))).success).toBe(false);
    expect(commandSchema.safeParse(p.answerReceived(POSITION, dispatchId, 'x'.repeat(20_000))).success).toBe(true);
    expect(commandSchema.safeParse(p.dispatch(POSITION, { channel: 'fax' as never })).success).toBe(false);
    expect(commandSchema.safeParse(p.dispatch(POSITION, { sentOn: '4.12.2026' })).success).toBe(false);
  });

  it('P36 a follow-up initiative is one command: the card, its description the answer, linked to the position', () => {
    const { run, state, dispatchId } = sent();
    expect(outcome(run('leadMember', p.followUpInitiative(POSITION, dispatchId, BOARD), NOW))).toBe('conflict:no_answer');
    run('leadMember', p.answerReceived(POSITION, dispatchId, 'Das Land sagt einen Zeitplan zu.\nBis März.'), NOW);
    const create = p.followUpInitiative(POSITION, dispatchId, BOARD);
    expect(outcome(run('otherMember', create, NOW))).toBe('forbidden:not_dispatcher');
    expect(outcome(run('leadMember', create, NOW))).toBe('accepted');
    expect(state.cards[create.payload.cardId]).toMatchObject({ title: 'Folge: Zeitplan des Landes', description: 'Das Land sagt einen Zeitplan zu.\nBis März.', status: 'idea', boardId: BOARD });
    expect(state.positions[POSITION]?.cardIds).toEqual([CARD, create.payload.cardId]);
    expect(outcome(run('leadMember', p.followUpInitiative(POSITION, dispatchId, BOARD, create.payload.cardId), NOW))).toBe('conflict:no reason');
    expect(outcome(run('leadMember', p.followUpInitiative(POSITION, dispatchId, testId(98)), NOW))).toBe('not_found:no reason');
  });

  it('P37 the board shows the earliest pending follow-up of a card’s positions, overdue once the office’s today is past it; a closed record waits no more', () => {
    const { run, state, dispatchId } = sent();
    expect(followUpsOfCards(state.positions, state.positionDispatches)).toEqual({ [CARD]: '2027-01-15' });
    run('leadMember', p.dispatch(POSITION, { recipient: 'ITEOS', followUpOn: '2026-12-10' }), NOW);
    expect(followUpsOfCards(state.positions, state.positionDispatches)).toEqual({ [CARD]: '2026-12-10' });
    expect(isOverdue('2026-12-10', '2026-12-10')).toBe(false);
    expect(isOverdue('2026-12-10', '2026-12-11')).toBe(true);
    run('leadMember', p.answerReceived(POSITION, dispatchId), NOW);
    run('leadMember', p.outcome(POSITION, dispatchId, 'rejected'), NOW);
    expect(followUpsOfCards(state.positions, state.positionDispatches)).toEqual({ [CARD]: '2026-12-10' });
    expect(dispatchStatus([])).toBe('sent');
  });
});
