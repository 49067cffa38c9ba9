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
      }),
    answer: (positionId: string, roundId: string, partnerId: string, hash: string, decision: 'approve' | 'decline' = 'approve', reason: string | null = null): CommandOf<'position.answer_signoff'> =>
      envelope('position.answer_signoff', { positionId, roundId, partnerId, hash, decision, reason }),
    withdraw: (positionId: string, roundId: string): CommandOf<'position.withdraw_signoff'> => envelope('position.withdraw_signoff', { positionId, roundId }),
  };
}
