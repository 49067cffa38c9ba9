import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docIdOf } from '@verbund/shared/docs';
import { positionVersionSchema } from '@verbund/shared/features/positions/positions-feature';
import { versionTextSchema } from '@verbund/shared/http';
import { DEMO_PARTNERS, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { openDoc, provide, sendUpdate, typedUpdate } from '../test-support/docs.js';
import { person, request } from '../test-support/live.js';
import { positionCommandsFor } from '../test-support/position-commands.js';
import { startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
const cookies: Record<string, string> = {};
const sockets: Record<string, TestClient> = {};
const positions = positionCommandsFor(DEMO_WORKSPACE_ID, DEMO_PARTNERS.wob.id);
const base = (positionId: string) => `/api/workspaces/${DEMO_WORKSPACE_ID}/positions/${positionId}`;
const stateNow = async () => (await server.app.engines.get(DEMO_WORKSPACE_ID))?.readState();

beforeAll(async () => {
  server = await startTestServer({ deps: { flood: { docs: { burst: 100_000, perSecond: 100_000 } } } });
  for (const who of ['anna', 'lena', 'jonas', 'thomas', 'markus', 'sabine', 'petra']) {
    cookies[who] = await server.login(person(who).email);
    sockets[who] = (await server.connect(cookies[who] ?? '')).socket;
  }
});
afterAll(() => server.close({ removeData: true }));

async function draftWithText(text: string): Promise<string> {
  const create = positions.create({ title: 'Zur Zeichnung' });
  expect((await submit(sockets.anna as TestClient, create)).ok).toBe(true);
  const writer = await provide(sockets.anna as TestClient, docIdOf('position', create.payload.positionId));
  const paragraph = writer.doc.getXmlFragment('default').get(0);
  if (paragraph instanceof Y.XmlElement) paragraph.insert(0, [new Y.XmlText(text)]);
  await writer.settled();
  writer.destroy();
  return create.payload.positionId;
}
const start = (positionId: string, who: string) =>
  request(server, 'POST', `${base(positionId)}/signoff`, { cookie: cookies[who], body: { roundId: randomUUID(), versionId: randomUUID(), name: 'Zur Zeichnung vorgelegt' } });

describe('the sign-off round over HTTP and the socket (P10–P13)', () => {
  it('P10 the lead partner starts the round: the text is frozen at the version every partner then signs, and no edit reaches it', async () => {
    const positionId = await draftWithText('Die Partner fordern einen Zeitplan.');
    expect((await start(positionId, 'jonas')).status).toBe(403);
    const started = await start(positionId, 'anna');
    expect(started.status).toBe(201);
    const version = positionVersionSchema.parse(started.body);
    expect((await stateNow())?.positions[positionId]?.status).toBe('in_review');
    const text = versionTextSchema.parse((await request(server, 'GET', `${base(positionId)}/text`, { cookie: cookies.lena })).body);
    expect(text.hash).toBe(version.hash);

    const docId = docIdOf('position', positionId);
    const opened = await openDoc(sockets.lena as TestClient, docId);
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.access).toBe('read');
    const edit = await sendUpdate(sockets.lena as TestClient, docId, randomUUID(), typedUpdate(opened.value.update, ' Nachträglich.'));
    expect(edit.ok === false && edit.error.reason).toBe('document_read_only');
    expect((await start(positionId, 'anna')).status).toBe(409);
  });

  it('P10 a round started while a partner is typing freezes exactly the stored text: every acknowledged edit is in it, none after', async () => {
    const positionId = await draftWithText('Anfang.');
    const typist = await provide(sockets.lena as TestClient, docIdOf('position', positionId));
    const line = () => {
      const paragraph = typist.doc.getXmlFragment('default').get(0);
      const run = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
      if (!(run instanceof Y.XmlText)) throw new Error('no text');
      return run;
    };
    let typing = true;
    const typed = (async () => {
      for (let i = 0; typing && i < 400; i++) {
        line().insert(line().length, ` ${i}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const started = await start(positionId, 'anna');
    typing = false;
    await typed;
    expect(started.status).toBe(201);
    const version = positionVersionSchema.parse(started.body);
    const stored = versionTextSchema.parse((await request(server, 'GET', `${base(positionId)}/text`, { cookie: cookies.anna })).body);
    expect(stored.hash).toBe(version.hash);
    const frozen = versionTextSchema.parse((await request(server, 'GET', `${base(positionId)}/versions/${version.id}`, { cookie: cookies.anna })).body);
    expect(frozen.content).toEqual(stored.content);
    typist.destroy();
  });

  it('P12 P13 every partner’s Dezernent signs the round’s hash: the position is adopted, for everyone', async () => {
    const positionId = await draftWithText('Beschlussreif.');
    const version = positionVersionSchema.parse((await start(positionId, 'anna')).body);
    const round = (await stateNow())?.positionRounds[positionId]?.[0];
    if (!round) throw new Error('no round');
    expect(round.entitled).toEqual(Object.values(DEMO_PARTNERS).map((p) => p.id).sort());
    const signers = [['thomas', DEMO_PARTNERS.wob.id], ['markus', DEMO_PARTNERS.bs.id], ['sabine', DEMO_PARTNERS.sz.id], ['petra', DEMO_PARTNERS.gf.id]] as const;
    for (const [who, partnerId] of signers) {
      const answer = await submit(sockets[who] as TestClient, positions.answer(positionId, round.id, partnerId, version.hash));
      expect(answer.ok, who).toBe(true);
    }
    const after = await stateNow();
    expect(after?.positions[positionId]?.status).toBe('adopted');
    expect(after?.positionRounds[positionId]?.[0]?.outcome).toBe('adopted');
  });
});
