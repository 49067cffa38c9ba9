import type { CommandOf } from '@verbund/shared/commands';
import type { PositionFields, PositionVersion } from '@verbund/shared/features/positions/positions-feature';
import type { PmDoc } from '@verbund/shared/rich-text';
import { nextId } from './builders.js';

/** Builders of the position commands, bound to one workspace and its lead partner. Deterministic ids (see `nextId`). */
export function positionCommandsFor(workspaceId: string, leadPartnerId: string) {
  // Each builder's return type states the command it builds; the cast only joins envelope and payload.
  const envelope = (type: string, payload: unknown) => ({ id: nextId(), workspaceId, type, payload }) as never;
  const fields = (over: Partial<PositionFields>): PositionFields => ({
    title: 'Stellungnahme zum OZG-Änderungsgesetz',
    addressee: { kind: 'land', name: 'Land Niedersachsen' },
    leadPartnerId,
    dueDate: null,
    ...over,
  });
  return {
    create: (over: Partial<PositionFields> = {}, cardIds: string[] = [], positionId: string = nextId()): CommandOf<'position.create'> =>
      envelope('position.create', { positionId, fields: fields(over), cardIds }),
    update: (positionId: string, changes: Partial<PositionFields>): CommandOf<'position.update'> => envelope('position.update', { positionId, changes }),
    link: (positionId: string, cardId: string): CommandOf<'position.link_card'> => envelope('position.link_card', { positionId, cardId }),
    unlink: (positionId: string, cardId: string): CommandOf<'position.unlink_card'> => envelope('position.unlink_card', { positionId, cardId }),
    /** The server's own (P8); from a person it is refused. */
    recordVersion: (positionId: string, over: Partial<PositionVersion> = {}, content: PmDoc = { type: 'doc', content: [] }): CommandOf<'position.record_version'> =>
      envelope('position.record_version', {
        positionId,
        version: { id: nextId(), name: 'Entwurf', hash: 'a'.repeat(64), namedBy: nextId(), namedAt: '2026-12-04T10:00:00.000Z', ...over },
        content,
      }),
    /** The server's own (P10): the frozen text and the round, for `startedBy`. */
    startSignoff: (positionId: string, startedBy: string, over: Partial<PositionVersion> = {}, roundId: string = nextId()): CommandOf<'position.start_signoff'> =>
      envelope('position.start_signoff', {
        positionId,
        round: { id: roundId, startedBy },
        version: { id: nextId(), name: 'Zur Zeichnung', hash: 'b'.repeat(64), namedBy: startedBy, namedAt: '2026-12-04T10:00:00.000Z', ...over },
        content: { type: 'doc', content: [] },
        authors: [],
      }),
    answer: (positionId: string, roundId: string, partnerId: string, hash: string, decision: 'approve' | 'decline' = 'approve', reason: string | null = null): CommandOf<'position.answer_signoff'> =>
      envelope('position.answer_signoff', { positionId, roundId, partnerId, hash, decision, reason }),
    withdraw: (positionId: string, roundId: string): CommandOf<'position.withdraw_signoff'> => envelope('position.withdraw_signoff', { positionId, roundId }),
    /** P31: sent to the Land by beA on 4 December, unless `over` says otherwise. */
    dispatch: (positionId: string, over: Partial<CommandOf<'position.record_dispatch'>['payload']> = {}): CommandOf<'position.record_dispatch'> =>
      envelope('position.record_dispatch', {
        positionId,
        dispatchId: nextId(),
        recipient: 'Land Niedersachsen',
        channel: 'bea_egvp',
        sentOn: '2026-12-04',
        fileReference: 'MI 41-05020/3',
        followUpOn: '2027-01-15',
        ...over,
      }),
    acknowledge: (positionId: string, dispatchId: string, acknowledgedOn = '2026-12-07'): CommandOf<'position.acknowledge_dispatch'> =>
      envelope('position.acknowledge_dispatch', { positionId, dispatchId, acknowledgedOn }),
    followUp: (positionId: string, dispatchId: string, followUpOn: string | null): CommandOf<'position.set_follow_up'> => envelope('position.set_follow_up', { positionId, dispatchId, followUpOn }),
    answerReceived: (positionId: string, dispatchId: string, text = 'Das Land prüft die Vorschläge.', receivedOn = '2026-12-20'): CommandOf<'position.record_answer'> =>
      envelope('position.record_answer', { positionId, dispatchId, text, receivedOn }),
    outcome: (positionId: string, dispatchId: string, outcome: 'accepted' | 'partial' | 'rejected' | 'open'): CommandOf<'position.set_outcome'> =>
      envelope('position.set_outcome', { positionId, dispatchId, outcome }),
    followUpInitiative: (positionId: string, dispatchId: string, boardId: string, cardId: string = nextId()): CommandOf<'position.create_follow_up'> =>
      envelope('position.create_follow_up', { positionId, dispatchId, cardId, boardId, position: 'z5', title: 'Folge: Zeitplan des Landes', area: 'basisdienste' }),
  };
}
