import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionFocus, SessionFocused } from '@verbund/shared/features/sessions/focus';
import type { Ack } from '@verbund/shared/protocol';
import { mustCommand } from '../test-support/admin.js';
import { openSocket, person, readState } from '../test-support/live.js';
import { sessionCommandsFor } from '../test-support/session-commands.js';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { eventually, startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

/**
 * Follow the moderator and hand-over over real sockets (docs/session-rules.md, M41, M45–M48):
 * the focus reaches every follower, a reconnecting one is told it on joining, only the one leading
 * sets it, a flood is cut off, and a co-moderator takes over when the moderator's socket is gone.
 */
const s = sessionCommandsFor(DEMO_WORKSPACE_ID);
const FOLLOWERS = ['anna', 'lena', 'markus', 'petra', 'mehmet'] as const;
let server: TestServer;
const cookies = new Map<string, string>();
const cookie = (who: string) => cookies.get(who) ?? '';

beforeAll(async () => {
  server = await startTestServer();
  for (const who of ['claudia', 'jonas', ...FOLLOWERS]) cookies.set(who, await server.login(person(who).email));
});
afterAll(() => server.close({ removeData: true }));

/** A joined socket that records every `session:focused` from before its join on (so the greeting is seen). */
async function follower(who: string): Promise<{ socket: TestClient; seen: SessionFocused[] }> {
  const opened = await openSocket(server, { cookie: cookie(who) });
  if (!opened.socket) throw new Error(`${who} could not connect`);
  const seen: SessionFocused[] = [];
  opened.socket.on('session:focused', (focused) => seen.push(focused));
  const joined = await opened.socket.emitWithAck('sync:join', { lastSeq: 0 });
  if (!joined.ok) throw new Error(`${who} could not join`);
  return { socket: opened.socket, seen };
}

const focusOn = (socket: TestClient, sessionId: string, focus: SessionFocus): Promise<Ack<SessionFocused>> => socket.emitWithAck('session:focus', { sessionId, focus });
const verdict = (answer: Ack<unknown>) => (answer.ok ? 'ok' : `${answer.error.code}:${answer.error.reason ?? 'no reason'}`);

/** A running session Claudia moderates with Jonas as co-moderator, two items, the first taken up. */
async function runningSession() {
  const create = s.create({ coModeratorIds: [person('jonas').id] });
  const sessionId = create.payload.sessionId;
  const items = [s.addItem(sessionId, { title: 'Gemeinsame ePayBL-Ausschreibung' }), s.addItem(sessionId, { title: 'Schnittstelle XÖV' })];
  for (const command of [create, ...items, s.start(sessionId), s.takeUp(sessionId, items[0]?.payload.itemId ?? '')]) await mustCommand(server, cookie('claudia'), command);
  const cardId = Object.keys((await readState(server, cookie('claudia'))).cards)[0] ?? '';
  return { sessionId, itemIds: items.map((i) => i.payload.itemId), cardId };
}

describe('follow the moderator over real sockets (M45–M48)', () => {
  it('M45 M47 the moderator’s focus reaches every follower once, a repeated focus is not sent again, and nothing is stored', async () => {
    const { sessionId, itemIds, cardId } = await runningSession();
    const followers = await Promise.all(FOLLOWERS.map(follower));
    const moderator = await follower('claudia');
    const seqBefore = (await readState(server, cookie('anna'))).seq;

    const item: SessionFocus = { kind: 'item', itemId: itemIds[1] ?? '' };
    const answer = await focusOn(moderator.socket, sessionId, item);
    expect(answer).toMatchObject({ ok: true, value: { sessionId, focus: item, by: person('claudia').id } });
    expect(verdict(await focusOn(moderator.socket, sessionId, item))).toBe('ok');
    expect(verdict(await focusOn(moderator.socket, sessionId, { kind: 'card', cardId }))).toBe('ok');

    await eventually(() => followers.every((f) => f.seen.length === 2));
    for (const f of followers) expect(f.seen.map((x) => x.focus)).toEqual([item, { kind: 'card', cardId }]);
    expect((await readState(server, cookie('anna'))).seq).toBe(seqBefore);
    for (const f of [...followers, moderator]) f.socket.disconnect();
  });

  it('M47 a participant who reconnects is told the current focus when joining, and only that', async () => {
    const { sessionId, itemIds, cardId } = await runningSession();
    const moderator = await follower('claudia');
    const lena = await follower('lena');
    expect(verdict(await focusOn(moderator.socket, sessionId, { kind: 'item', itemId: itemIds[0] ?? '' }))).toBe('ok');
    await eventually(() => lena.seen.length === 1);
    lena.socket.disconnect();
    expect(verdict(await focusOn(moderator.socket, sessionId, { kind: 'card', cardId }))).toBe('ok');

    const back = await follower('lena');
    const mine = back.seen.filter((f) => f.sessionId === sessionId);
    expect(mine.map((f) => f.focus)).toEqual([{ kind: 'card', cardId }]);
    back.socket.disconnect();
    moderator.socket.disconnect();
  });

  it('M45 M46 S11 the focus of someone who does not lead, of a missing target or of garbage is refused and reaches nobody', async () => {
    const { sessionId, itemIds } = await runningSession();
    const anna = await follower('anna');
    const jonas = await follower('jonas');
    const lena = await follower('lena');
    const item: SessionFocus = { kind: 'item', itemId: itemIds[1] ?? '' };
    expect(verdict(await focusOn(anna.socket, sessionId, item))).toBe('forbidden:not_session_runner');
    expect(verdict(await focusOn(jonas.socket, sessionId, item))).toBe('forbidden:not_session_lead');
    expect(verdict(await focusOn(anna.socket, sessionId, { kind: 'vote', voteId: itemIds[0] ?? '' }))).toBe('forbidden:not_session_runner');
    expect(verdict(await anna.socket.emitWithAck('session:focus', { sessionId, focus: { kind: 'screen' } } as never))).toBe('invalid_payload:no reason');
    anna.socket.emit('session:focus', 'garbage' as never, undefined as never);
    // Lena, who was told nothing about this session, still is after the refusals.
    await new Promise((r) => setTimeout(r, 100));
    expect(lena.seen.filter((f) => f.sessionId === sessionId)).toEqual([]);
    expect(anna.socket.connected).toBe(true);
    for (const f of [anna, jonas, lena]) f.socket.disconnect();
  });

  it('M48 a flood of focus changes is cut off at the connection’s budget; the rest are answered rate_limited and relayed to nobody', async () => {
    const { sessionId, itemIds, cardId } = await runningSession();
    const moderator = await follower('claudia');
    const anna = await follower('anna');
    const focuses: SessionFocus[] = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? { kind: 'item', itemId: itemIds[0] ?? '' } : { kind: 'card', cardId }));
    const answers = await Promise.all(focuses.map((focus) => focusOn(moderator.socket, sessionId, focus)));
    const accepted = answers.filter((a) => a.ok).length;
    const limited = answers.filter((a) => !a.ok && a.error.code === 'rate_limited').length;
    expect(accepted + limited).toBe(40);
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(15);
    expect(limited).toBeGreaterThanOrEqual(25);
    await new Promise((r) => setTimeout(r, 100));
    const relayed = anna.seen.filter((f) => f.sessionId === sessionId).length;
    expect(relayed).toBeGreaterThan(0);
    expect(relayed).toBeLessThanOrEqual(accepted);
    // Refilled within a second: the moderator leads on.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(verdict(await focusOn(moderator.socket, sessionId, { kind: 'item', itemId: itemIds[1] ?? '' }))).toBe('ok');
    moderator.socket.disconnect();
    anna.socket.disconnect();
  });
});

describe('hand-over when the moderator’s socket is gone (M41–M43)', () => {
  it('M41 M42 M43 the co-moderator takes over once the moderator disconnects; back, she finds the session and focus as everyone saw them', async () => {
    const { sessionId, itemIds, cardId } = await runningSession();
    const claudia = await follower('claudia');
    const jonas = await follower('jonas');
    const anna = await follower('anna');
    expect(verdict(await focusOn(claudia.socket, sessionId, { kind: 'item', itemId: itemIds[0] ?? '' }))).toBe('ok');
    expect(verdict(await submit(jonas.socket, s.takeOver(sessionId)))).toBe('conflict:lead_connected');

    claudia.socket.disconnect();
    let takeOver = '';
    for (let attempt = 0; attempt < 50 && takeOver !== 'ok'; attempt++) {
      takeOver = verdict(await submit(jonas.socket, s.takeOver(sessionId)));
      if (takeOver !== 'ok') await new Promise((r) => setTimeout(r, 20));
    }
    expect(takeOver).toBe('ok');
    expect(verdict(await focusOn(jonas.socket, sessionId, { kind: 'card', cardId }))).toBe('ok');
    expect(verdict(await submit(jonas.socket, s.takeUp(sessionId, itemIds[1] ?? '')))).toBe('ok');
    await eventually(() => anna.seen.some((f) => f.by === person('jonas').id));

    const seenByAnna = await readState(server, cookie('anna'));
    const back = await follower('claudia');
    expect(back.seen.filter((f) => f.sessionId === sessionId)).toMatchObject([{ focus: { kind: 'card', cardId }, by: person('jonas').id }]);
    const seenByClaudia = await readState(server, cookie('claudia'));
    expect(seenByClaudia.sessions[sessionId]).toEqual(seenByAnna.sessions[sessionId]);
    expect(seenByClaudia.sessions[sessionId]?.currentItemId).toBe(itemIds[1]);
    // The focus stays Jonas's until he hands back.
    expect(verdict(await focusOn(back.socket, sessionId, { kind: 'item', itemId: itemIds[0] ?? '' }))).toBe('forbidden:not_session_lead');
    expect(verdict(await submit(jonas.socket, s.handBack(sessionId)))).toBe('ok');
    expect(verdict(await focusOn(back.socket, sessionId, { kind: 'item', itemId: itemIds[0] ?? '' }))).toBe('ok');
    for (const f of [back, jonas, anna]) f.socket.disconnect();
  });
});
