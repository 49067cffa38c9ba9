import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SPEAKER_BOOK, placeOf, queueOf, speakingNow } from '@verbund/shared/features/sessions/speakers';
import { remainingMs } from '@verbund/shared/features/sessions/timer';
import { applyEvent, type WorkspaceState } from '@verbund/shared/projection';
import { DEMO_PARTNERS, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { accept, invite, mustCommand } from '../test-support/admin.js';
import { Mirror, person } from '../test-support/live.js';
import { sessionCommandsFor } from '../test-support/session-commands.js';
import { speakerCommandsFor } from '../test-support/speaker-commands.js';
import { eventually, startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

/**
 * Issue 11 items 5 and 6 over real sockets: 20 participants raise their hands at the same moment
 * and every screen shows one and the same queue (M21); a participant who was away catches up on the
 * queue and the timer from the log (M27, M30); the server answers its clock for the offset (M34).
 */
const SHIFT_MS = 90_000;
const sessions = sessionCommandsFor(DEMO_WORKSPACE_ID);
const queue = speakerCommandsFor(DEMO_WORKSPACE_ID);
const PARTNER_IDS = Object.values(DEMO_PARTNERS).map((p) => p.id);
let server: TestServer;
let claudia: string;
let sessionId = '';
const participants: { cookie: string; personId: string; socket: TestClient; mirror: Mirror }[] = [];

beforeAll(async () => {
  // The server's clock runs ahead of this process's, as another machine's might.
  server = await startTestServer({ deps: { clock: () => new Date(Date.now() + SHIFT_MS), flood: { commands: { burst: 10_000, perSecond: 10_000 } } } });
  const admin = await server.login(person('stefan').email);
  claudia = await server.login(person('claudia').email);
  const joined = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const { token } = await invite(server, admin, { partnerId: PARTNER_IDS[i % PARTNER_IDS.length] ?? '', roles: ['member'] });
      const answer = await accept(server, token, { name: `Teilnehmerin ${i + 1}`, email: `teilnehmerin.${i + 1}@verbund.example` });
      if (answer.status !== 201 && answer.status !== 200) throw new Error(`accept: ${answer.status}`);
      return { cookie: answer.cookie, personId: (answer.body as { id: string }).id };
    }),
  );
  const create = sessions.create();
  sessionId = create.payload.sessionId;
  const add = sessions.addItem(sessionId);
  for (const command of [create, add, sessions.start(sessionId), sessions.takeUp(sessionId, add.payload.itemId)]) await mustCommand(server, claudia, command);
  for (const p of joined) {
    const { socket, catchUp } = await server.connect(p.cookie);
    participants.push({ ...p, socket, mirror: new Mirror(socket, catchUp) });
  }
}, 120_000);
afterAll(() => server.close({ removeData: true }));

const bookOf = (state: WorkspaceState) => state.sessionSpeakers[sessionId] ?? EMPTY_SPEAKER_BOOK;
const currentItem = (state: WorkspaceState) => state.sessions[sessionId]?.currentItemId ?? null;
const shownQueue = (state: WorkspaceState) => queueOf(bookOf(state), currentItem(state)).map((e) => e.personId);

describe('speaker queue and timer over real sockets (M21, M27, M30, M34, M36)', () => {
  it('M21 20 participants raise their hands at the same moment: every client shows one and the same order, the log’s', async () => {
    const answers = await Promise.all(participants.map((p) => submit(p.socket, queue.raise(sessionId))));
    expect(answers.every((a) => a.ok)).toBe(true);
    await eventually(() => participants.every((p) => shownQueue(p.mirror.state).length === 20), 10_000);
    const orders = participants.map((p) => shownQueue(p.mirror.state));
    const first = orders[0] ?? [];
    expect(new Set(first)).toEqual(new Set(participants.map((p) => p.personId)));
    for (const order of orders) expect(order).toEqual(first);
    // The order is the log's: the seq of each raise, ascending.
    const bySeq = answers.flatMap((a) => (a.ok ? a.value.events : [])).sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((e) => (e.type === 'session.hand_raised' ? e.data.hand.personId : ''))).toEqual(first);
    // Everyone sees their own place, each place once.
    const places = participants.map((p) => placeOf(queueOf(bookOf(p.mirror.state), currentItem(p.mirror.state)), p.personId));
    expect([...places].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('M36 M27 M30 a participant who reconnects gets the current queue, speaker and timer from the log', async () => {
    const [watcher, away] = [participants[0], participants[5]];
    if (!watcher || !away) throw new Error('no participant');
    const stale = structuredClone(away.mirror.state);
    away.socket.disconnect();
    const calledFirst = shownQueue(watcher.mirror.state)[0];
    await mustCommand(server, claudia, queue.rules(sessionId, { limitSeconds: 120, partnerBalance: false }));
    await mustCommand(server, claudia, queue.callNext(sessionId));
    await mustCommand(server, claudia, queue.pauseTimer(sessionId));
    const last = await mustCommand(server, claudia, queue.extendTimer(sessionId, 30));
    const { catchUp } = await server.connect(away.cookie, { lastSeq: stale.seq });
    const state = catchUp.kind === 'snapshot' ? catchUp.state : stale;
    if (catchUp.kind === 'events') for (const event of catchUp.events) applyEvent(state, event);
    expect(state.seq).toBe(last.seq);
    await eventually(() => watcher.mirror.state.seq === last.seq);
    expect(shownQueue(state)).toEqual(shownQueue(watcher.mirror.state));
    expect(shownQueue(state)).toHaveLength(19);
    expect(speakingNow(bookOf(state), currentItem(state))?.personId).toBe(calledFirst);
    const timer = state.sessionTimers[sessionId];
    expect(timer).toEqual(watcher.mirror.state.sessionTimers[sessionId]);
    expect(timer).toMatchObject({ status: 'paused', subject: { kind: 'speaker', personId: calledFirst } });
    expect(timer && remainingMs(timer, new Date().toISOString())).toBeGreaterThan(120_000);
  });

  it('M34 the server answers its own clock, from which a client’s offset is its round trip’s midpoint', async () => {
    const p = participants[1];
    if (!p) throw new Error('no participant');
    const sentAt = Date.now();
    const { serverNow } = await p.socket.emitWithAck('time:sync');
    const receivedAt = Date.now();
    expect(serverNow).toBeGreaterThanOrEqual(sentAt + SHIFT_MS);
    expect(serverNow).toBeLessThanOrEqual(receivedAt + SHIFT_MS);
  });
});
