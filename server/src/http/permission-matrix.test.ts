import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docIdOf } from '@verbund/shared/docs';
import { PROTOCOL_VERSION } from '@verbund/shared/protocol';
import { COMMAND_TYPES, type Command, type CommandType } from '@verbund/shared/commands';
import type { StoredEvent } from '@verbund/shared/events';
import type { Me } from '@verbund/shared/http';
import type { VoteSettings } from '@verbund/shared/votes';
import { DEMO_BOARD_ID, DEMO_PARTNERS, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { accept, adminPath, berlinDay, createLoneAccount, invite, mustCommand, postCommand, workspacePath } from '../test-support/admin.js';
import { annotationCommandsFor } from '../test-support/annotation-commands.js';
import { nextId } from '../test-support/builders.js';
import { checklistCommandsFor } from '../test-support/checklist-commands.js';
import { positionCommandsFor } from '../test-support/position-commands.js';
import { sessionCommandsFor } from '../test-support/session-commands.js';
import { speakerCommandsFor } from '../test-support/speaker-commands.js';
import { demo, OTHER_WORKSPACE_ID, OUTSIDER, openSocket, person, readState, request, seedOtherWorkspace } from '../test-support/live.js';
import { startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';
import { position, proposalSettings, voteCommandsFor } from '../test-support/vote-commands.js';

/**
 * The transport permission matrix (rules S2, S12): every kind of person sends every command over
 * HTTP and over a socket, and asks every query. Allowed cells must succeed (fresh fixtures per
 * cell), denied cells must be refused and leave no event. Non-members never reach the policy: HTTP
 * answers 404 (bindWorkspace), a socket is refused at the handshake or, bound to their own
 * workspace, gets `not_found` for a command naming this one.
 */
const MEMBER_KINDS = ['member', 'dezernent', 'moderator', 'admin', 'deputyIn', 'deputyOut'] as const;
const KINDS = [...MEMBER_KINDS, 'deactivated', 'outsider', 'noRole', 'anonymous'] as const;
type Kind = (typeof KINDS)[number];
const isMember = (kind: Kind) => (MEMBER_KINDS as readonly Kind[]).includes(kind);

const EMAILS: Record<Exclude<Kind, 'anonymous' | 'noRole' | 'outsider'>, string> = {
  member: person('anna').email,
  dezernent: person('thomas').email,
  moderator: person('claudia').email,
  admin: person('stefan').email,
  deputyIn: person('lena').email, // deputy of Braunschweig from today
  deputyOut: person('mehmet').email, // deputy of Gifhorn, range starts in 10 days
  deactivated: person('sabine').email, // deactivated here, still a member of the other workspace
};

let server: TestServer;
const cookies = new Map<Kind, string>();
const sockets = new Map<Kind, TestClient>();
let shortNames = 0;
const victims: string[] = [];
const deniedCommandIds: string[] = [];

const admin = (command: Command) => mustCommand(server, cookies.get('admin') ?? '', command);
const freshCard = async () => {
  const create = demo.createCard({ title: 'Matrix' });
  await admin(create);
  return create.payload.cardId;
};
const freshPartner = async () => {
  const add = demo.addPartner('Amt Matrix', `M${(shortNames += 1)}`);
  await admin(add);
  return add.payload.partnerId;
};
const freshInvitation = async () => {
  const create = demo.createInvitation(DEMO_PARTNERS.wob.id, ['member'], new Date(Date.now() + 86_400_000).toISOString());
  await admin(create);
  return create.payload.invitationId;
};
const votes = voteCommandsFor(DEMO_WORKSPACE_ID);
/** A vote the admin opened about a fresh card. */
const openedVote = async (over: Partial<VoteSettings> = {}) => {
  const open = votes.open(proposalSettings([await freshCard()], over));
  await admin(open);
  return open.payload.voteId;
};
const checklist = checklistCommandsFor(DEMO_WORKSPACE_ID);
/** A command about an item the admin just added to a fresh card. */
const onFreshItem = (build: (cardId: string, itemId: string) => Command) => async () => {
  const add = checklist.add(await freshCard(), 'Matrix');
  await admin(add);
  return build(add.payload.cardId, add.payload.itemId);
};
const positions = positionCommandsFor(DEMO_WORKSPACE_ID, DEMO_PARTNERS.wob.id);
const annotations = annotationCommandsFor(DEMO_WORKSPACE_ID);
/** A command about a comment (or a proposal) the admin just made on a fresh draft's text. */
const onFreshAnnotation = (build: (annotationId: string) => Command, kind: 'comment' | 'proposal' = 'comment') =>
  onFreshPosition(async (positionId) => {
    const docId = docIdOf('position', positionId);
    const made = kind === 'comment' ? annotations.comment(docId) : annotations.propose(docId);
    await admin(made);
    return build(made.payload.annotationId);
  });
/** A fresh position (lead: Wolfsburg) whose sign-off round the admin, a Wolfsburg member, started over HTTP (P10). */
const inRound = (build: (positionId: string, roundId: string, hash: string) => Command) => async () => {
  const create = positions.create();
  await admin(create);
  const roundId = nextId();
  const started = await request(server, 'POST', `/api/workspaces/${DEMO_WORKSPACE_ID}/positions/${create.payload.positionId}/signoff`, {
    cookie: cookies.get('admin'),
    body: { roundId, versionId: nextId(), name: 'Zur Zeichnung' },
  });
  if (started.status !== 201) throw new Error(`the round did not start: ${started.status}`);
  return build(create.payload.positionId, roundId, (started.body as { hash: string }).hash);
};
/**
 * Adopted positions (lead: Wolfsburg) the dispatch rows record on, made while Salzgitter's Dezernent
 * is still active: the admin starts the round and the four Dezernenten approve (P10–P13).
 */
const adopted = new Map<string, number>();
async function adoptPosition(dezernenten: readonly string[]): Promise<void> {
  const create = positions.create({ title: 'Versandfähig' });
  await admin(create);
  const positionId = create.payload.positionId;
  const roundId = nextId();
  const started = await request(server, 'POST', `/api/workspaces/${DEMO_WORKSPACE_ID}/positions/${positionId}/signoff`, {
    cookie: cookies.get('admin'),
    body: { roundId, versionId: nextId(), name: 'Zur Zeichnung' },
  });
  const hash = (started.body as { hash: string }).hash;
  const partners = [DEMO_PARTNERS.wob, DEMO_PARTNERS.bs, DEMO_PARTNERS.sz, DEMO_PARTNERS.gf];
  for (const [i, cookie] of dezernenten.entries()) await mustCommand(server, cookie, positions.answer(positionId, roundId, partners[i]?.id ?? '', hash));
  adopted.set(positionId, 0);
}
/** The adopted position with the fewest records: each holds at most 20 (P31). */
function sendable(): string {
  const [positionId = '', count = 0] = [...adopted].sort((a, b) => a[1] - b[1])[0] ?? [];
  adopted.set(positionId, count + 1);
  return positionId;
}
/** A command about a dispatch the admin just recorded, answered first when `answered`. */
const onDispatch = (build: (positionId: string, dispatchId: string) => Command, answered = false) => async () => {
  const dispatch = positions.dispatch(sendable());
  await admin(dispatch);
  const { positionId, dispatchId } = dispatch.payload;
  if (answered) await admin(positions.answerReceived(positionId, dispatchId));
  return build(positionId, dispatchId);
};
const DISPATCHERS = ['member', 'dezernent', 'moderator', 'admin'] as const;
/** A command about a position the admin just wrote about a fresh card. */
const onFreshPosition = (build: (positionId: string, cardId: string) => Command | Promise<Command>) => async () => {
  const create = positions.create({}, [await freshCard()]);
  await admin(create);
  return build(create.payload.positionId, create.payload.cardIds[0] ?? '');
};
const sessions = sessionCommandsFor(DEMO_WORKSPACE_ID);
const moderator = (command: Command) => mustCommand(server, cookies.get('moderator') ?? '', command);
/**
 * A command about a fresh session the moderator (Claudia) planned with one item, started first when
 * `running`: only she runs it (M1), so every other kind of person is refused, members too.
 */
const onFreshSession = (build: (sessionId: string, itemId: string) => Command, running = false) => async () => {
  const create = sessions.create();
  await moderator(create);
  const add = sessions.addItem(create.payload.sessionId);
  await moderator(add);
  await moderator(sessions.addItem(create.payload.sessionId, { title: 'Verschiedenes' }));
  if (running) await moderator(sessions.start(create.payload.sessionId));
  return build(create.payload.sessionId, add.payload.itemId);
};
const RUNNER = ['moderator'] as const;
const queue = speakerCommandsFor(DEMO_WORKSPACE_ID);
/** A fresh running session with its first item taken up; `before` is sent first by the kinds named (M20–M36). */
const onCurrentItem = (build: (sessionId: string) => Command, before: { kinds: readonly Kind[]; build: (sessionId: string) => Command }[] = []) => async () => {
  const takeUp = await onFreshSession((sessionId, itemId) => sessions.takeUp(sessionId, itemId), true)();
  if (takeUp.type !== 'session.take_up_item') throw new Error('expected the item to be taken up');
  await moderator(takeUp);
  const { sessionId } = takeUp.payload;
  for (const step of before) for (const kind of step.kinds) await mustCommand(server, cookies.get(kind) ?? '', step.build(sessionId));
  return build(sessionId);
};
const annaRaises = { kinds: ['member'] as const, build: (sessionId: string) => queue.raise(sessionId) };
const annaTimed = { kinds: RUNNER, build: (sessionId: string) => queue.startTimer(sessionId, { kind: 'speaker', personId: person('anna').id }, 60) };
const annaSpeaks = [annaRaises, { kinds: RUNNER, build: (sessionId: string) => queue.callNext(sessionId) }];
const activeState = async () => (await readState(server, cookies.get('admin') ?? '')).members;
const jonas = person('jonas').id;
let jonasCookie: string | null = null;
/**
 * M41, M43: a running session that Jonas moderates with Anna (the 'member' kind) as co-moderator.
 * Jonas has no socket, so he is not connected and Anna may take over; Claudia runs nothing here.
 */
const onSessionOfAbsentModerator = (takenOver: boolean, build: (sessionId: string) => Command) => async () => {
  if (!(await activeState())[jonas]?.roles.includes('moderator')) await admin(demo.setRoles(jonas, ['member', 'moderator']));
  jonasCookie ??= await server.login(person('jonas').email);
  const create = sessions.create({ coModeratorIds: [person('anna').id] });
  for (const command of [create, sessions.start(create.payload.sessionId)]) await mustCommand(server, jonasCookie, command);
  if (takenOver) await mustCommand(server, cookies.get('member') ?? '', sessions.takeOver(create.payload.sessionId));
  return build(create.payload.sessionId);
};
const petra = person('petra').id;

type Row = { allowed: readonly Kind[]; prepare: (allowed: boolean) => Command | Promise<Command> };
const ADMIN = ['admin'] as const;

/** Partial on purpose: a command type without a row fails the coverage test by name. */
const ROWS: Partial<Record<CommandType, Row>> = {
  'card.create': { allowed: MEMBER_KINDS, prepare: () => demo.createCard() },
  'card.update': { allowed: MEMBER_KINDS, prepare: async () => demo.updateCard(await freshCard(), { title: 'Neu' }) },
  'card.move': { allowed: MEMBER_KINDS, prepare: async () => demo.moveCard(await freshCard(), { position: 'b1', status: 'review' }) },
  'card.archive': { allowed: MEMBER_KINDS, prepare: async () => demo.archiveCard(await freshCard()) },
  'card.restore': {
    allowed: MEMBER_KINDS,
    prepare: async () => {
      const cardId = await freshCard();
      await admin(demo.archiveCard(cardId));
      return demo.restoreCard(cardId);
    },
  },
  // Only the server mirrors a description document (Y17): every person is refused.
  'card.describe': { allowed: [], prepare: async () => demo.describeCard(await freshCard(), 'Matrix') },
  'comment.add': { allowed: MEMBER_KINDS, prepare: async () => demo.addComment(await freshCard(), 'Matrix') },
  'position.create': { allowed: MEMBER_KINDS, prepare: () => positions.create() },
  // A version's content is read by the server (P8): every person is refused.
  'position.record_version': { allowed: [], prepare: onFreshPosition((positionId) => positions.recordVersion(positionId)) },
  // Annotations of a fresh draft's text: the document's access decides (every member reads and writes a draft).
  'annotation.comment': { allowed: MEMBER_KINDS, prepare: onFreshPosition((positionId) => annotations.comment(docIdOf('position', positionId))) },
  'annotation.propose': { allowed: MEMBER_KINDS, prepare: onFreshPosition((positionId) => annotations.propose(docIdOf('position', positionId))) },
  'annotation.reply': { allowed: MEMBER_KINDS, prepare: onFreshAnnotation((id) => annotations.reply(id)) },
  'annotation.resolve': { allowed: MEMBER_KINDS, prepare: onFreshAnnotation((id) => annotations.resolve(id)) },
  'annotation.decide': { allowed: MEMBER_KINDS, prepare: onFreshAnnotation((id) => annotations.decide(id), 'proposal') },
  'position.start_signoff': { allowed: [], prepare: onFreshPosition((positionId) => positions.startSignoff(positionId, person('stefan').id)) },
  // For Braunschweig: only its deputy of today answers here (its Dezernent is no kind of this matrix), P12.
  'position.answer_signoff': { allowed: ['deputyIn'], prepare: inRound((positionId, roundId, hash) => positions.answer(positionId, roundId, DEMO_PARTNERS.bs.id, hash)) },
  // The moderator and every member of the lead partner (Wolfsburg), P14.
  'position.withdraw_signoff': { allowed: ['member', 'dezernent', 'moderator', 'admin'], prepare: inRound((positionId, roundId) => positions.withdraw(positionId, roundId)) },
  'position.update': { allowed: MEMBER_KINDS, prepare: onFreshPosition((positionId) => positions.update(positionId, { dueDate: '2027-01-31' })) },
  // After sending: the moderator and every member of the lead partner (Wolfsburg), P38.
  'position.record_dispatch': { allowed: DISPATCHERS, prepare: () => positions.dispatch(sendable()) },
  'position.acknowledge_dispatch': { allowed: DISPATCHERS, prepare: onDispatch((positionId, dispatchId) => positions.acknowledge(positionId, dispatchId)) },
  'position.set_follow_up': { allowed: DISPATCHERS, prepare: onDispatch((positionId, dispatchId) => positions.followUp(positionId, dispatchId, '2027-02-01')) },
  'position.record_answer': { allowed: DISPATCHERS, prepare: onDispatch((positionId, dispatchId) => positions.answerReceived(positionId, dispatchId)) },
  'position.set_outcome': { allowed: DISPATCHERS, prepare: onDispatch((positionId, dispatchId) => positions.outcome(positionId, dispatchId, 'partial'), true) },
  'position.create_follow_up': { allowed: DISPATCHERS, prepare: onDispatch((positionId, dispatchId) => positions.followUpInitiative(positionId, dispatchId, DEMO_BOARD_ID), true) },
  'position.link_card': { allowed: MEMBER_KINDS, prepare: onFreshPosition(async (positionId) => positions.link(positionId, await freshCard())) },
  'position.unlink_card': { allowed: MEMBER_KINDS, prepare: onFreshPosition((positionId, cardId) => positions.unlink(positionId, cardId)) },
  'session.create': { allowed: RUNNER, prepare: () => sessions.create() },
  'session.update': { allowed: RUNNER, prepare: onFreshSession((sessionId) => sessions.update(sessionId, { place: 'Rathaus Gifhorn' })) },
  'session.add_item': { allowed: RUNNER, prepare: onFreshSession((sessionId) => sessions.addItem(sessionId)) },
  'session.update_item': { allowed: RUNNER, prepare: onFreshSession((sessionId, itemId) => sessions.updateItem(sessionId, itemId, { plannedMinutes: 30 })) },
  'session.remove_item': { allowed: RUNNER, prepare: onFreshSession((sessionId, itemId) => sessions.removeItem(sessionId, itemId)) },
  'session.move_item': { allowed: RUNNER, prepare: onFreshSession((sessionId, itemId) => sessions.moveItem(sessionId, itemId, 1)) },
  'session.start': { allowed: RUNNER, prepare: onFreshSession((sessionId) => sessions.start(sessionId)) },
  'session.take_up_item': { allowed: RUNNER, prepare: onFreshSession((sessionId, itemId) => sessions.takeUp(sessionId, itemId), true) },
  'session.defer_item': { allowed: RUNNER, prepare: onFreshSession((sessionId, itemId) => sessions.defer(sessionId, itemId, null)) },
  'session.end': { allowed: RUNNER, prepare: onFreshSession((sessionId) => sessions.end(sessionId), true) },
  'session.add_action': { allowed: RUNNER, prepare: onFreshSession((sessionId, itemId) => sessions.addAction(sessionId, itemId, DEMO_BOARD_ID, [person('anna').id]), true) },
  // M61: a vote on the current item, opened by who runs the session.
  'session.open_vote': {
    allowed: RUNNER,
    prepare: async () => {
      const takeUp = await onFreshSession((sessionId, itemId) => sessions.takeUp(sessionId, itemId), true)();
      if (takeUp.type !== 'session.take_up_item') throw new Error('expected the item to be taken up');
      await moderator(takeUp);
      return sessions.openVote(takeUp.payload.sessionId, takeUp.payload.itemId, proposalSettings([await freshCard()]));
    },
  },
  // The co-moderator while the moderator is away (M41); the one who took over hands back (M43).
  'session.take_over': { allowed: ['member'], prepare: onSessionOfAbsentModerator(false, (sessionId) => sessions.takeOver(sessionId)) },
  'session.hand_back': { allowed: ['member'], prepare: onSessionOfAbsentModerator(true, (sessionId) => sessions.handBack(sessionId)) },
  // M20: every participant raises and lowers their own hand; the queue and the timer are the runners' (M1).
  'session.raise_hand': { allowed: MEMBER_KINDS, prepare: onCurrentItem((sessionId) => queue.raise(sessionId)) },
  'session.lower_hand': { allowed: MEMBER_KINDS, prepare: onCurrentItem((sessionId) => queue.lower(sessionId), [{ kinds: MEMBER_KINDS, build: (id) => queue.raise(id) }]) },
  'session.remove_hand': { allowed: RUNNER, prepare: onCurrentItem((sessionId) => queue.remove(sessionId, person('anna').id), [annaRaises]) },
  'session.mark_point_of_order': { allowed: RUNNER, prepare: onCurrentItem((sessionId) => queue.markPointOfOrder(sessionId, person('anna').id), [annaRaises]) },
  'session.call_next_speaker': { allowed: RUNNER, prepare: onCurrentItem((sessionId) => queue.callNext(sessionId), [annaRaises]) },
  'session.end_contribution': { allowed: RUNNER, prepare: onCurrentItem((sessionId) => queue.endContribution(sessionId), annaSpeaks) },
  'session.set_speaking_rules': { allowed: RUNNER, prepare: onFreshSession((sessionId) => queue.rules(sessionId, { limitSeconds: 180, partnerBalance: true })) },
  'session.start_timer': { allowed: RUNNER, prepare: onCurrentItem((sessionId) => queue.startTimer(sessionId, { kind: 'speaker', personId: person('anna').id }, 60), annaSpeaks) },
  'session.pause_timer': { allowed: RUNNER, prepare: onCurrentItem((sessionId) => queue.pauseTimer(sessionId), [...annaSpeaks, annaTimed]) },
  'session.resume_timer': {
    allowed: RUNNER,
    prepare: onCurrentItem((sessionId) => queue.resumeTimer(sessionId), [...annaSpeaks, annaTimed, { kinds: RUNNER, build: (id) => queue.pauseTimer(id) }]),
  },
  'session.extend_timer': { allowed: RUNNER, prepare: onCurrentItem((sessionId) => queue.extendTimer(sessionId, 60), [...annaSpeaks, annaTimed]) },
  'session.reset_timer': { allowed: RUNNER, prepare: onCurrentItem((sessionId) => queue.resetTimer(sessionId), [...annaSpeaks, annaTimed]) },
  // M10, M13: Anna (the 'member' kind) checks herself in, the moderator checks in others; M14: the same for checking out.
  'session.check_in': { allowed: ['member', 'moderator'], prepare: onFreshSession((sessionId) => sessions.checkIn(sessionId, person('anna').id), true) },
  'session.check_in_guest': { allowed: RUNNER, prepare: onFreshSession((sessionId) => sessions.checkInGuest(sessionId, 'Dr. Hanna Vogt'), true) },
  'session.check_out': {
    allowed: ['member', 'moderator'],
    prepare: async () => {
      let sessionId = '';
      const checkIn = await onFreshSession((id) => {
        sessionId = id;
        return sessions.checkIn(id, person('anna').id);
      }, true)();
      await moderator(checkIn);
      return sessions.checkOut(sessionId, person('anna').id);
    },
  },
  // M16: admins and moderators set the workspace's quorum rule (to the other one each time).
  'session.set_quorum_rule': {
    allowed: ['admin', 'moderator'],
    prepare: async () => sessions.setQuorumRule((await readState(server, cookies.get('admin') ?? '')).sessionQuorumRule === 'all' ? 'majority' : 'all'),
  },
  'checklist.add_item': { allowed: MEMBER_KINDS, prepare: async () => checklist.add(await freshCard(), 'Matrix') },
  'checklist.rename_item': { allowed: MEMBER_KINDS, prepare: onFreshItem((cardId, itemId) => checklist.rename(cardId, itemId, 'Umbenannt')) },
  'checklist.tick_item': { allowed: MEMBER_KINDS, prepare: onFreshItem((cardId, itemId) => checklist.tick(cardId, itemId)) },
  'checklist.move_item': { allowed: MEMBER_KINDS, prepare: onFreshItem((cardId, itemId) => checklist.move(cardId, itemId, 'a5')) },
  'checklist.remove_item': { allowed: MEMBER_KINDS, prepare: onFreshItem((cardId, itemId) => checklist.remove(cardId, itemId)) },
  'partner.add': { allowed: ADMIN, prepare: () => demo.addPartner('Amt Neu', `N${(shortNames += 1)}`) },
  'partner.rename': { allowed: ADMIN, prepare: async () => demo.renamePartner(await freshPartner(), 'Amt Umbenannt', `R${(shortNames += 1)}`) },
  'partner.deactivate': { allowed: ADMIN, prepare: async () => demo.deactivatePartner(await freshPartner()) },
  'partner.reactivate': {
    allowed: ADMIN,
    prepare: async () => {
      const partnerId = await freshPartner();
      await admin(demo.deactivatePartner(partnerId));
      return demo.reactivatePartner(partnerId);
    },
  },
  'member.set_roles': { allowed: ADMIN, prepare: () => demo.setRoles(jonas, ['member', 'moderator']) },
  'member.set_partner': {
    allowed: ADMIN,
    prepare: async () => {
      const current = (await activeState())[jonas]?.partnerId;
      return demo.setPartner(jonas, current === DEMO_PARTNERS.sz.id ? DEMO_PARTNERS.gf.id : DEMO_PARTNERS.sz.id);
    },
  },
  'member.deactivate': {
    allowed: ADMIN,
    prepare: async () => {
      if (!(await activeState())[petra]?.active) await admin(demo.reactivateMember(petra));
      return demo.deactivateMember(petra);
    },
  },
  'member.reactivate': {
    allowed: ADMIN,
    prepare: async () => {
      if ((await activeState())[petra]?.active) await admin(demo.deactivateMember(petra));
      return demo.reactivateMember(petra);
    },
  },
  'member.erase': { allowed: ADMIN, prepare: (allowed) => demo.eraseMember(allowed ? (victims.pop() ?? '') : jonas) },
  // Joining goes through POST /api/invitations/:token/accept only; no transport accepts it from anyone.
  'member.join': { allowed: [], prepare: async () => demo.join(await freshInvitation()) },
  'invitation.create': {
    allowed: ADMIN,
    prepare: () => demo.createInvitation(DEMO_PARTNERS.bs.id, ['member'], new Date(Date.now() + 86_400_000).toISOString()),
  },
  'invitation.revoke': { allowed: ADMIN, prepare: async () => demo.revokeInvitation(await freshInvitation()) },
  // Ranges far ahead, so Anna (the 'member' kind) never becomes a representative today.
  'deputy.appoint': { allowed: ['dezernent'], prepare: () => demo.appointDeputy(person('anna').id, berlinDay(new Date(), 40), berlinDay(new Date(), 41)) },
  'vote.open': { allowed: MEMBER_KINDS, prepare: async () => votes.open(proposalSettings([await freshCard()])) },
  // D11 with partner ballots cast by representatives: the dezernent and a deputy inside the range, nobody else.
  'vote.cast': { allowed: ['dezernent', 'deputyIn'], prepare: async () => votes.cast(await openedVote({ partnerBallotBy: 'representative' }), position('agree')) },
  // D25, D28: the opener (here the admin) or a moderator closes and records the outcome.
  'vote.close': { allowed: ['admin', 'moderator'], prepare: async () => votes.close(await openedVote()) },
  'vote.record_outcome': {
    allowed: ['admin', 'moderator'],
    prepare: async () => {
      const voteId = await openedVote();
      await admin(votes.close(voteId));
      return votes.recordOutcome(voteId, 'Beschlossen');
    },
  },
  'deputy.revoke': {
    allowed: ['admin', 'dezernent'],
    prepare: async () => {
      const appoint = demo.appointDeputy(person('anna').id, berlinDay(new Date(), 40), berlinDay(new Date(), 42));
      await mustCommand(server, cookies.get('dezernent') ?? '', appoint);
      return demo.revokeDeputy(appoint.payload.deputyshipId);
    },
  },
};

/** 'ok', an error code, or `refused:<code>` for a refused handshake. */
type Verdict = string;

function expected(kind: Kind, allowed: boolean, transport: 'http' | 'socket'): Verdict {
  if (allowed) return 'ok';
  if (isMember(kind)) return 'forbidden';
  if (kind === 'anonymous') return transport === 'http' ? 'unauthenticated' : 'refused:unauthenticated';
  if (transport === 'http') return 'not_found';
  return kind === 'noRole' ? 'refused:forbidden' : 'not_found';
}

async function sendHttp(kind: Kind, command: Command): Promise<Verdict> {
  const answer = await postCommand(server, cookies.get(kind) ?? '', command);
  return answer.status === 200 ? 'ok' : (answer.body as { code: string }).code;
}

async function sendSocket(kind: Kind, command: Command): Promise<Verdict> {
  const socket = sockets.get(kind);
  if (!socket) {
    const opened = await openSocket(server, { cookie: cookies.get(kind) });
    opened.socket?.disconnect();
    return opened.refusal ? `refused:${opened.refusal.code}` : 'connected';
  }
  const answer = await submit(socket, command);
  return answer.ok ? 'ok' : answer.error.code;
}

beforeAll(async () => {
  server = await startTestServer({ deps: { flood: { commands: { burst: 100_000, perSecond: 100_000 } } } });
  await seedOtherWorkspace(server, [person('sabine')]);
  await createLoneAccount(server.storage, 'Nora Ohnerolle', 'nora.ohnerolle@example.org');
  const logins = Object.entries({ ...EMAILS, outsider: OUTSIDER.email, noRole: 'nora.ohnerolle@example.org' }) as [Kind, string][];
  for (const [kind, cookie] of await Promise.all(logins.map(async ([kind, email]) => [kind, await server.login(email)] as const))) {
    cookies.set(kind, cookie);
  }
  const [markus, petraCookie] = await Promise.all([server.login(person('markus').email), server.login(person('petra').email)]);
  const now = new Date();
  await mustCommand(server, markus, demo.appointDeputy(person('lena').id, berlinDay(now), berlinDay(now, 30)));
  await mustCommand(server, petraCookie, demo.appointDeputy(person('mehmet').id, berlinDay(now, 10), berlinDay(now, 20)));
  for (let i = 0; i < 6; i++) await adoptPosition([cookies.get('dezernent') ?? '', markus, cookies.get('deactivated') ?? '', petraCookie]);
  await admin(demo.deactivateMember(person('sabine').id));
  for (const n of [1, 2]) {
    const { token } = await invite(server, cookies.get('admin') ?? '', { partnerId: DEMO_PARTNERS.gf.id, roles: ['member'] });
    const joined = await accept(server, token, { name: `Vera Gelöscht ${n}`, email: `vera.${n}@gifhorn.example` });
    victims.push((joined.body as Me).id);
  }
  for (const kind of MEMBER_KINDS) sockets.set(kind, (await server.connect(cookies.get(kind) ?? '')).socket);
  for (const kind of ['outsider', 'deactivated'] as const) {
    sockets.set(kind, (await server.connect(cookies.get(kind) ?? '', { workspaceId: OTHER_WORKSPACE_ID })).socket);
  }
}, 60_000);

afterAll(async () => {
  await server.close({ removeData: true });
});

const rows = Object.entries(ROWS) as [CommandType, Row][];

describe('permission matrix over HTTP and socket (S2, S12)', () => {
  it('has a row for every command type: a command without one fails here', () => {
    expect(COMMAND_TYPES.filter((type) => !ROWS[type])).toEqual([]);
  });

  for (const transport of ['http', 'socket'] as const) {
    it.each(rows)(`S12 %s over ${transport}: ${KINDS.length} kinds of person`, async (type, row) => {
      const verdicts: [Kind, Verdict][] = [];
      const wanted: [Kind, Verdict][] = [];
      for (const kind of KINDS) {
        const allowed = row.allowed.includes(kind);
        const command = await row.prepare(allowed);
        const verdict = transport === 'http' ? await sendHttp(kind, command) : await sendSocket(kind, command);
        if (!allowed) deniedCommandIds.push(command.id);
        verdicts.push([kind, verdict]);
        wanted.push([kind, expected(kind, allowed, transport)]);
      }
      expect(verdicts).toEqual(wanted);
    });
  }

  it('S12 no refused command left an event in the log, and the chain still verifies', async () => {
    const audit = await request(server, 'GET', adminPath('audit?format=json'), { cookie: cookies.get('admin') });
    const ids = new Set((audit.body as StoredEvent[]).map((e) => e.commandId));
    expect(deniedCommandIds.filter((id) => ids.has(id))).toEqual([]);
    expect(deniedCommandIds.length).toBeGreaterThan(200);
    const verify = await request(server, 'GET', adminPath('audit/verify'), { cookie: cookies.get('admin') });
    expect(verify.body).toMatchObject({ ok: true });
  });
});

type Query = [name: string, method: 'GET' | 'POST', path: () => string, allowed: readonly Kind[], okStatus: number, body?: () => unknown];
const QUERIES: Query[] = [
  ['state', 'GET', () => workspacePath('state'), MEMBER_KINDS, 200],
  ['people', 'GET', () => workspacePath('people'), MEMBER_KINDS, 200],
  ['history', 'GET', () => workspacePath(`cards/${historyCard}/history`), MEMBER_KINDS, 200],
  ['audit', 'GET', () => adminPath('audit?limit=5'), ADMIN, 200],
  ['audit csv', 'GET', () => adminPath('audit?format=csv'), ADMIN, 200],
  ['audit verify', 'GET', () => adminPath('audit/verify'), ADMIN, 200],
  ['audit checkpoint', 'GET', () => adminPath('audit/checkpoint'), ADMIN, 200],
  ['verify checkpoint', 'POST', () => adminPath('audit/verify-checkpoint'), ADMIN, 200, () => checkpoint],
  ['create invitation', 'POST', () => adminPath('invitations'), ADMIN, 201, () => ({ partnerId: DEMO_PARTNERS.wob.id, roles: ['member'], expiresInDays: 3 })],
  ['decisions', 'GET', () => workspacePath('decisions'), MEMBER_KINDS, 200],
  ['decisions markdown', 'GET', () => workspacePath('decisions?format=markdown'), MEMBER_KINDS, 200],
  ['vote views', 'GET', () => workspacePath('votes'), MEMBER_KINDS, 200],
];
let historyCard = '';
let checkpoint: unknown = null;

describe('permission matrix of queries (S12)', () => {
  beforeAll(async () => {
    historyCard = await freshCard();
    checkpoint = (await request(server, 'GET', adminPath('audit/checkpoint'), { cookie: cookies.get('admin') })).body;
  });

  it.each(QUERIES)('S12 %s over HTTP', async (_name, method, path, allowed, okStatus, body) => {
    const statuses: [Kind, number][] = [];
    for (const kind of KINDS) {
      const answer = await request(server, method, path(), { cookie: cookies.get(kind), body: body?.() });
      statuses.push([kind, answer.status]);
    }
    const status = (kind: Kind) => (allowed.includes(kind) ? okStatus : isMember(kind) ? 403 : kind === 'anonymous' ? 401 : 404);
    expect(statuses).toEqual(KINDS.map((kind) => [kind, status(kind)]));
  });

  it('A12 the account routes answer every signed-in person about their own account only, nobody anonymous', async () => {
    // Harmless probes: a wrong password erases nothing, an empty workspace body creates nothing.
    const probes: [string, 'GET' | 'POST', string, unknown, number][] = [
      ['export', 'GET', '/api/account/export', undefined, 200],
      ['erase', 'POST', '/api/account/erase', { password: 'nicht-das-passwort' }, 403],
      ['start workspace', 'POST', '/api/workspaces', {}, 400],
    ];
    for (const [name, method, path, body, signedIn] of probes) {
      const statuses: [Kind, number][] = [];
      for (const kind of KINDS) statuses.push([kind, (await request(server, method, path, { cookie: cookies.get(kind), body })).status]);
      expect([name, statuses]).toEqual([name, KINDS.map((kind) => [kind, kind === 'anonymous' ? 401 : signedIn])]);
    }
  });

  it('S2 sync:join over a socket: members catch up, everyone else is refused at the handshake', async () => {
    const verdicts: [Kind, string][] = [];
    for (const kind of KINDS) {
      const opened = await openSocket(server, { cookie: cookies.get(kind), auth: { protocolVersion: PROTOCOL_VERSION, workspaceId: DEMO_WORKSPACE_ID } });
      if (opened.refusal) verdicts.push([kind, `refused:${opened.refusal.code}`]);
      else {
        const answer = await opened.socket.emitWithAck('sync:join', { lastSeq: 0 });
        verdicts.push([kind, answer.ok ? 'ok' : answer.error.code]);
        opened.socket.disconnect();
      }
    }
    const want = (kind: Kind) => (isMember(kind) ? 'ok' : kind === 'anonymous' ? 'refused:unauthenticated' : 'refused:forbidden');
    expect(verdicts).toEqual(KINDS.map((kind) => [kind, want(kind)]));
  });
});
