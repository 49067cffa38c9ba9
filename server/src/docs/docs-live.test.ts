import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { DOC_LIMITS, docIdOf } from '@verbund/shared/docs';
import { SYSTEM_ACTOR_ID } from '@verbund/shared/events';
import { paragraphsText } from '../domain/documents/paragraphs.js';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { stableId } from '../seed/workspace-setup.js';
import { demo, OTHER_WORKSPACE_ID, OUTSIDER, person, request, seedOtherWorkspace } from '../test-support/live.js';
import { contentOf, converged, descriptionOf, emitRaw, openDoc, provide, sendUpdate, typedUpdate } from '../test-support/docs.js';
import { positionCommandsFor } from '../test-support/position-commands.js';
import { eventually, startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

const CARD = stableId('demo-card-1');
const DESCRIPTION = 'Gemeinsame Ausschreibung eines Bezahldienstes (ePayBL) statt vier Einzelverträgen.';

let server: TestServer;
let lenaCookie: string;
let lena: TestClient;
let anna: TestClient;
let admin: TestClient;

beforeAll(async () => {
  server = await startTestServer({ deps: { flood: { docs: { burst: 100_000, perSecond: 100_000 } }, docs: { mirrorDelayMs: 150 } } });
  lenaCookie = await server.login(person('lena').email);
  lena = (await server.connect(lenaCookie)).socket;
  anna = (await server.connect(await server.login(person('anna').email))).socket;
  admin = (await server.connect(await server.login(person('stefan').email))).socket;
});
afterAll(() => server.close({ removeData: true }));

const positions = positionCommandsFor(DEMO_WORKSPACE_ID, person('stefan').partnerId);
const stored = async (docId: string) => server.storage.readDoc(DEMO_WORKSPACE_ID, docId);
const storedCount = async (docId: string) => (await stored(docId))?.updates.length ?? 0;
async function newCard(title: string, description = ''): Promise<string> {
  const command = demo.createCard({ title, description });
  const answer = await submit(admin, command);
  if (!answer.ok) throw new Error(answer.error.code);
  return command.payload.cardId;
}

describe('doc stream: open, seed, relay (Y1–Y3, Y8)', () => {
  it('Y8 a card description opens seeded from its plain text, a paragraph per line, stored once', async () => {
    const first = await provide(lena, descriptionOf(CARD));
    const second = await provide(anna, descriptionOf(CARD));
    expect(first.access).toBe('write');
    expect(paragraphsText(first.doc)).toBe(DESCRIPTION);
    expect(contentOf(second.doc)).toBe(contentOf(first.doc));
    expect(await storedCount(descriptionOf(CARD))).toBe(1);
    first.destroy();
    second.destroy();
    const cardId = await newCard('Zwei Zeilen', 'erste Zeile\nzweite Zeile');
    const lines = await provide(lena, descriptionOf(cardId));
    expect(lines.doc.getXmlFragment('default').length).toBe(2);
    expect(paragraphsText(lines.doc)).toBe('erste Zeile\nzweite Zeile');
    lines.destroy();
  });

  it('Y3 an update is acknowledged only once stored, and then relayed to the others who opened the document', async () => {
    const docId = descriptionOf(await newCard('Relais'));
    const writer = await provide(lena, docId);
    const reader = await provide(anna, docId);
    const opened = await openDoc(lena, docId);
    if (!opened.ok) throw new Error(opened.error.code);
    const updateId = randomUUID();
    const answer = await sendUpdate(lena, docId, updateId, typedUpdate(opened.value.update, 'Hallo'));
    expect(answer).toEqual({ ok: true, value: { docId, updateId } });
    const doc = new Y.Doc();
    const held = await stored(docId);
    for (const part of held?.updates ?? []) Y.applyUpdate(doc, part.update);
    expect(paragraphsText(doc)).toBe('Hallo');
    await eventually(() => paragraphsText(reader.doc) === 'Hallo');
    writer.destroy();
    reader.destroy();
  });

  it('Y4 a retried update id is acknowledged again and stored once', async () => {
    const docId = descriptionOf(await newCard('Wiederholt'));
    const opened = await openDoc(lena, docId);
    if (!opened.ok) throw new Error(opened.error.code);
    const update = typedUpdate(opened.value.update, 'einmal');
    const updateId = randomUUID();
    expect((await sendUpdate(lena, docId, updateId, update)).ok).toBe(true);
    expect((await sendUpdate(lena, docId, updateId, update)).ok).toBe(true);
    expect(await storedCount(docId)).toBe(2);
  });
});

describe('doc stream: awareness (Y14)', () => {
  it('Y14 awareness is relayed to the others, never stored, and removed for everyone when its connection closes the document', async () => {
    const docId = descriptionOf(await newCard('Cursor'));
    const writer = await provide(lena, docId);
    const watcher = await provide(anna, docId);
    const storedBefore = await stored(docId);
    writer.awareness.setLocalStateField('user', { name: 'Lena Hoffmann' });
    await eventually(() => watcher.awareness.getStates().get(writer.doc.clientID)?.user !== undefined);
    expect(await stored(docId)).toEqual(storedBefore);
    writer.destroy();
    await eventually(() => !watcher.awareness.getStates().has(writer.doc.clientID));
    watcher.destroy();
  });
});

describe('doc stream: awareness is stamped (Y16)', () => {
  it('Y16 a caret carries the name the server knows, whatever the client wrote, and nobody speaks for another connection’s caret', async () => {
    const docId = descriptionOf(await newCard('Wessen Cursor'));
    const writer = await provide(lena, docId);
    const watcher = await provide(anna, docId);
    const lenaPerson = person('lena');
    writer.awareness.setLocalStateField('user', { name: 'Markus Weber (gefälscht)', personId: person('markus').id, color: '#f00' });
    writer.awareness.setLocalStateField('cursor', { anchor: 1 });
    await eventually(() => watcher.awareness.getStates().get(writer.doc.clientID)?.cursor !== undefined);
    expect(watcher.awareness.getStates().get(writer.doc.clientID)).toEqual({
      user: { personId: lenaPerson.id, name: lenaPerson.name, partnerId: lenaPerson.partnerId },
      cursor: { anchor: 1 },
    });
    // Anna sends a removal and a state under Lena's client id: both are dropped, Lena's caret stays hers.
    const forged = new Y.Doc();
    forged.clientID = writer.doc.clientID;
    const forgery = new Awareness(forged);
    // A clock far ahead of Lena's: applied, it would hide every later state of hers.
    for (let i = 0; i < 10; i++) forgery.setLocalState({ cursor: { anchor: 99 } });
    anna.emit('doc:awareness', { docId, update: encodeAwarenessUpdate(forgery, [forged.clientID]) });
    anna.emit('doc:awareness', { docId, update: new Uint8Array([1, 2, 3]) });
    writer.awareness.setLocalStateField('cursor', { anchor: 2 });
    await eventually(() => JSON.stringify(watcher.awareness.getStates().get(writer.doc.clientID)?.cursor) === JSON.stringify({ anchor: 2 }));
    const lenaSees = await provide(lena, docId);
    await eventually(() => lenaSees.awareness.getStates().has(writer.doc.clientID));
    expect(lenaSees.awareness.getStates().get(writer.doc.clientID)?.cursor).toEqual({ anchor: 2 });
    forgery.destroy();
    lenaSees.destroy();
    writer.destroy();
    watcher.destroy();
  });
});

describe('card descriptions follow their document (Y17)', () => {
  const cardOf = async (cardId: string) => (await server.app.engines.get(DEMO_WORKSPACE_ID))?.peek().cards[cardId];

  it('Y17 once writing pauses, the card’s description is the document’s text, recorded once for the people who wrote', async () => {
    const cardId = await newCard('Live beschrieben', 'Erste Zeile');
    const lenaDoc = await provide(lena, descriptionOf(cardId));
    const annaDoc = await provide(anna, descriptionOf(cardId));
    const firstLine = (doc: Y.Doc) => {
      const paragraph = doc.getXmlFragment('default').get(0);
      const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
      if (!(text instanceof Y.XmlText)) throw new Error('no first line');
      return text;
    };
    for (const word of ['Neu', 'e', ' ']) firstLine(lenaDoc.doc).insert(0, word);
    await converged([lenaDoc.doc, annaDoc.doc]);
    firstLine(annaDoc.doc).insert(firstLine(annaDoc.doc).length, ' und mehr');
    await Promise.all([lenaDoc.settled(), annaDoc.settled()]);
    const engine = await server.app.engines.get(DEMO_WORKSPACE_ID);
    await eventually(() => engine?.peek().cards[cardId]?.description === ' eNeuErste Zeile und mehr');

    const history = await request(server, 'GET', `/api/workspaces/${DEMO_WORKSPACE_ID}/cards/${cardId}/history`, { cookie: lenaCookie });
    const described = (history.body as { type: string; actorId: string; data: { writers: string[] } }[]).filter((e) => e.type === 'card.described');
    expect(described).toHaveLength(1);
    expect(described[0]?.actorId).toBe(SYSTEM_ACTOR_ID);
    expect(new Set(described[0]?.data.writers)).toEqual(new Set([person('lena').id, person('anna').id]));
    lenaDoc.destroy();
    annaDoc.destroy();
  });

  it('Y17 card.update no longer carries a description, and nobody but the server sends card.describe', async () => {
    const cardId = await newCard('Nicht per Formular');
    const update = demo.updateCard(cardId, { title: 'Nicht per Formular' });
    const viaForm = await submit(lena, { ...update, payload: { cardId, changes: { description: 'überschrieben' } } } as unknown as typeof update);
    expect(viaForm.ok === false && viaForm.error.code).toBe('invalid_payload');
    const forged = await submit(lena, demo.describeCard(cardId, 'gefälscht', [person('lena').id]));
    expect(forged.ok === false && forged.error.code).toBe('forbidden');
    expect((await cardOf(cardId))?.description).toBe('');
  });
});

describe('doc stream: authorisation (Y5–Y7)', () => {
  it('Y5 a document of no feature, of a card that does not exist, or of another workspace is not found', async () => {
    await seedOtherWorkspace(server);
    const outsider = (await server.connect(await server.login(OUTSIDER.email), { workspaceId: OTHER_WORKSPACE_ID })).socket;
    for (const [socket, docId] of [
      [lena, `unknown-kind:${CARD}`],
      [lena, descriptionOf(randomUUID())],
      [outsider, descriptionOf(CARD)],
    ] as const) {
      const answer = await openDoc(socket, docId);
      expect(answer.ok === false && answer.error.code).toBe('not_found');
    }
    const update = await sendUpdate(outsider, descriptionOf(CARD), randomUUID(), typedUpdate(new Uint8Array([0, 0]), 'fremd'));
    expect(update.ok === false && update.error.reason).toBe('document_not_open');
    expect(paragraphsText((await provide(lena, descriptionOf(CARD))).doc)).toBe(DESCRIPTION);
  });

  it('Y7 an archived card’s description opens read-only and refuses every update; nothing is stored', async () => {
    const cardId = await newCard('Archiviert', 'eingefroren');
    const docId = descriptionOf(cardId);
    const before = await openDoc(lena, docId);
    if (!before.ok) throw new Error(before.error.code);
    expect(before.value.access).toBe('write');
    expect((await submit(admin, demo.archiveCard(cardId))).ok).toBe(true);
    // Y6: the same open connection is refused at once.
    const refused = await sendUpdate(lena, docId, randomUUID(), typedUpdate(before.value.update, ' doch'));
    expect(refused.ok === false && refused.error).toMatchObject({ code: 'forbidden', reason: 'document_read_only' });
    const reopened = await openDoc(anna, docId);
    expect(reopened.ok && reopened.value.access).toBe('read');
    const again = await sendUpdate(anna, docId, randomUUID(), typedUpdate(before.value.update, ' nochmal'));
    expect(again.ok === false && again.error.reason).toBe('document_read_only');
    expect(await storedCount(docId)).toBe(1);
  });

  it('Y15 a draft position’s text opens empty for every member and takes their updates; another workspace does not find it', async () => {
    const command = positions.create();
    expect((await submit(admin, command)).ok).toBe(true);
    const docId = docIdOf('position', command.payload.positionId);
    const opened = await openDoc(anna, docId);
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.access).toBe('write');
    expect((await sendUpdate(anna, docId, randomUUID(), typedUpdate(opened.value.update, 'Die Partner fordern'))).ok).toBe(true);
    const doc = new Y.Doc();
    for (const part of (await stored(docId))?.updates ?? []) Y.applyUpdate(doc, part.update);
    expect(paragraphsText(doc)).toBe('Die Partner fordern');
    const outsider = (await server.connect(await server.login(OUTSIDER.email), { workspaceId: OTHER_WORKSPACE_ID })).socket;
    const foreign = await openDoc(outsider, docId);
    expect(foreign.ok === false && foreign.error.code).toBe('not_found');
    outsider.disconnect();
  });

  it('Y6 a deactivated member’s update is refused (or never reaches the document): nothing is stored', async () => {
    const docId = descriptionOf(await newCard('Deaktiviert'));
    const jonas = (await server.connect(await server.login(person('jonas').email))).socket;
    const opened = await openDoc(jonas, docId);
    if (!opened.ok) throw new Error(opened.error.code);
    expect((await submit(admin, demo.deactivateMember(person('jonas').id))).ok).toBe(true);
    const answer = await Promise.race([
      sendUpdate(jonas, docId, randomUUID(), typedUpdate(opened.value.update, 'zu spät')),
      new Promise<null>((resolve) => jonas.once('disconnect', () => resolve(null))),
    ]);
    if (answer) expect(answer.ok === false && answer.error.code).toBe('forbidden');
    await eventually(() => !jonas.connected);
    expect(await storedCount(docId)).toBe(1);
  });
});

describe('doc stream: bad input (Y9)', () => {
  const docId = descriptionOf(CARD);
  const valid = () => ({ docId, updateId: randomUUID(), update: new Uint8Array([0, 0]) });
  const cases: [string, unknown][] = [
    ['nothing', null],
    ['a missing docId', { updateId: randomUUID(), update: new Uint8Array([0, 0]) }],
    ['a docId without a kind', { ...valid(), docId: CARD }],
    ['a docId whose entity is no uuid', { ...valid(), docId: 'card-description:../../etc' }],
    ['an update id that is no uuid', { ...valid(), updateId: 'eins' }],
    ['an update as text', { ...valid(), update: 'AAA=' }],
    ['an update as an array of numbers', { ...valid(), update: [0, 0] }],
    ['an update over the size limit', { ...valid(), update: new Uint8Array(DOC_LIMITS.maxUpdateBytes + 1) }],
    ['an extra key', { ...valid(), admin: true }],
    ['garbage bytes that are no Yjs update', { ...valid(), update: new Uint8Array([255, 255, 255, 255, 15, 1, 2, 3]) }],
  ];

  it.each(cases)('Y9 doc:update with %s is invalid_payload and changes nothing', async (_name, payload) => {
    expect((await openDoc(lena, docId)).ok).toBe(true);
    const before = await stored(docId);
    const answer = await emitRaw(lena, 'doc:update', payload);
    expect(answer.ok === false && answer.error.code).toBe('invalid_payload');
    expect(await stored(docId)).toEqual(before);
    expect(lena.connected).toBe(true);
  });

  it('Y9 doc:open with a malformed id or state vector is invalid_payload; an update for a document not opened is refused', async () => {
    for (const payload of [{ docId: 42 }, { docId, stateVector: 'x' }, { docId, stateVector: new Uint8Array([255, 255, 255, 255, 255]) }]) {
      const answer = await emitRaw(anna, 'doc:open', payload);
      expect(answer.ok === false && answer.error.code).toBe('invalid_payload');
    }
    const otherCard = descriptionOf(stableId('demo-card-2'));
    const answer = await sendUpdate(anna, otherCard, randomUUID(), new Uint8Array([0, 0]));
    expect(answer.ok === false && answer.error).toMatchObject({ code: 'conflict', reason: 'document_not_open' });
    expect(await stored(otherCard)).toBeNull();
  });
});

describe('doc stream: limits and compaction (Y11–Y13)', () => {
  it('Y13 doc messages spend a budget: a flood is answered rate_limited and stores only what was admitted', async () => {
    const limited = await startTestServer({ deps: { flood: { docs: { burst: 5, perSecond: 1 } } } });
    try {
      const socket = (await limited.connect(await limited.login(person('lena').email))).socket;
      const docId = descriptionOf(CARD);
      const opened = await openDoc(socket, docId);
      if (!opened.ok) throw new Error(opened.error.code);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => sendUpdate(socket, docId, randomUUID(), typedUpdate(opened.value.update, `${i}`))));
      const ok = answers.filter((a) => a.ok).length;
      expect(answers.some((a) => a.ok === false && a.error.code === 'rate_limited')).toBe(true);
      expect((await limited.storage.readDoc(DEMO_WORKSPACE_ID, docId))?.updates.length).toBe(1 + ok);
    } finally {
      await limited.close({ removeData: true });
    }
  });

  it('Y11 past the threshold a document is compacted: it reads the same, with fewer stored updates, also after a restart', async () => {
    const small = await startTestServer({ deps: { docs: { compactAfterUpdates: 10 }, flood: { docs: { burst: 1000, perSecond: 1000 } } } });
    let again: TestServer | null = null;
    try {
      const socket = (await small.connect(await small.login(person('lena').email))).socket;
      const docId = descriptionOf(CARD);
      const writer = await provide(socket, docId);
      const text = writer.doc.getXmlFragment('default').get(0);
      if (!(text instanceof Y.XmlElement)) throw new Error('no paragraph');
      for (let i = 0; i < 25; i += 1) {
        const inner = text.get(0);
        if (inner instanceof Y.XmlText) inner.insert(0, `${i % 10}`);
        await writer.settled();
      }
      const expected = contentOf(writer.doc);
      await small.app.docs.close();
      const held = await small.storage.readDoc(DEMO_WORKSPACE_ID, docId);
      expect(held?.snapshot).not.toBeNull();
      expect(held?.updates.length).toBeLessThan(10);
      await small.close();
      again = await startTestServer({ dataDir: small.dataDir });
      const reader = await provide((await again.connect(await again.login(person('anna').email))).socket, docId);
      expect(contentOf(reader.doc)).toBe(expected);
    } finally {
      await (again ?? small).close({ removeData: true });
    }
  });

  it('Y12 a document cannot grow past its quota: payload_too_large with reason document_full, nothing stored', async () => {
    const tiny = await startTestServer({ deps: { docs: { maxBytes: 2_000 } } });
    try {
      const socket = (await tiny.connect(await tiny.login(person('lena').email))).socket;
      const docId = descriptionOf(CARD);
      const opened = await openDoc(socket, docId);
      if (!opened.ok) throw new Error(opened.error.code);
      const before = await tiny.storage.readDoc(DEMO_WORKSPACE_ID, docId);
      const answer = await sendUpdate(socket, docId, randomUUID(), typedUpdate(opened.value.update, 'x'.repeat(3_000)));
      expect(answer.ok === false && answer.error).toMatchObject({ code: 'payload_too_large', reason: 'document_full' });
      expect(await tiny.storage.readDoc(DEMO_WORKSPACE_ID, docId)).toEqual(before);
    } finally {
      await tiny.close({ removeData: true });
    }
  });
});
