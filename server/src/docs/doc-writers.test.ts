import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocProvider } from '@verbund/shared/doc-provider';
import { docIdOf } from '@verbund/shared/docs';
import { versionTextSchema, type VersionText } from '@verbund/shared/http';
import type { PmNode } from '@verbund/shared/rich-text';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { provide, sendUpdate } from '../test-support/docs.js';
import { person, request } from '../test-support/live.js';
import { positionCommandsFor } from '../test-support/position-commands.js';
import { startTestServer, submit, type TestServer } from '../test-support/test-server.js';

const anna = person('anna');
const lena = person('lena');
const positions = positionCommandsFor(DEMO_WORKSPACE_ID, anna.partnerId);
const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0).reverse()) await server.close({ removeData: true });
});

async function serverOn(dataDir?: string): Promise<TestServer> {
  const server = await startTestServer({ dataDir });
  servers.push(server);
  return server;
}

/** A signed-in person with the position's text open. */
async function writerIn(server: TestServer, who: { email: string }, positionId: string): Promise<{ cookie: string; provider: DocProvider }> {
  const cookie = await server.login(who.email);
  const { socket } = await server.connect(cookie);
  return { cookie, provider: await provide(socket, docIdOf('position', positionId)) };
}

/** A fresh server with a new position whose text Anna (Wolfsburg) and Lena (Braunschweig) have open. */
async function twoWriters() {
  const server = await serverOn();
  const { socket } = await server.connect(await server.login(anna.email));
  const create = positions.create({ title: 'Wer schrieb was' });
  expect((await submit(socket, create)).ok).toBe(true);
  const positionId = create.payload.positionId;
  return { server, positionId, a: await writerIn(server, anna, positionId), l: await writerIn(server, lena, positionId) };
}

/** Types a line as its own paragraph at the end of the text, as the editor would, and waits until it is stored. */
async function typeParagraph(provider: DocProvider, text: string): Promise<void> {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = provider.doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
  await provider.settled();
}

/** The text's passages with their writers: the runs laid over the text nodes in reading order. */
function passages(text: VersionText): [string, string | null][] {
  const flat = (node: PmNode): string => (node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(flat).join(''));
  const all = flat(text.content);
  let at = 0;
  return (text.authors ?? []).map((run) => [all.slice(at, (at += run.length)), run.personId]);
}

const textPath = (positionId: string) => `/api/workspaces/${DEMO_WORKSPACE_ID}/positions/${positionId}`;
const readText = async (server: TestServer, cookie: string, path: string) => versionTextSchema.parse((await request(server, 'GET', path, { cookie })).body);

describe('who wrote which passage (Y18, P9)', () => {
  it('Y18 P9 P10 a version and a round’s frozen text name the writer of every passage, two people of two partners, beside the unchanged hash', async () => {
    const { server, positionId, a, l } = await twoWriters();
    await typeParagraph(a.provider, 'Wolfsburg fordert einen Zeitplan.');
    await typeParagraph(l.provider, 'Braunschweig ergänzt die Kosten.');
    const versionId = randomUUID();
    const named = await request(server, 'POST', `${textPath(positionId)}/versions`, { cookie: l.cookie, body: { versionId, name: 'Zwei Hände' } });
    expect(named.status).toBe(201);

    const version = await readText(server, a.cookie, `${textPath(positionId)}/versions/${versionId}`);
    expect(passages(version)).toEqual([
      ['Wolfsburg fordert einen Zeitplan.', anna.id],
      ['Braunschweig ergänzt die Kosten.', lena.id],
    ]);
    const now = await readText(server, a.cookie, `${textPath(positionId)}/text`);
    expect(now.hash).toBe(version.hash);
    expect(now.authors).toEqual(version.authors);
    // Anna writes inside Lena's sentence: the runs split there.
    await a.provider.settled();
    const annas = a.provider.doc.getXmlFragment('default').get(2);
    const annasText = annas instanceof Y.XmlElement ? annas.get(0) : null;
    if (!(annasText instanceof Y.XmlText)) throw new Error('Anna lacks the second paragraph');
    annasText.insert('Braunschweig ergänzt'.length, ' gern');
    await a.provider.settled();
    expect(passages(await readText(server, a.cookie, `${textPath(positionId)}/text`)).slice(1)).toEqual([
      ['Braunschweig ergänzt', lena.id],
      [' gern', anna.id],
      [' die Kosten.', lena.id],
    ]);

    // P10: the text frozen for a sign-off round records its writers as well.
    const frozenId = randomUUID();
    const started = await request(server, 'POST', `${textPath(positionId)}/signoff`, { cookie: a.cookie, body: { roundId: randomUUID(), versionId: frozenId, name: 'Zur Zeichnung' } });
    expect(started.status).toBe(201);
    const frozen = await readText(server, a.cookie, `${textPath(positionId)}/versions/${frozenId}`);
    expect(frozen.authors).toEqual((await readText(server, a.cookie, `${textPath(positionId)}/text`)).authors);
    expect(passages(frozen).map(([, who]) => who)).toEqual([anna.id, lena.id, anna.id, lena.id]);
  });

  it('Y18 a forged claim: an update under a client id someone else claimed, or the seed’s, is refused forbidden and nothing is stored', async () => {
    const { server, positionId, a, l } = await twoWriters();
    await typeParagraph(a.provider, 'Annas Satz.');
    await l.provider.settled();
    const docId = docIdOf('position', positionId);
    // Lena's client forges an update under Anna's client id, continuing Anna's clock (Anna's editor,
    // seeing its id in someone else's update, takes a new one: Yjs does so).
    const annasId = a.provider.doc.clientID;
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(l.provider.doc));
    forger.clientID = annasId;
    const before = Y.encodeStateVector(forger);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Untergeschoben.')]);
    forger.getXmlFragment('default').insert(0, [paragraph]);
    const forged = Y.encodeStateAsUpdate(forger, before);
    expect([...Y.parseUpdateMeta(forged).from.keys()]).toEqual([annasId]);
    const { socket: lenasOther } = await server.connect(l.cookie);
    await provide(lenasOther, docId);
    const storedBefore = (await server.storage.readDoc(DEMO_WORKSPACE_ID, docId))?.updates.length;
    const refused = await sendUpdate(lenasOther, docId, randomUUID(), forged);
    expect(refused.ok ? 'stored' : `${refused.error.code}:${refused.error.reason ?? ''}`).toBe('forbidden:foreign_writer');
    forger.clientID = 0;
    const seedBefore = Y.encodeStateVector(forger);
    forger.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    const asSeed = await sendUpdate(lenasOther, docId, randomUUID(), Y.encodeStateAsUpdate(forger, seedBefore));
    expect(asSeed.ok ? 'stored' : `${asSeed.error.code}:${asSeed.error.reason ?? ''}`).toBe('forbidden:foreign_writer');
    expect((await server.storage.readDoc(DEMO_WORKSPACE_ID, docId))?.updates.length).toBe(storedBefore);

    const writers = await server.storage.readDocWriters(DEMO_WORKSPACE_ID, docId);
    expect(writers.filter((w) => w.clientId === annasId)).toEqual([{ clientId: annasId, personId: anna.id }]);
    expect(writers.some((w) => w.personId === lena.id)).toBe(false);
    const text = passages(await readText(server, a.cookie, `${textPath(positionId)}/text`));
    expect(text.find(([t]) => t.includes('Annas Satz.'))?.[1]).toBe(anna.id);
    expect(text.some(([t]) => t.includes('Untergeschoben'))).toBe(false);
  });

  it('Y18 writers are durable: after a restart the passages keep their writers; the seed is nobody’s', async () => {
    const { server: first, positionId, a, l } = await twoWriters();
    await typeParagraph(a.provider, 'Von Anna.');
    await typeParagraph(l.provider, 'Von Lena.');
    const docId = docIdOf('position', positionId);
    const stored = await first.storage.readDoc(DEMO_WORKSPACE_ID, docId);
    expect(stored?.updates.length).toBe(3);
    await first.app.docs.close();
    await first.close();
    servers.splice(0);

    const again = await serverOn(first.dataDir);
    const cookie = await again.login(anna.email);
    expect(passages(await readText(again, cookie, `${textPath(positionId)}/text`))).toEqual([
      ['Von Anna.', anna.id],
      ['Von Lena.', lena.id],
    ]);
    const writers = await again.storage.readDocWriters(DEMO_WORKSPACE_ID, docId);
    expect(writers.map((w) => w.personId).sort()).toEqual([anna.id, lena.id].sort());
    expect(writers.some((w) => w.clientId === 0)).toBe(false);
  });
});
