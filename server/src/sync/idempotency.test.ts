import { describe, expect, it } from 'vitest';
import type { Command } from '@verbund/shared/commands';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { commandsPath, demo, readState, request } from '../test-support/live.js';
import { submit } from '../test-support/test-server.js';
import { signedInDemoServer } from '../test-support/signed-in-server.js';

const live = signedInDemoServer();

const applied = async (command: Command) => (await live.server.storage.readCommandEvents(DEMO_WORKSPACE_ID, command.id)).length;

describe('idempotent commands', () => {
  it('S4 a retried command id is applied once and answered with the same result', async () => {
    const { socket } = await live.server.connect(live.anna);
    const command = demo.createCard({ title: 'Einmal' });
    const first = await submit(socket, command);
    const seqAfter = (await readState(live.server, live.anna)).seq;
    const second = await submit(socket, command);
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    expect((await readState(live.server, live.anna)).seq).toBe(seqAfter);
    expect(await applied(command)).toBe(1);
    socket.disconnect();
  });

  it('S4 a retry with the same id but other content still gets the first answer and changes nothing', async () => {
    const { socket } = await live.server.connect(live.anna);
    const command = demo.createCard({ title: 'Original' });
    const first = await submit(socket, command);
    const altered = { ...command, payload: { ...command.payload, fields: { ...command.payload.fields, title: 'Verändert' } } };
    expect(await submit(socket, altered)).toEqual(first);
    expect((await readState(live.server, live.anna)).cards[command.payload.cardId]?.title).toBe('Original');
    socket.disconnect();
  });

  it('S4 the same command sent concurrently on several connections and over HTTP is applied once', async () => {
    const sockets = await Promise.all([live.server.connect(live.anna), live.server.connect(live.anna), live.server.connect(live.anna)]);
    const before = (await readState(live.server, live.anna)).seq;
    const command = demo.createCard({ title: 'Gleichzeitig' });
    const [http, ...answers] = await Promise.all([
      request(live.server, 'POST', commandsPath(), { cookie: live.anna, body: command }),
      ...sockets.flatMap(({ socket }) => [submit(socket, command), submit(socket, command)]),
    ]);
    expect(http?.status).toBe(200);
    for (const answer of answers) {
      expect(answer.ok).toBe(true);
      expect(answer.ok && answer.value).toEqual(http?.body);
    }
    expect(await applied(command)).toBe(1);
    expect((await readState(live.server, live.anna)).seq).toBe(before + 1);
    for (const { socket } of sockets) socket.disconnect();
  });

  it('S4 a command whose connection dropped before the ack is applied once when resent after a reconnect', async () => {
    const first = await live.server.connect(live.anna);
    const before = first.catchUp.kind === 'events' ? (first.catchUp.events.at(-1)?.seq ?? 0) : first.catchUp.state.seq;
    const command = demo.createCard({ title: 'Nach dem Abbruch' });
    // Fire and drop: the answer is lost whether or not the live.server applied it.
    first.socket.emit('command:submit', command, () => undefined);
    first.socket.disconnect();
    const again = await live.server.connect(live.anna, { lastSeq: before });
    const retried = await submit(again.socket, command);
    const twice = await submit(again.socket, command);
    expect(retried.ok).toBe(true);
    expect(twice).toEqual(retried);
    expect(await applied(command)).toBe(1);
    const state = await readState(live.server, live.anna);
    expect(state.cards[command.payload.cardId]?.title).toBe('Nach dem Abbruch');
    expect(retried.ok && retried.value.seq).toBe(state.seq);
    again.socket.disconnect();
  });

  it('S4 a retry after a reconnect is answered with the first result, not applied again', async () => {
    const a = await live.server.connect(live.anna);
    const command = demo.addComment(Object.keys((await readState(live.server, live.anna)).cards)[0] ?? '', 'Nur einmal');
    const first = await submit(a.socket, command);
    a.socket.disconnect();
    const b = await live.server.connect(live.anna);
    expect(await submit(b.socket, command)).toEqual(first);
    const state = await readState(live.server, live.anna);
    expect(state.comments[command.payload.cardId]?.filter((c) => c.id === command.payload.commentId)).toHaveLength(1);
    b.socket.disconnect();
  });

  it('S4 an id already used by another person is refused with conflict', async () => {
    const a = await live.server.connect(live.anna);
    const b = await live.server.connect(live.lena);
    const command = demo.createCard({ title: 'Annas' });
    expect((await submit(a.socket, command)).ok).toBe(true);
    const stolen = await submit(b.socket, command);
    expect(stolen.ok === false && stolen.error.code).toBe('conflict');
    expect(await applied(command)).toBe(1);
    a.socket.disconnect();
    b.socket.disconnect();
  });

  it('S4 an id used concurrently by two people is applied for one and refused for the other', async () => {
    const a = await live.server.connect(live.anna);
    const b = await live.server.connect(live.lena);
    const command = demo.createCard({ title: 'Wer zuerst kommt' });
    const answers = await Promise.all([submit(a.socket, command), submit(b.socket, command)]);
    expect(answers.map((x) => (x.ok ? 'ok' : x.error.code)).sort()).toEqual(['conflict', 'ok']);
    expect(await applied(command)).toBe(1);
    a.socket.disconnect();
    b.socket.disconnect();
  });

  it('S4 a refused command may be retried with the same id once the reason is gone', async () => {
    const { socket } = await live.server.connect(live.anna);
    const card = demo.createCard({ title: 'Erst archiviert' });
    await submit(socket, card);
    await submit(socket, demo.archiveCard(card.payload.cardId));
    const update = demo.updateCard(card.payload.cardId, { title: 'Später' });
    const refused = await submit(socket, update);
    expect(refused.ok === false && refused.error.code).toBe('conflict');
    await submit(socket, demo.restoreCard(card.payload.cardId));
    expect((await submit(socket, update)).ok).toBe(true);
    expect((await readState(live.server, live.anna)).cards[card.payload.cardId]?.title).toBe('Später');
    socket.disconnect();
  });
});
