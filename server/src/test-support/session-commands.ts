import type { CommandOf } from '@verbund/shared/commands';
import type { AttendanceMode, QuorumRule } from '@verbund/shared/features/sessions/attendance';
import type { AgendaItemFields, SessionFields } from '@verbund/shared/features/sessions/sessions-feature';
import type { VoteSettings } from '@verbund/shared/votes';
import { nextId } from './builders.js';

/** Builders of the session commands, bound to one workspace. Deterministic ids (see `nextId`). */
export function sessionCommandsFor(workspaceId: string) {
  // Each builder's return type states the command it builds; the cast only joins envelope and payload.
  const envelope = (type: string, payload: unknown) => ({ id: nextId(), workspaceId, type, payload }) as never;
  const fields = (over: Partial<SessionFields>): SessionFields => ({
    title: 'Arbeitsgruppe Digitalisierung, 12. Sitzung',
    startsAt: '2026-12-10T09:00:00.000Z',
    place: 'Rathaus Wolfsburg, Raum 204',
    link: null,
    coModeratorIds: [],
    ...over,
  });
  const item = (over: Partial<AgendaItemFields>): AgendaItemFields => ({
    title: 'Gemeinsame ePayBL-Ausschreibung',
    plannedMinutes: 20,
    links: { cardIds: [], voteIds: [], positionIds: [] },
    ...over,
  });
  return {
    create: (over: Partial<SessionFields> = {}, sessionId: string = nextId()): CommandOf<'session.create'> => envelope('session.create', { sessionId, fields: fields(over) }),
    update: (sessionId: string, changes: Partial<SessionFields>): CommandOf<'session.update'> => envelope('session.update', { sessionId, changes }),
    addItem: (sessionId: string, over: Partial<AgendaItemFields> = {}, itemId: string = nextId()): CommandOf<'session.add_item'> =>
      envelope('session.add_item', { sessionId, itemId, fields: item(over) }),
    updateItem: (sessionId: string, itemId: string, changes: Partial<AgendaItemFields>): CommandOf<'session.update_item'> =>
      envelope('session.update_item', { sessionId, itemId, changes }),
    removeItem: (sessionId: string, itemId: string): CommandOf<'session.remove_item'> => envelope('session.remove_item', { sessionId, itemId }),
    moveItem: (sessionId: string, itemId: string, toIndex: number): CommandOf<'session.move_item'> => envelope('session.move_item', { sessionId, itemId, toIndex }),
    start: (sessionId: string): CommandOf<'session.start'> => envelope('session.start', { sessionId }),
    takeUp: (sessionId: string, itemId: string): CommandOf<'session.take_up_item'> => envelope('session.take_up_item', { sessionId, itemId }),
    defer: (sessionId: string, itemId: string, toSessionId: string | null, newItemId: string = nextId()): CommandOf<'session.defer_item'> =>
      envelope('session.defer_item', { sessionId, itemId, toSessionId, newItemId }),
    end: (sessionId: string): CommandOf<'session.end'> => envelope('session.end', { sessionId }),
    addAction: (sessionId: string, itemId: string, boardId: string, ownerIds: string[], over: { title?: string; dueDate?: string | null; cardId?: string } = {}): CommandOf<'session.add_action'> =>
      envelope('session.add_action', {
        sessionId,
        itemId,
        cardId: over.cardId ?? nextId(),
        boardId,
        position: 'a0',
        title: over.title ?? 'Leistungsbeschreibung entwerfen',
        area: 'basisdienste',
        ownerIds,
        dueDate: over.dueDate ?? null,
      }),
    /** M61: the item's prepared vote (no settings) or a quick one. */
    openVote: (sessionId: string, itemId: string, settings?: VoteSettings, voteId: string = nextId()): CommandOf<'session.open_vote'> =>
      envelope('session.open_vote', { sessionId, itemId, voteId, ...(settings ? { settings } : {}) }),
    takeOver: (sessionId: string): CommandOf<'session.take_over'> => envelope('session.take_over', { sessionId }),
    handBack: (sessionId: string): CommandOf<'session.hand_back'> => envelope('session.hand_back', { sessionId }),
    checkIn: (sessionId: string, personId: string, mode: AttendanceMode = 'room', onBehalfOf: string | null = null): CommandOf<'session.check_in'> =>
      envelope('session.check_in', { sessionId, personId, mode, onBehalfOf }),
    checkInGuest: (sessionId: string, name: string, mode: AttendanceMode = 'room', guestId: string = nextId()): CommandOf<'session.check_in_guest'> =>
      envelope('session.check_in_guest', { sessionId, guestId, name, mode }),
    checkOut: (sessionId: string, attendeeId: string): CommandOf<'session.check_out'> => envelope('session.check_out', { sessionId, attendeeId }),
    setQuorumRule: (rule: QuorumRule): CommandOf<'session.set_quorum_rule'> => envelope('session.set_quorum_rule', { rule }),
  };
}
