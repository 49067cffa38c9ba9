import { describe, expect, it } from 'vitest';
import type { Command } from '@verbund/shared/commands';
import { COMMAND_TYPES } from '@verbund/shared/commands';
import { SYSTEM_ACTOR_ID } from '@verbund/shared/events';
import type { Role } from '@verbund/shared/model';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { cardFixture, commandsFor, contextAt, testId } from '../test-support/builders.js';
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
const ADMIN = testId(22);
const DEZERNENT = testId(23);
const INVITEE = testId(24);
const INACTIVE_PERSON = testId(25);
const INACTIVE_PARTNER = testId(14);
const INVITATION = testId(40);
const DEPUTYSHIP = testId(41);
const NOW = '2026-02-02T10:00:00.000Z';
const LATER = '2026-02-09T10:00:00.000Z';

const cmd = commandsFor(WS, BOARD);
const actor: Actor = { personId: PERSON, partnerId: PARTNER, roles: ['member'] };
const admin: Actor = { personId: ADMIN, partnerId: PARTNER, roles: ['member', 'admin'] };
const dezernent: Actor = { personId: DEZERNENT, partnerId: PARTNER, roles: ['member', 'dezernent'] };
const invitee: Actor = { personId: INVITEE, partnerId: '', roles: [] };
const server: Actor = { personId: SYSTEM_ACTOR_ID, partnerId: '', roles: [] };
const ctx: DecideContext = contextAt(NOW);
const memberOf = (personId: string, roles: Role[] = ['member'], active = true) => ({ personId, partnerId: PARTNER, roles, active, erased: false, joinedAt: NOW });

function state(): WorkspaceState {
  return {
    ...emptyState(WS),
    name: 'Test',
    seq: 7,
    partners: {
      [PARTNER]: { id: PARTNER, name: 'Stadt A', shortName: 'A', active: true },
      [OTHER_PARTNER]: { id: OTHER_PARTNER, name: 'Stadt B', shortName: 'B', active: true },
      [INACTIVE_PARTNER]: { id: INACTIVE_PARTNER, name: 'Stadt C', shortName: 'C', active: false },
    },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    cards: {
      [LIVE]: cardFixture({ id: LIVE, boardId: BOARD, title: 'Lebendig' }),
      [ARCHIVED]: cardFixture({ id: ARCHIVED, boardId: BOARD, archived: true }),
    },
    comments: {},
    members: {
      [PERSON]: memberOf(PERSON),
      [COLLEAGUE]: memberOf(COLLEAGUE),
      [ADMIN]: memberOf(ADMIN, ['member', 'admin']),
      [DEZERNENT]: memberOf(DEZERNENT, ['member', 'dezernent']),
      [INACTIVE_PERSON]: memberOf(INACTIVE_PERSON, ['member'], false),
    },
    invitations: {
      [INVITATION]: { id: INVITATION, tokenHash: 'ab'.repeat(32), partnerId: PARTNER, roles: ['member'], expiresAt: LATER, createdBy: ADMIN, usedBy: null, revoked: false },
    },
    deputyships: {
      [DEPUTYSHIP]: { id: DEPUTYSHIP, partnerId: PARTNER, dezernentId: DEZERNENT, deputyId: COLLEAGUE, from: '2026-02-01', to: '2026-02-10', revoked: false },
    },
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

type Sample = { build: () => Command; by: Actor };

/**
 * One valid command per type and someone the policy lets send it. Partial on purpose: a new command
 * type makes the coverage test below fail by name instead of breaking compilation.
 */
const oneOfEach: Partial<Record<Command['type'], Sample>> = {
  'card.create': { build: () => cmd.createCard(), by: actor },
  'card.update': { build: () => cmd.updateCard(LIVE, { title: 'Neu' }), by: actor },
  'card.move': { build: () => cmd.moveCard(LIVE, { position: 'a5' }), by: actor },
  'card.archive': { build: () => cmd.archiveCard(LIVE), by: actor },
  'card.restore': { build: () => cmd.restoreCard(ARCHIVED), by: actor },
  'card.describe': { build: () => cmd.describeCard(LIVE, 'Neue Beschreibung', [actor.personId]), by: server },
  'comment.add': { build: () => cmd.addComment(LIVE, 'Gute Idee'), by: actor },
  'partner.add': { build: () => cmd.addPartner('Landkreis D', 'D'), by: admin },
  'partner.rename': { build: () => cmd.renamePartner(OTHER_PARTNER, 'Stadt Bee', 'BB'), by: admin },
  'partner.deactivate': { build: () => cmd.deactivatePartner(OTHER_PARTNER), by: admin },
  'partner.reactivate': { build: () => cmd.reactivatePartner(INACTIVE_PARTNER), by: admin },
  'member.set_roles': { build: () => cmd.setRoles(COLLEAGUE, ['member', 'moderator']), by: admin },
  'member.set_partner': { build: () => cmd.setPartner(COLLEAGUE, OTHER_PARTNER), by: admin },
  'member.deactivate': { build: () => cmd.deactivateMember(COLLEAGUE), by: admin },
  'member.reactivate': { build: () => cmd.reactivateMember(INACTIVE_PERSON), by: admin },
  'member.erase': { build: () => cmd.eraseMember(COLLEAGUE), by: admin },
  'member.join': { build: () => cmd.join(INVITATION), by: invitee },
  'invitation.create': { build: () => cmd.createInvitation(PARTNER, ['member'], LATER), by: admin },
  'invitation.revoke': { build: () => cmd.revokeInvitation(INVITATION), by: admin },
  'deputy.appoint': { build: () => cmd.appointDeputy(COLLEAGUE, '2026-02-02', '2026-02-05'), by: dezernent },
  'deputy.revoke': { build: () => cmd.revokeDeputy(DEPUTYSHIP), by: dezernent },
};

/**
 * Vote commands need a vote in the state; votes/decide-votes.test.ts runs them through `decide` (D2–D35).
 * Checklist commands need items: checklists/checklists-feature.test.ts (C1–C5).
 * Position commands need partners and positions: positions/positions-feature.test.ts (P1–P5),
 * signoff.test.ts (P10–P14) and dispatch.test.ts (P30–P39).
 * Session commands need a moderator and sessions: sessions/sessions-feature.test.ts (M1–M6, M55),
 * attendance.test.ts (M10–M17), speakers.test.ts (M20–M28), timer.test.ts (M30–M33) and hand-over.test.ts (M40–M44).
 */
const DECIDED_IN_FEATURE_TESTS: ReadonlySet<string> = new Set([
  'vote.open',
  'vote.cast',
  'vote.close',
  'vote.record_outcome',
  'checklist.add_item',
  'checklist.rename_item',
  'checklist.tick_item',
  'checklist.move_item',
  'checklist.remove_item',
  'position.create',
  'position.update',
  'position.link_card',
  'position.unlink_card',
  'position.record_version',
  'annotation.comment',
  'annotation.propose',
  'annotation.reply',
  'annotation.resolve',
  'annotation.decide',
  'position.start_signoff',
  'position.answer_signoff',
  'position.withdraw_signoff',
  'position.record_dispatch',
  'position.acknowledge_dispatch',
  'position.set_follow_up',
  'position.record_answer',
  'position.set_outcome',
  'position.create_follow_up',
  'session.create',
  'session.update',
  'session.add_item',
  'session.update_item',
  'session.remove_item',
  'session.move_item',
  'session.start',
  'session.take_up_item',
  'session.defer_item',
  'session.end',
  'session.add_action',
  'session.open_vote',
  'session.take_over',
  'session.hand_back',
  'session.raise_hand',
  'session.lower_hand',
  'session.remove_hand',
  'session.mark_point_of_order',
  'session.call_next_speaker',
  'session.end_contribution',
  'session.set_speaking_rules',
  'session.start_timer',
  'session.pause_timer',
  'session.resume_timer',
  'session.extend_timer',
  'session.reset_timer',
  'session.check_in',
  'session.check_in_guest',
  'session.check_out',
  'session.set_quorum_rule',
]);

describe('decide: every command type', () => {
  it('the table of sample commands covers every command type', () => {
    expect(COMMAND_TYPES.filter((type) => !oneOfEach[type] && !DECIDED_IN_FEATURE_TESTS.has(type))).toEqual([]);
  });

  const sampled = Object.keys(oneOfEach) as Command['type'][];
  const sample = (type: Command['type']): Sample => {
    const found = oneOfEach[type];
    if (!found) throw new Error(`no sample command for ${type}`);
    return found;
  };

  it.each(sampled)('%s is accepted for someone the policy lets send it', (type) => {
    const { build, by } = sample(type);
    expect(errorCode(run(build(), by))).toBe('accepted');
  });

  it.each(sampled)('S2 %s naming a foreign workspace is not_found', (type) => {
    const { build, by } = sample(type);
    expect(errorCode(run({ ...build(), workspaceId: testId(77) }, by))).toBe('not_found');
  });

  it.each(sampled.filter((type) => type !== 'member.join'))('S12 %s by an actor without roles is forbidden', (type) => {
    expect(errorCode(run(sample(type).build(), { ...actor, roles: [] }))).toBe('forbidden');
  });

  it.each(sampled.filter((type) => sample(type).by !== actor))('S12 %s by a plain member is forbidden', (type) => {
    expect(errorCode(run(sample(type).build(), actor))).toBe('forbidden');
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
    const command = cmd.updateCard(LIVE, { title: 'Neuer Titel', tags: ['OZG'] });
    expect(run(command)).toEqual({ ok: true, events: [{ type: 'card.updated', data: { cardId: LIVE, changes: { title: 'Neuer Titel', tags: ['OZG'] } } }] });
  });

  it('Y17 card.describe mirrors a description that changed, for a live card only', () => {
    const command = cmd.describeCard(LIVE, 'Aus dem Dokument', [actor.personId]);
    expect(run(command, server)).toEqual({ ok: true, events: [{ type: 'card.described', data: command.payload }] });
    const unchanged = cmd.describeCard(LIVE, state().cards[LIVE]?.description ?? '');
    expect(errorCode(run(unchanged, server))).toBe('conflict');
    expect(errorCode(run(cmd.describeCard(ARCHIVED, 'Neu'), server))).toBe('conflict');
    expect(errorCode(run(cmd.describeCard(MISSING, 'Neu'), server))).toBe('not_found');
    expect(errorCode(run(command, actor))).toBe('forbidden');
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
