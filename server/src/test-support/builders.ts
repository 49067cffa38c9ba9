import type { DecideContext } from '../domain/decision.js';
import type { Command, CommandOf } from '@verbund/shared/commands';
import { newCard, type Card, type CardFields, type Role } from '@verbund/shared/model';

/**
 * Test-only builders for commands and cards. Pure (no clock, no randomness, no I/O) so the domain
 * unit tests can use them too: ids come from a counter, so every run builds the same commands.
 */
let counter = 0;

/** A valid UUID (version 4 layout) made from a number. */
export function testId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The next unused test id of this module instance. */
export function nextId(): string {
  counter += 1;
  return testId(0x100000 + counter);
}

type Base = { id?: string; workspaceId?: string };

export type CommandBuilder = ReturnType<typeof commandsFor>;

/** Builders of every command type, bound to one workspace and board. */
export function commandsFor(workspaceId: string, boardId: string) {
  const envelope = <T extends Command['type']>(type: T, payload: CommandOf<T>['payload'], base: Base = {}) =>
    ({ id: base.id ?? nextId(), workspaceId: base.workspaceId ?? workspaceId, type, payload }) as CommandOf<T>;

  return {
    createCard: (
      fields: Partial<CardFields> = {},
      options: Base & { cardId?: string; position?: string; boardId?: string } = {},
    ): CommandOf<'card.create'> =>
      envelope(
        'card.create',
        {
          cardId: options.cardId ?? nextId(),
          boardId: options.boardId ?? boardId,
          position: options.position ?? 'a0',
          fields: { title: 'Neue Initiative', area: 'basisdienste', status: 'idea', ...fields },
        },
        options,
      ),
    /** The server's own mirror of a description document (Y17); from anyone else it is refused. */
    describeCard: (cardId: string, description: string, writers: string[] = [], base?: Base): CommandOf<'card.describe'> =>
      envelope('card.describe', { cardId, description, writers }, base),
    updateCard: (cardId: string, changes: CommandOf<'card.update'>['payload']['changes'], base?: Base): CommandOf<'card.update'> =>
      envelope('card.update', { cardId, changes }, base),
    moveCard: (
      cardId: string,
      placement: { position: string; area?: CardFields['area']; status?: CardFields['status'] },
      base?: Base,
    ): CommandOf<'card.move'> => envelope('card.move', { cardId, ...placement }, base),
    archiveCard: (cardId: string, base?: Base): CommandOf<'card.archive'> => envelope('card.archive', { cardId }, base),
    restoreCard: (cardId: string, base?: Base): CommandOf<'card.restore'> => envelope('card.restore', { cardId }, base),
    addComment: (cardId: string, body: string, options: Base & { commentId?: string } = {}): CommandOf<'comment.add'> =>
      envelope('comment.add', { commentId: options.commentId ?? nextId(), cardId, body }, options),
    ...adminCommands(envelope),
  };
}

type Envelope = <T extends Command['type']>(type: T, payload: CommandOf<T>['payload'], base?: Base) => CommandOf<T>;

/** Builders of the administration commands (partners, people, invitations, deputies). */
function adminCommands(envelope: Envelope) {
  return {
    addPartner: (name: string, shortName: string, options: Base & { partnerId?: string } = {}) =>
      envelope('partner.add', { partnerId: options.partnerId ?? nextId(), name, shortName }, options),
    renamePartner: (partnerId: string, name: string, shortName: string, base?: Base) =>
      envelope('partner.rename', { partnerId, name, shortName }, base),
    deactivatePartner: (partnerId: string, base?: Base) => envelope('partner.deactivate', { partnerId }, base),
    reactivatePartner: (partnerId: string, base?: Base) => envelope('partner.reactivate', { partnerId }, base),
    setRoles: (personId: string, roles: Role[], base?: Base) => envelope('member.set_roles', { personId, roles }, base),
    setPartner: (personId: string, partnerId: string, base?: Base) => envelope('member.set_partner', { personId, partnerId }, base),
    deactivateMember: (personId: string, base?: Base) => envelope('member.deactivate', { personId }, base),
    reactivateMember: (personId: string, base?: Base) => envelope('member.reactivate', { personId }, base),
    eraseMember: (personId: string, base?: Base) => envelope('member.erase', { personId }, base),
    join: (invitationId: string, base?: Base) => envelope('member.join', { invitationId }, base),
    /** `tokenHash` defaults to a fixed hash: enough for the log, useless as a link. */
    createInvitation: (
      partnerId: string,
      roles: Role[],
      expiresAt: string,
      options: Base & { invitationId?: string; tokenHash?: string } = {},
    ) =>
      envelope(
        'invitation.create',
        { invitationId: options.invitationId ?? nextId(), tokenHash: options.tokenHash ?? 'ab'.repeat(32), partnerId, roles, expiresAt },
        options,
      ),
    revokeInvitation: (invitationId: string, base?: Base) => envelope('invitation.revoke', { invitationId }, base),
    appointDeputy: (deputyId: string, from: string, to: string, options: Base & { deputyshipId?: string } = {}) =>
      envelope('deputy.appoint', { deputyshipId: options.deputyshipId ?? nextId(), deputyId, from, to }, options),
    revokeDeputy: (deputyshipId: string, base?: Base) => envelope('deputy.revoke', { deputyshipId }, base),
  };
}

/** A complete card with every field set, for hand-built states. */
export function cardFixture(overrides: Partial<Card> & { id: string; boardId: string }): Card {
  const fields = { title: 'Karte', area: 'basisdienste', status: 'idea' } as const;
  return { ...newCard({ cardId: overrides.id, boardId: overrides.boardId, position: 'a0', fields }, testId(1), '2026-01-01T00:00:00.000Z'), ...overrides };
}

/** A decision context at a fixed instant (no clock is read: the arithmetic starts from `now`); seals count up; `online` are connected. */
export function contextAt(now: string, online: ReadonlySet<string> = new Set()): DecideContext {
  let seals = 0;
  return {
    now,
    today: now.slice(0, 10),
    inDays: (days) => new Date(Date.parse(now) + days * 86_400_000).toISOString(),
    seal: () => (seals += 1).toString(16).padStart(32, '0'),
    connected: (personId) => online.has(personId),
  };
}
