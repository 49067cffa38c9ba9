import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@verbund/shared/events';
import { DEMO_PARTNERS } from '../seed/demo.js';
import { demo, Mirror, person, readState } from '../test-support/live.js';
import { collectEvents, eventually, startTestServer, submit, type TestServer } from '../test-support/test-server.js';
import { signedInDemoServer } from '../test-support/signed-in-server.js';

const live = signedInDemoServer();

const seqs = (events: StoredEvent[]) => events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('live sync', () => {
  it('S3 two clients of different partners see each other\'s edits', async () => {
    expect(person('anna').partnerId).toBe(DEMO_PARTNERS.wob.id);
    expect(person('lena').partnerId).toBe(DEMO_PARTNERS.bs.id);
    const a = await live.server.connect(live.anna);
    const b = await live.server.connect(live.lena);
    const mirrorA = new Mirror(a.socket, a.catchUp);
    const mirrorB = new Mirror(b.socket, b.catchUp);

    const create = demo.createCard({ title: 'Von Anna' });
    const created = await submit(a.socket, create);
    expect(created.ok).toBe(true);
    await eventually(() => mirrorB.state.cards[create.payload.cardId]?.title === 'Von Anna');

    const edited = await submit(b.socket, demo.updateCard(create.payload.cardId, { title: 'Von Lena geändert' }));
    expect(edited.ok).toBe(true);
    await eventually(() => mirrorA.state.cards[create.payload.cardId]?.title === 'Von Lena geändert');
    expect(mirrorA.state).toEqual(mirrorB.state);
    expect(mirrorA.state).toEqual(await readState(live.server, live.anna));
    a.socket.disconnect();
    b.socket.disconnect();
  });

  it('S3 the sender receives the broadcast before its own ack', async () => {
    const { socket } = await live.server.connect(live.anna);
    const seen = collectEvents(socket);
    const answer = await submit(socket, demo.createCard({ title: 'Erst gespeichert, dann gesehen' }));
    if (!answer.ok) throw new Error(answer.error.code);
    expect(seqs(seen)).toEqual([answer.value.seq]);
    expect(seen).toEqual(answer.value.events);
    socket.disconnect();
  });

  it('S5 a client that missed N events gets exactly those, in order, on re-join', async () => {
    const a = await live.server.connect(live.anna);
    const mirror = new Mirror(a.socket, a.catchUp);
    const lastSeq = mirror.state.seq;
    a.socket.disconnect();

    const b = await live.server.connect(live.lena);
    const card = demo.createCard({ title: 'Während Anna weg war' });
    const sent = [card, demo.updateCard(card.payload.cardId, { status: 'review' }), demo.moveCard(card.payload.cardId, { position: 'b0' }), demo.addComment(card.payload.cardId, 'Erster'), demo.archiveCard(card.payload.cardId)];
    for (const command of sent) expect((await submit(b.socket, command)).ok).toBe(true);
    b.socket.disconnect();

    const again = await live.server.connect(live.anna, { lastSeq });
    expect(again.catchUp.kind).toBe('events');
    const events = again.catchUp.kind === 'events' ? again.catchUp.events : [];
    expect(seqs(events)).toEqual(range(lastSeq + 1, lastSeq + sent.length));
    expect(events.map((e) => e.commandId)).toEqual(sent.map((c) => c.id));
    again.socket.disconnect();
  });

  it('S5 a client that is up to date gets no events, and live events after the join', async () => {
    const current = (await readState(live.server, live.anna)).seq;
    const a = await live.server.connect(live.anna, { lastSeq: current });
    expect(a.catchUp).toEqual({ kind: 'events', events: [] });
    const seen = collectEvents(a.socket);
    const b = await live.server.connect(live.lena, { lastSeq: current });
    expect((await submit(b.socket, demo.createCard())).ok).toBe(true);
    await eventually(() => seen.length === 1);
    expect(seen[0]?.seq).toBe(current + 1);
    a.socket.disconnect();
    b.socket.disconnect();
  });

  it('S7 events arrive in order without gaps or duplicates on every connection under concurrent load', async () => {
    const watchers = await Promise.all([live.server.connect(live.anna), live.server.connect(live.lena)]);
    const mirrors = watchers.map((w) => new Mirror(w.socket, w.catchUp));
    const start = mirrors[0]?.state.seq ?? 0;
    const writers = await Promise.all([live.anna, live.lena, live.anna].map((cookie) => live.server.connect(cookie)));
    const answers = await Promise.all(
      writers.flatMap((w) => Array.from({ length: 15 }, (_, i) => submit(w.socket, demo.createCard({ title: `Last ${i}` })))),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const end = start + answers.length;
    for (const mirror of mirrors) {
      await eventually(() => mirror.state.seq === end);
      expect(mirror.outOfOrder).toEqual([]);
      expect(seqs(mirror.received.filter((e) => e.seq > start))).toEqual(range(start + 1, end));
    }
    const acked = answers.flatMap((a) => (a.ok ? seqs(a.value.events) : [])).sort((x, y) => x - y);
    expect(acked).toEqual(range(start + 1, end));
    for (const c of [...watchers, ...writers]) c.socket.disconnect();
  });
});

describe('catch-up window', () => {
  let small: TestServer;
  let cookie: string;
  beforeAll(async () => {
    small = await startTestServer({ deps: { catchUpWindow: 10 } });
    cookie = await small.login(person('anna').email);
  });
  afterAll(() => small.close({ removeData: true }));

  it('S6 a client far behind the catch-up window gets a snapshot equal to the state', async () => {
    const writer = await small.connect(cookie);
    const lastSeq = (await readState(small, cookie)).seq;
    for (let i = 0; i < 25; i += 1) expect((await submit(writer.socket, demo.createCard({ title: `Viel ${i}` }))).ok).toBe(true);
    const behind = await small.connect(cookie, { lastSeq });
    expect(behind.catchUp.kind).toBe('snapshot');
    const state = behind.catchUp.kind === 'snapshot' ? behind.catchUp.state : null;
    expect(state?.seq).toBe(lastSeq + 25);
    expect(state).toEqual(await readState(small, cookie));
    const fresh = await small.connect(cookie, { lastSeq: 0 });
    expect(fresh.catchUp.kind).toBe('snapshot');
    writer.socket.disconnect();
  });

  it('S6 a client claiming a sequence the server does not have gets a snapshot', async () => {
    const seq = (await readState(small, cookie)).seq;
    const { catchUp } = await small.connect(cookie, { lastSeq: seq + 100 });
    expect(catchUp.kind).toBe('snapshot');
  });

  it('S5 a client within the window still gets events, not a snapshot', async () => {
    const seq = (await readState(small, cookie)).seq;
    const { catchUp } = await small.connect(cookie, { lastSeq: seq - 3 });
    expect(catchUp.kind === 'events' && seqs(catchUp.events)).toEqual(range(seq - 2, seq));
  });
});
