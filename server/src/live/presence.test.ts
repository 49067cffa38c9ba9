import { describe, expect, it } from 'vitest';
import type { PresenceEntry } from '@verbund/shared/protocol';
import { person, readState } from '../test-support/live.js';
import { eventually, type TestClient } from '../test-support/test-server.js';
import { signedInDemoServer } from '../test-support/signed-in-server.js';

const live = signedInDemoServer();

/** The latest presence list a socket was sent. */
function watchPresence(socket: TestClient): { latest: PresenceEntry[] | null } {
  const box: { latest: PresenceEntry[] | null } = { latest: null };
  socket.on('presence:changed', (entries) => {
    box.latest = entries;
  });
  return box;
}

describe('presence (S10)', () => {
  it('S10 entries appear on join, follow updates and vanish on disconnect, and nothing is stored', async () => {
    const seq = (await readState(live.server, live.anna)).seq;
    const a = await live.server.connect(live.anna);
    const seenByA = watchPresence(a.socket);
    const b = await live.server.connect(live.lena);
    const people = () => (seenByA.latest ?? []).map((e) => e.personId).sort();

    await eventually(() => people().length === 2);
    expect(people()).toEqual([person('anna').id, person('lena').id].sort());
    const lenaEntry = seenByA.latest?.find((e) => e.personId === person('lena').id);
    expect(lenaEntry).toMatchObject({ name: 'Lena Hoffmann', partnerId: person('lena').partnerId, connectionId: b.socket.id, viewingCardId: null, editingCardId: null });

    const cardId = Object.keys((await readState(live.server, live.lena)).cards)[0] ?? '';
    b.socket.emit('presence:update', { viewingCardId: cardId, editingCardId: cardId });
    await eventually(() => seenByA.latest?.find((e) => e.personId === person('lena').id)?.editingCardId === cardId);

    b.socket.disconnect();
    await eventually(() => people().length === 1);
    expect(people()).toEqual([person('anna').id]);
    expect((await readState(live.server, live.anna)).seq).toBe(seq);
    a.socket.disconnect();
  });

  it('S10 S11 a malformed presence update is ignored and the connection stays usable', async () => {
    const a = await live.server.connect(live.anna);
    const seenByA = watchPresence(a.socket);
    const b = await live.server.connect(live.lena);
    await eventually(() => (seenByA.latest ?? []).length === 2);
    const before = seenByA.latest;
    b.socket.emit('presence:update', { viewingCardId: 'nope', editingCardId: null });
    b.socket.emit('presence:update', 'garbage' as never);
    b.socket.emit('presence:update', { viewingCardId: null, editingCardId: null });
    await eventually(() => seenByA.latest !== before);
    expect(seenByA.latest?.every((e) => e.viewingCardId === null)).toBe(true);
    expect(b.socket.connected).toBe(true);
    a.socket.disconnect();
    b.socket.disconnect();
  });

  it('S10 two tabs of one person are two entries; closing one keeps the other', async () => {
    const watcher = await live.server.connect(live.lena);
    const seen = watchPresence(watcher.socket);
    const tab1 = await live.server.connect(live.anna);
    const tab2 = await live.server.connect(live.anna);
    const annas = () => (seen.latest ?? []).filter((e) => e.personId === person('anna').id).map((e) => e.connectionId);
    await eventually(() => annas().length === 2);
    tab1.socket.disconnect();
    await eventually(() => annas().length === 1);
    expect(annas()).toEqual([tab2.socket.id]);
    tab2.socket.disconnect();
    watcher.socket.disconnect();
  });
});
