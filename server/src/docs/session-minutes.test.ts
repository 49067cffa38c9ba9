import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docIdOf } from '@verbund/shared/docs';
import { docToProseMirror } from '../domain/documents/prosemirror.js';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { openDoc, provide } from '../test-support/docs.js';
import { person } from '../test-support/live.js';
import { sessionCommandsFor } from '../test-support/session-commands.js';
import { startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let claudia: TestClient;
let anna: TestClient;
const s = sessionCommandsFor(DEMO_WORKSPACE_ID);

beforeAll(async () => {
  server = await startTestServer();
  claudia = (await server.connect(await server.login(person('claudia').email))).socket;
  anna = (await server.connect(await server.login(person('anna').email))).socket;
});
afterAll(() => server.close({ removeData: true }));

const must = async (socket: TestClient, command: Parameters<typeof submit>[1]) => {
  const answer = await submit(socket, command);
  if (!answer.ok) throw new Error(`${command.type}: ${answer.error.code}`);
};
type Node = { type: string; text?: string; content?: readonly Node[] };
/** The text a reader sees: inline runs joined, blocks a line each. */
const textOf = (node: Node): string => {
  if (node.type === 'text') return node.text ?? '';
  const children = node.content ?? [];
  return children.map(textOf).join(children.every((child) => child.type === 'text') ? '' : '\n');
};

describe('the minutes as a co-written document (M50)', () => {
  it('M50 there are no minutes before the session ended; then every member opens them, generated with the people’s names, and writes on', async () => {
    const create = s.create({ title: 'AG Digitalisierung, Protokolltest', coModeratorIds: [person('jonas').id] });
    await must(claudia, create);
    const sessionId = create.payload.sessionId;
    const item = s.addItem(sessionId, { title: 'Bezahldienst', plannedMinutes: 20 });
    await must(claudia, item);
    await must(claudia, s.start(sessionId));
    await must(claudia, s.takeUp(sessionId, item.payload.itemId));
    const docId = docIdOf('session-minutes', sessionId);
    expect((await openDoc(anna, docId)).ok).toBe(false);

    await must(claudia, s.end(sessionId));
    const annas = await provide(anna, docId);
    expect(annas.access).toBe('write');
    const text = textOf(docToProseMirror(annas.doc));
    expect(text).toContain('Protokoll: AG Digitalisierung, Protokolltest');
    expect(text).toContain(`Moderation: ${person('claudia').name}. Co-Moderation: ${person('jonas').name}.`);
    expect(text).toContain('TOP 1: Bezahldienst');
    const claudias = await provide(claudia, docId);
    expect(textOf(docToProseMirror(claudias.doc))).toBe(text);
    // Seeded once, by the server, under the seed's id: nobody's text (Y8, Y18).
    const stored = await server.storage.readDoc(DEMO_WORKSPACE_ID, docId);
    expect(stored?.updates).toHaveLength(1);
    expect(await server.storage.readDocWriters(DEMO_WORKSPACE_ID, docId)).toEqual([]);
    annas.destroy();
    claudias.destroy();
  });
});
