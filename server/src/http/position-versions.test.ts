import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocProvider } from '@verbund/shared/doc-provider';
import { docIdOf } from '@verbund/shared/docs';
import { canonicalJson } from '@verbund/shared/rich-text';
import { versionTextSchema } from '@verbund/shared/http';
import { positionVersionSchema } from '@verbund/shared/features/positions/positions-feature';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { provide } from '../test-support/docs.js';
import { OTHER_WORKSPACE_ID, OUTSIDER, person, request, seedOtherWorkspace } from '../test-support/live.js';
import { positionCommandsFor } from '../test-support/position-commands.js';
import { startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let cookie: string;
let anna: TestClient;
let writer: DocProvider;
let positionId: string;
const positions = positionCommandsFor(DEMO_WORKSPACE_ID, person('anna').partnerId);

const base = (id = positionId, workspaceId = DEMO_WORKSPACE_ID) => `/api/workspaces/${workspaceId}/positions/${id}`;
const versionId = (n: number) => `00000000-0000-4000-8000-${(0xabc000 + n).toString(16).padStart(12, '0')}`;

/** Types a line as its own paragraph at the end of the text, as the editor would. */
function typeParagraph(provider: DocProvider, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = provider.doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
}

beforeAll(async () => {
  server = await startTestServer();
  cookie = await server.login(person('anna').email);
  anna = (await server.connect(cookie)).socket;
  const create = positions.create({ title: 'Fassungen' });
  expect((await submit(anna, create)).ok).toBe(true);
  positionId = create.payload.positionId;
  writer = await provide(anna, docIdOf('position', positionId));
  typeParagraph(writer, 'Die Partner fordern einen Zeitplan.');
  await writer.settled();
});
afterAll(async () => {
  writer.destroy();
  await server.close({ removeData: true });
});

describe('named versions of a position text (P8, P9)', () => {
  it('P8 a version holds the text as stored when it was named, hashed with SHA-256 over its canonical JSON; later edits leave it as it was', async () => {
    const named = await request(server, 'POST', `${base()}/versions`, { cookie, body: { versionId: versionId(1), name: 'Erster Entwurf' } });
    expect(named.status).toBe(201);
    const version = positionVersionSchema.parse(named.body);
    expect(version).toMatchObject({ id: versionId(1), name: 'Erster Entwurf', namedBy: person('anna').id });

    const read = versionTextSchema.parse((await request(server, 'GET', `${base()}/versions/${versionId(1)}`, { cookie })).body);
    expect(read.content.content?.map((p) => p.content?.[0]?.text)).toEqual([undefined, 'Die Partner fordern einen Zeitplan.']);
    expect(read.hash).toBe(createHash('sha256').update(canonicalJson(read.content)).digest('hex'));
    expect(read.hash).toBe(version.hash);
    const now = versionTextSchema.parse((await request(server, 'GET', `${base()}/text`, { cookie })).body);
    expect([now.version, now.hash]).toEqual([null, version.hash]);

    typeParagraph(writer, 'Bis Ende 2027.');
    await writer.settled();
    const changed = versionTextSchema.parse((await request(server, 'GET', `${base()}/text`, { cookie })).body);
    expect(changed.hash).not.toBe(version.hash);
    const still = versionTextSchema.parse((await request(server, 'GET', `${base()}/versions/${versionId(1)}`, { cookie })).body);
    expect(still.hash).toBe(version.hash);
    const state = await (await server.app.engines.get(DEMO_WORKSPACE_ID))?.readState();
    expect(state?.positionVersions[positionId]).toEqual([version]);
  });

  it('P8 the same text has the same hash: a second version of an unchanged text names the same content', async () => {
    const first = positionVersionSchema.parse((await request(server, 'POST', `${base()}/versions`, { cookie, body: { versionId: versionId(2), name: 'A' } })).body);
    const second = positionVersionSchema.parse((await request(server, 'POST', `${base()}/versions`, { cookie, body: { versionId: versionId(3), name: 'B' } })).body);
    expect(second.hash).toBe(first.hash);
    const again = await request(server, 'POST', `${base()}/versions`, { cookie, body: { versionId: versionId(3), name: 'B' } });
    expect(again.status).toBe(409);
  });

  it('P8 bad input is refused and records nothing; only the server sends position.record_version', async () => {
    const before = (await (await server.app.engines.get(DEMO_WORKSPACE_ID))?.readState())?.seq;
    for (const body of [{}, { versionId: 'x', name: 'A' }, { versionId: versionId(9), name: '' }, { versionId: versionId(9), name: 'a\nb' }, { versionId: versionId(9), name: 'A', content: {} }]) {
      expect((await request(server, 'POST', `${base()}/versions`, { cookie, body })).status).toBe(400);
    }
    const forged = await submit(anna, positions.recordVersion(positionId, { name: 'Gefälscht', namedBy: person('anna').id }));
    expect(forged.ok === false && forged.error.code).toBe('forbidden');
    expect((await (await server.app.engines.get(DEMO_WORKSPACE_ID))?.readState())?.seq).toBe(before);
  });

  it('P9 an unknown position or version, another workspace, or no session: nothing is read', async () => {
    await seedOtherWorkspace(server);
    const outsider = await server.login(OUTSIDER.email);
    expect((await request(server, 'GET', `${base()}/versions/${versionId(1)}`, { cookie: outsider })).status).toBe(404);
    expect((await request(server, 'GET', `${base(positionId, OTHER_WORKSPACE_ID)}/versions/${versionId(1)}`, { cookie: outsider })).status).toBe(404);
    expect((await request(server, 'GET', `${base()}/versions/${versionId(77)}`, { cookie })).status).toBe(404);
    expect((await request(server, 'GET', `${base(versionId(78))}/text`, { cookie })).status).toBe(404);
    expect((await request(server, 'POST', `${base(versionId(78))}/versions`, { cookie, body: { versionId: versionId(79), name: 'A' } })).status).toBe(404);
    expect((await request(server, 'GET', `${base()}/text`)).status).toBe(401);
  });
});
