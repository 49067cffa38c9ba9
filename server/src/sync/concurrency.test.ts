import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCards, type WorkspaceState } from '@verbund/shared/projection';
import { demo, Mirror, person, readState } from '../test-support/live.js';
import { eventually, startTestServer, submit, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let cookies: string[];

beforeAll(async () => {
  server = await startTestServer();
  cookies = await Promise.all(['anna', 'lena', 'jonas'].map((p) => server.login(person(p).email)));
});
afterAll(() => server.close({ removeData: true }));

async function clients() {
  const connected = await Promise.all(cookies.map((c) => server.connect(c)));
  return connected.map(({ socket, catchUp }) => ({ socket, mirror: new Mirror(socket, catchUp) }));
}

async function newCard(title: string): Promise<string> {
  const { socket } = await server.connect(cookies[0] ?? '');
  const command = demo.createCard({ title, description: 'Anfang', tags: ['alt'] });
  const answer = await submit(socket, command);
  expect(answer.ok).toBe(true);
  socket.disconnect();
  return command.payload.cardId;
}

describe('concurrent edits (S8)', () => {
  it('S8 concurrent edits of different fields of one card all survive', async () => {
    const cardId = await newCard('Felder');
    const [a, b, c] = await clients();
    if (!a || !b || !c) throw new Error('three clients expected');
    const answers = await Promise.all([
      submit(a.socket, demo.updateCard(cardId, { title: 'Titel von Anna' })),
      submit(b.socket, demo.updateCard(cardId, { dueDate: '2027-06-30' })),
      submit(c.socket, demo.updateCard(cardId, { tags: ['von-jonas'], status: 'review' })),
    ]);
    expect(answers.every((x) => x.ok)).toBe(true);
    const expected = { title: 'Titel von Anna', dueDate: '2027-06-30', tags: ['von-jonas'], status: 'review' };
    const state = await readState(server, cookies[0] ?? '');
    expect(state.cards[cardId]).toMatchObject(expected);
    for (const client of [a, b, c]) {
      await eventually(() => client.mirror.state.seq === state.seq);
      expect(client.mirror.state.cards[cardId]).toEqual(state.cards[cardId]);
      client.socket.disconnect();
    }
  });

  it('S8 concurrent edits of the same field end with the value ordered last, on every client and in GET /state', async () => {
    for (let round = 0; round < 5; round += 1) {
      const cardId = await newCard(`Gleiches Feld ${round}`);
      const all = await clients();
      const answers = await Promise.all(
        all.map((client, i) => submit(client.socket, demo.updateCard(cardId, { title: `Titel ${i} in Runde ${round}` }))),
      );
      const ordered = answers.map((x, i) => ({ i, seq: x.ok ? x.value.seq : -1 })).sort((x, y) => x.seq - y.seq);
      expect(ordered.every((o) => o.seq > 0)).toBe(true);
      const winner = `Titel ${ordered.at(-1)?.i} in Runde ${round}`;
      const state = await readState(server, cookies[1] ?? '');
      expect(state.cards[cardId]?.title).toBe(winner);
      for (const client of all) {
        await eventually(() => client.mirror.state.seq === state.seq);
        expect(client.mirror.state.cards[cardId]?.title).toBe(winner);
        expect(client.mirror.outOfOrder).toEqual([]);
        client.socket.disconnect();
      }
    }
  });

  it('S8 S15 an edit racing an archive is either applied before it or refused, never lost silently', async () => {
    const cardId = await newCard('Wettlauf');
    const [a, b] = await clients();
    if (!a || !b) throw new Error('two clients expected');
    const [edit, archive] = await Promise.all([
      submit(a.socket, demo.updateCard(cardId, { title: 'Noch schnell' })),
      submit(b.socket, demo.archiveCard(cardId)),
    ]);
    expect(archive.ok).toBe(true);
    const card = (await readState(server, cookies[0] ?? '')).cards[cardId];
    expect(card?.archived).toBe(true);
    if (edit.ok) {
      expect(archive.ok && edit.value.seq < archive.value.seq).toBe(true);
      expect(card?.title).toBe('Noch schnell');
    } else {
      expect(edit.error.code).toBe('conflict');
      expect(card?.title).toBe('Wettlauf');
    }
    a.socket.disconnect();
    b.socket.disconnect();
  });

  it('S13 two cards moved to the same key are ordered by id for everyone', async () => {
    const first = await newCard('Gleicher Schlüssel 1');
    const second = await newCard('Gleicher Schlüssel 2');
    const [a, b] = await clients();
    if (!a || !b) throw new Error('two clients expected');
    await Promise.all([
      submit(a.socket, demo.moveCard(first, { position: 'zz', area: 'schnittstellen' })),
      submit(b.socket, demo.moveCard(second, { position: 'zz', area: 'schnittstellen' })),
    ]);
    const state = await readState(server, cookies[0] ?? '');
    expect(state.cards[first]?.position).toBe('zz');
    expect(state.cards[second]?.position).toBe('zz');
    const order = (s: WorkspaceState) => Object.values(s.cards).sort(compareCards).map((c) => c.id);
    expect(order(state).slice(-2)).toEqual([first, second].sort());
    for (const client of [a, b]) {
      await eventually(() => client.mirror.state.seq === state.seq);
      expect(client.mirror.state.cards).toEqual(state.cards);
      expect(order(client.mirror.state)).toEqual(order(state));
      client.socket.disconnect();
    }
  });
});
