import { docIdOf } from '@verbund/shared/docs';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type Command, type CommandType } from '@verbund/shared/commands';
import { SYSTEM_ACTOR_ID } from '@verbund/shared/events';
import type { Role } from '@verbund/shared/model';
import { emptyState, isRepresentative, type WorkspaceState } from '@verbund/shared/projection';
import { commandsFor, testId } from '../test-support/builders.js';
import { checklistCommandsFor } from '../test-support/checklist-commands.js';
import { annotationCommandsFor } from '../test-support/annotation-commands.js';
import { positionCommandsFor } from '../test-support/position-commands.js';
import { sessionCommandsFor } from '../test-support/session-commands.js';
import { speakerCommandsFor } from '../test-support/speaker-commands.js';
import { position, proposalSettings, voteCommandsFor } from '../test-support/vote-commands.js';
import { actorFrom, type Actor } from './actor.js';
import { abilitiesOf, authorize, COMMAND_POLICY } from './policy.js';
import { mayQuery, QUERY_POLICY, type Query } from './roles.js';

/**
 * The pure permission matrix (rule S12): every kind of person against every command and query of
 * the one policy module. Expectations are written out by hand, not derived from the policy.
 */
const WS = testId(10);
const BOARD = testId(11);
const A = testId(12);
const B = testId(13);
const TODAY = '2026-03-10';
const cmd = commandsFor(WS, BOARD);
const votes = voteCommandsFor(WS);
const checklist = checklistCommandsFor(WS);

const PEOPLE = {
  member: { id: testId(20), partner: A, roles: ['member'] },
  dezernent: { id: testId(21), partner: A, roles: ['member', 'dezernent'] },
  otherDezernent: { id: testId(22), partner: B, roles: ['member', 'dezernent'] },
  moderator: { id: testId(23), partner: B, roles: ['member', 'moderator'] },
  admin: { id: testId(24), partner: A, roles: ['member', 'admin'] },
  deputyIn: { id: testId(25), partner: A, roles: ['member'] },
  deputyOut: { id: testId(26), partner: B, roles: ['member'] },
  deactivated: { id: testId(27), partner: A, roles: ['member', 'admin'] },
} satisfies Record<string, { id: string; partner: string; roles: Role[] }>;
const OUTSIDER = testId(28);
const NO_ROLE = testId(29);
const DEPUTYSHIP_A = testId(40);

function state(): WorkspaceState {
  const members = Object.fromEntries(
    Object.entries(PEOPLE).map(([kind, p]) => [
      p.id,
      { personId: p.id, partnerId: p.partner, roles: p.roles, active: kind !== 'deactivated', erased: false, joinedAt: `${TODAY}T08:00:00.000Z` },
    ]),
  );
  const deputyship = (id: string, deputyId: string, partnerId: string, from: string, to: string) => ({
    id, partnerId, dezernentId: partnerId === A ? PEOPLE.dezernent.id : PEOPLE.otherDezernent.id, deputyId, from, to, revoked: false,
  });
  return {
    ...emptyState(WS),
    name: 'Test',
    seq: 20,
    partners: { [A]: { id: A, name: 'Stadt A', shortName: 'A', active: true }, [B]: { id: B, name: 'Stadt B', shortName: 'B', active: true } },
    boards: { [BOARD]: { id: BOARD, name: 'Initiativen' } },
    members,
    deputyships: {
      [DEPUTYSHIP_A]: deputyship(DEPUTYSHIP_A, PEOPLE.deputyIn.id, A, '2026-03-01', '2026-03-31'),
      [testId(41)]: deputyship(testId(41), PEOPLE.deputyOut.id, B, '2026-04-01', '2026-04-30'),
    },
  };
}

type Kind = keyof typeof PEOPLE | 'outsider' | 'noRole';
const KINDS: Kind[] = [...(Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]), 'outsider', 'noRole'];

/** The actor the engine decides with: non-members (and deactivated people) act without roles. */
function actorOf(kind: Kind, s: WorkspaceState): Actor {
  const personId = kind === 'outsider' ? OUTSIDER : kind === 'noRole' ? NO_ROLE : PEOPLE[kind].id;
  return actorFrom(s, personId) ?? { personId, partnerId: '', roles: [] };
}

const MEMBERS: Kind[] = ['member', 'dezernent', 'otherDezernent', 'moderator', 'admin', 'deputyIn', 'deputyOut'];
const ADMIN: Kind[] = ['admin'];
const WITHOUT_ROLES: Kind[] = ['deactivated', 'outsider', 'noRole'];

type Row = { build: () => Command; allowed: Kind[] };
const L = testId(30);
const positions = positionCommandsFor(WS, A);
const annotations = annotationCommandsFor(WS);
const sessions = sessionCommandsFor(WS);
const queue = speakerCommandsFor(WS);
/** Partial on purpose: a command type without a row fails the coverage test by name. */
const COMMAND_MATRIX: Partial<Record<CommandType, Row>> = {
  'card.create': { build: () => cmd.createCard(), allowed: MEMBERS },
  'card.update': { build: () => cmd.updateCard(L, { title: 'x' }), allowed: MEMBERS },
  'card.move': { build: () => cmd.moveCard(L, { position: 'b' }), allowed: MEMBERS },
  'card.archive': { build: () => cmd.archiveCard(L), allowed: MEMBERS },
  'card.restore': { build: () => cmd.restoreCard(L), allowed: MEMBERS },
  'card.describe': { build: () => cmd.describeCard(L, 'Text'), allowed: [] },
  'comment.add': { build: () => cmd.addComment(L, 'Hallo'), allowed: MEMBERS },
  'checklist.add_item': { build: () => checklist.add(L, 'Punkt'), allowed: MEMBERS },
  'checklist.rename_item': { build: () => checklist.rename(L, testId(70), 'Punkt'), allowed: MEMBERS },
  'checklist.tick_item': { build: () => checklist.tick(L, testId(70)), allowed: MEMBERS },
  'checklist.move_item': { build: () => checklist.move(L, testId(70), 'a1'), allowed: MEMBERS },
  'checklist.remove_item': { build: () => checklist.remove(L, testId(70)), allowed: MEMBERS },
  // Positions are co-written by every partner's people (P2); the sign-off by partner comes with its round.
  'position.create': { build: () => positions.create(), allowed: MEMBERS },
  'position.update': { build: () => positions.update(testId(80), { title: 'Neu' }), allowed: MEMBERS },
  'position.link_card': { build: () => positions.link(testId(80), L), allowed: MEMBERS },
  'position.unlink_card': { build: () => positions.unlink(testId(80), L), allowed: MEMBERS },
  'position.record_version': { build: () => positions.recordVersion(testId(80)), allowed: [] },
  'position.start_signoff': { build: () => positions.startSignoff(testId(80), testId(81)), allowed: [] },
  // The document's own access decides each annotation (read to comment, write to propose and decide).
  'annotation.comment': { build: () => annotations.comment(docIdOf('position', testId(80))), allowed: MEMBERS },
  'annotation.propose': { build: () => annotations.propose(docIdOf('position', testId(80))), allowed: MEMBERS },
  'annotation.reply': { build: () => annotations.reply(testId(83)), allowed: MEMBERS },
  'annotation.resolve': { build: () => annotations.resolve(testId(83)), allowed: MEMBERS },
  'annotation.decide': { build: () => annotations.decide(testId(83)), allowed: MEMBERS },
  // Which partner a person answers for, and who withdraws, the round's rules decide (P12, P14).
  'position.answer_signoff': { build: () => positions.answer(testId(80), testId(82), A, 'a'.repeat(64)), allowed: MEMBERS },
  'position.withdraw_signoff': { build: () => positions.withdraw(testId(80), testId(82)), allowed: MEMBERS },
  // After sending, the decider holds the position's lead partner against the person (P38).
  'position.record_dispatch': { build: () => positions.dispatch(testId(80)), allowed: MEMBERS },
  'position.acknowledge_dispatch': { build: () => positions.acknowledge(testId(80), testId(83)), allowed: MEMBERS },
  'position.set_follow_up': { build: () => positions.followUp(testId(80), testId(83), '2027-02-01'), allowed: MEMBERS },
  'position.record_answer': { build: () => positions.answerReceived(testId(80), testId(83)), allowed: MEMBERS },
  'position.set_outcome': { build: () => positions.outcome(testId(80), testId(83), 'accepted'), allowed: MEMBERS },
  'position.create_follow_up': { build: () => positions.followUpInitiative(testId(80), testId(83), testId(84)), allowed: MEMBERS },
  // Moderators plan sessions; who runs one is the session's own rule (M1), checked by the decider.
  'session.create': { build: () => sessions.create(), allowed: ['moderator'] },
  'session.update': { build: () => sessions.update(testId(90), { title: 'Neu' }), allowed: MEMBERS },
  'session.add_item': { build: () => sessions.addItem(testId(90)), allowed: MEMBERS },
  'session.update_item': { build: () => sessions.updateItem(testId(90), testId(91), { plannedMinutes: 5 }), allowed: MEMBERS },
  'session.remove_item': { build: () => sessions.removeItem(testId(90), testId(91)), allowed: MEMBERS },
  'session.move_item': { build: () => sessions.moveItem(testId(90), testId(91), 0), allowed: MEMBERS },
  'session.start': { build: () => sessions.start(testId(90)), allowed: MEMBERS },
  'session.take_up_item': { build: () => sessions.takeUp(testId(90), testId(91)), allowed: MEMBERS },
  'session.defer_item': { build: () => sessions.defer(testId(90), testId(91), null), allowed: MEMBERS },
  'session.end': { build: () => sessions.end(testId(90)), allowed: MEMBERS },
  'session.add_action': { build: () => sessions.addAction(testId(90), testId(91), BOARD, [PEOPLE.member.id]), allowed: MEMBERS },
  // M61: any member may send it; the decider wants a runner of the running session (M1).
  'session.open_vote': { build: () => sessions.openVote(testId(90), testId(91)), allowed: MEMBERS },
  'session.take_over': { build: () => sessions.takeOver(testId(90)), allowed: MEMBERS },
  'session.hand_back': { build: () => sessions.handBack(testId(90)), allowed: MEMBERS },
  // M20: members raise and lower their own hands; the runners' commands are checked by the deciders (M1).
  'session.raise_hand': { build: () => queue.raise(testId(90)), allowed: MEMBERS },
  'session.lower_hand': { build: () => queue.lower(testId(90)), allowed: MEMBERS },
  'session.remove_hand': { build: () => queue.remove(testId(90), testId(92)), allowed: MEMBERS },
  'session.mark_point_of_order': { build: () => queue.markPointOfOrder(testId(90), testId(92)), allowed: MEMBERS },
  'session.call_next_speaker': { build: () => queue.callNext(testId(90)), allowed: MEMBERS },
  'session.end_contribution': { build: () => queue.endContribution(testId(90)), allowed: MEMBERS },
  'session.set_speaking_rules': { build: () => queue.rules(testId(90), { limitSeconds: 60, partnerBalance: false }), allowed: MEMBERS },
  'session.start_timer': { build: () => queue.startTimer(testId(90), { kind: 'item', itemId: testId(91) }, 300), allowed: MEMBERS },
  'session.pause_timer': { build: () => queue.pauseTimer(testId(90)), allowed: MEMBERS },
  'session.resume_timer': { build: () => queue.resumeTimer(testId(90)), allowed: MEMBERS },
  'session.extend_timer': { build: () => queue.extendTimer(testId(90), 60), allowed: MEMBERS },
  'session.reset_timer': { build: () => queue.resetTimer(testId(90)), allowed: MEMBERS },
  // Attendance: anyone checks themselves in; for others the decider wants a runner (M10, M13, M14); M16 the rule.
  'session.check_in': { build: () => sessions.checkIn(testId(90), PEOPLE.member.id), allowed: MEMBERS },
  'session.check_in_guest': { build: () => sessions.checkInGuest(testId(90), 'Dr. Hanna Vogt'), allowed: MEMBERS },
  'session.check_out': { build: () => sessions.checkOut(testId(90), PEOPLE.member.id), allowed: MEMBERS },
  'session.set_quorum_rule': { build: () => sessions.setQuorumRule('all'), allowed: ['moderator', 'admin'] },
  'partner.add': { build: () => cmd.addPartner('Stadt C', 'C'), allowed: ADMIN },
  'partner.rename': { build: () => cmd.renamePartner(B, 'Stadt Bee', 'BB'), allowed: ADMIN },
  'partner.deactivate': { build: () => cmd.deactivatePartner(B), allowed: ADMIN },
  'partner.reactivate': { build: () => cmd.reactivatePartner(B), allowed: ADMIN },
  'member.set_roles': { build: () => cmd.setRoles(PEOPLE.member.id, ['member', 'moderator']), allowed: ADMIN },
  'member.set_partner': { build: () => cmd.setPartner(PEOPLE.member.id, B), allowed: ADMIN },
  'member.deactivate': { build: () => cmd.deactivateMember(PEOPLE.member.id), allowed: ADMIN },
  'member.reactivate': { build: () => cmd.reactivateMember(PEOPLE.deactivated.id), allowed: ADMIN },
  'member.erase': { build: () => cmd.eraseMember(PEOPLE.member.id), allowed: ADMIN },
  // Only someone who is not (or no longer) a member may join; the decider then wants a usable invitation.
  'member.join': { build: () => cmd.join(testId(50)), allowed: WITHOUT_ROLES },
  'invitation.create': { build: () => cmd.createInvitation(A, ['member'], '2026-03-12T00:00:00.000Z'), allowed: ADMIN },
  'invitation.revoke': { build: () => cmd.revokeInvitation(testId(50)), allowed: ADMIN },
  // The policy wants the role; the decider wants the deputy from the dezernent's own partner.
  'deputy.appoint': { build: () => cmd.appointDeputy(PEOPLE.member.id, TODAY, TODAY), allowed: ['dezernent', 'otherDezernent'] },
  // A deputyship of partner A: its own dezernent or an admin, not the dezernent of B.
  'deputy.revoke': { build: () => cmd.revokeDeputy(DEPUTYSHIP_A), allowed: ['admin', 'dezernent'] },
  // Any member may try; who opens a workspace-wide vote, casts a partner's ballot (deputies in range,
  // D11) or closes one (D25) is decided by the vote's deciders, tested in votes/decide-votes.test.ts.
  'vote.open': { build: () => votes.open(proposalSettings([L])), allowed: MEMBERS },
  'vote.cast': { build: () => votes.cast(testId(60), position('agree')), allowed: MEMBERS },
  'vote.close': { build: () => votes.close(testId(60)), allowed: MEMBERS },
  'vote.record_outcome': { build: () => votes.recordOutcome(testId(60), 'Beschlossen'), allowed: MEMBERS },
};

const QUERY_MATRIX: Record<Query, Kind[]> = {
  readWorkspace: MEMBERS,
  readHistory: MEMBERS,
  readPeople: MEMBERS,
  readAudit: ADMIN,
  manageInvitations: ADMIN,
};

const rows = Object.entries(COMMAND_MATRIX) as [CommandType, Row][];
const cells = rows.flatMap(([type, row]) => KINDS.map((kind) => [type, kind, row.allowed.includes(kind)] as const));

describe('policy: one rule per command (S12)', () => {
  it('COMMAND_POLICY has exactly one rule per command type: a command without a policy fails here', () => {
    expect(Object.keys(COMMAND_POLICY).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('the permission matrix has a row for every command type', () => {
    expect(COMMAND_TYPES.filter((type) => !COMMAND_MATRIX[type])).toEqual([]);
  });

  it(`S12 the matrix: ${cells.length} cells of ${KINDS.length} kinds of person × ${rows.length} commands`, () => {
    const s = state();
    const verdicts = cells.map(([type, kind]) => [type, kind, authorize(actorOf(kind, s), COMMAND_MATRIX[type]!.build(), s, TODAY)] as const);
    expect(verdicts).toEqual(cells);
  });

  it('S12 every query: members read the workspace, only admins read the audit and manage invitations', () => {
    expect(Object.keys(QUERY_POLICY).sort()).toEqual(Object.keys(QUERY_MATRIX).sort());
    const s = state();
    for (const [query, allowed] of Object.entries(QUERY_MATRIX) as [Query, Kind[]][]) {
      for (const kind of KINDS) expect([query, kind, mayQuery(actorOf(kind, s), query)]).toEqual([query, kind, allowed.includes(kind)]);
    }
  });

  it('the system actor may close due votes (D35), erase memberships of an erased account (A12) mirror a description document (Y17) and record a version or start a round on a text the server read (P8, P10), nothing else', () => {
    const s = state();
    const system: Actor = { personId: SYSTEM_ACTOR_ID, partnerId: '', roles: ['admin'] };
    const allowed = rows.filter(([, row]) => authorize(system, row.build(), s, TODAY)).map(([type]) => type);
    expect(allowed.sort()).toEqual(['card.describe', 'member.erase', 'position.record_version', 'position.start_signoff', 'vote.close']);
  });

  it('a deactivated person, an outsider and a person without roles are no actor at all', () => {
    const s = state();
    expect(actorFrom(s, PEOPLE.deactivated.id)).toBeNull();
    expect(actorFrom(s, OUTSIDER)).toBeNull();
    expect(actorFrom(s, PEOPLE.member.id)).toEqual({ personId: PEOPLE.member.id, partnerId: A, roles: ['member'] });
  });

  it('members of a deactivated partner lose every right at once', () => {
    const s = state();
    s.partners[B] = { ...s.partners[B]!, active: false };
    expect(actorFrom(s, PEOPLE.moderator.id)).toBeNull();
    expect(authorize(actorOf('moderator', s), cmd.createCard(), s, TODAY)).toBe(false);
  });

  it('an erased person is no actor', () => {
    const s = state();
    s.members[PEOPLE.member.id] = { ...s.members[PEOPLE.member.id]!, active: false, erased: true };
    expect(actorFrom(s, PEOPLE.member.id)).toBeNull();
  });
});

describe('policy: abilities handed to the client', () => {
  it.each([
    ['member', ['board.edit', 'vote.start']],
    ['dezernent', ['board.edit', 'vote.start', 'deputy.appoint']],
    ['moderator', ['board.edit', 'vote.start', 'vote.start_workspace']],
    ['admin', ['board.edit', 'vote.start', 'workspace.admin', 'audit.read', 'vote.start_workspace']],
    ['deputyIn', ['board.edit', 'vote.start']],
    ['noRole', []],
  ] as const)('%s may %j', (kind, abilities) => {
    expect(abilitiesOf(actorOf(kind, state())).sort()).toEqual([...abilities].sort());
  });
});

describe('deputies: who signs for a partner (isRepresentative)', () => {
  it('the dezernent signs for their own partner, not for another', () => {
    expect(isRepresentative(state(), PEOPLE.dezernent.id, A, TODAY)).toBe(true);
    expect(isRepresentative(state(), PEOPLE.dezernent.id, B, TODAY)).toBe(false);
  });

  it('a deputy signs on the first and last day of the range and not a day outside it', () => {
    const s = state();
    expect(['2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01'].map((day) => isRepresentative(s, PEOPLE.deputyIn.id, A, day))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(isRepresentative(s, PEOPLE.deputyOut.id, B, TODAY)).toBe(false);
    expect(isRepresentative(s, PEOPLE.deputyOut.id, B, '2026-04-15')).toBe(true);
  });

  it('a revoked deputyship, a deactivated deputy or a deputy moved to another partner signs nothing', () => {
    const revoked = state();
    revoked.deputyships[DEPUTYSHIP_A] = { ...revoked.deputyships[DEPUTYSHIP_A]!, revoked: true };
    expect(isRepresentative(revoked, PEOPLE.deputyIn.id, A, TODAY)).toBe(false);
    const inactive = state();
    inactive.members[PEOPLE.deputyIn.id] = { ...inactive.members[PEOPLE.deputyIn.id]!, active: false };
    expect(isRepresentative(inactive, PEOPLE.deputyIn.id, A, TODAY)).toBe(false);
    const moved = state();
    moved.members[PEOPLE.deputyIn.id] = { ...moved.members[PEOPLE.deputyIn.id]!, partnerId: B };
    expect(isRepresentative(moved, PEOPLE.deputyIn.id, A, TODAY)).toBe(false);
  });
});
