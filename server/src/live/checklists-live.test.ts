import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '@verbund/shared/commands';
import { orderedItems } from '@verbund/shared/features/checklists/checklist-items';
import type { StoredEvent } from '@verbund/shared/events';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { postCommand, workspacePath } from '../test-support/admin.js';
import { nextId } from '../test-support/builders.js';
import { checklistCommandsFor } from '../test-support/checklist-commands.js';
import { demo, Mirror, OTHER_WORKSPACE_ID, OUTSIDER, person, readState, request, seedOtherWorkspace } from '../test-support/live.js';
import { eventually, startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

/** Checklists over real sockets against a real server (C1–C5 in docs/protocol.md, S3, S11, S15, A5). */
const c = checklistCommandsFor(DEMO_WORKSPACE_ID);

let server: TestServer;
let anna: { socket: TestClient; cookie: string };
let lena: { socket: TestClient; cookie: string; mirror: Mirror };

beforeAll(async () => {
  server = await startTestServer();
  await seedOtherWorkspace(server);
  const [annaCookie, lenaCookie] = await Promise.all([server.login(person('anna').email), server.login(person('lena').email)]);
  anna = { socket: (await server.connect(annaCookie)).socket, cookie: annaCookie };
  const joined = await server.connect(lenaCookie);
  lena = { socket: joined.socket, cookie: lenaCookie, mirror: new Mirror(joined.socket, joined.catchUp) };
});
afterAll(() => server.close({ removeData: true }));

const outcome = (answer: Awaited<ReturnType<typeof submit>>) => (answer.ok ? 'accepted' : `${answer.error.code}:${answer.error.reason ?? 'no reason'}`);
const send = async (command: Command) => outcome(await submit(anna.socket, command));
const freshCard = async () => {
  const create = demo.createCard({ title: 'Mit Checkliste' });
  expect(await send(create)).toBe('accepted');
  return create.payload.cardId;
};
const historyOf = async (cardId: string) => (await request(server, 'GET', workspacePath(`cards/${cardId}/history`), { cookie: lena.cookie })).body as StoredEvent[];

describe('checklists over real sockets', () => {
  it('C4, S3 Anna adds, ticks, reorders, renames and removes; Lena receives every event and her state is the server’s', async () => {
    const cardId = await freshCard();
    const [first, second, third] = [c.add(cardId, 'Angebot einholen'), c.add(cardId, 'Vertrag prüfen'), c.add(cardId, 'Unterschreiben')];
    for (const command of [first, second, third]) expect(await send(command)).toBe('accepted');
    const item = (command: typeof first) => command.payload.itemId;
    const texts = () => orderedItems(lena.mirror.state.checklists[cardId]).map((i) => `${i.done ? '☑' : '☐'} ${i.text}`);
    await eventually(() => texts().length === 3);
    expect(texts()).toEqual(['☐ Angebot einholen', '☐ Vertrag prüfen', '☐ Unterschreiben']);

    expect(await send(c.tick(cardId, item(second)))).toBe('accepted');
    // The server gave them a0, a1, a2; the third goes between the first two.
    expect(await send(c.move(cardId, item(third), 'a0V'))).toBe('accepted');
    expect(await send(c.rename(cardId, item(first), 'Drei Angebote einholen'))).toBe('accepted');
    expect(await send(c.remove(cardId, item(second)))).toBe('accepted');
    expect(await send(c.add(cardId, 'Ablegen'))).toBe('accepted');

    await eventually(() => texts().includes('☐ Ablegen'));
    expect(texts()).toEqual(['☐ Drei Angebote einholen', '☐ Unterschreiben', '☐ Ablegen']);
    expect(lena.mirror.outOfOrder).toEqual([]);
    expect(lena.mirror.state).toEqual(await readState(server, lena.cookie));
    expect(lena.mirror.state.checklists[cardId]?.[item(first)]).toMatchObject({ createdBy: person('anna').id });
  });

  it('C5 the card’s history holds its checklist events, with who did them', async () => {
    const cardId = await freshCard();
    const add = c.add(cardId, 'Prüfen');
    expect(await send(add)).toBe('accepted');
    expect(outcome(await submit(lena.socket, c.tick(cardId, add.payload.itemId)))).toBe('accepted');
    const history = await historyOf(cardId);
    expect(history.map((e) => [e.type, e.actorId])).toEqual([
      ['card.created', person('anna').id],
      ['checklist.item_added', person('anna').id],
      ['checklist.item_ticked', person('lena').id],
    ]);
  });

  it('C3 of two people ticking the same item, the second is told someone was first; one event is stored', async () => {
    const cardId = await freshCard();
    const add = c.add(cardId, 'Gleichzeitig');
    expect(await send(add)).toBe('accepted');
    const answers = await Promise.all([submit(anna.socket, c.tick(cardId, add.payload.itemId)), submit(lena.socket, c.tick(cardId, add.payload.itemId))]);
    expect(answers.map(outcome).sort()).toEqual(['accepted', 'conflict:item_already_done']);
    expect((await historyOf(cardId)).filter((e) => e.type === 'checklist.item_ticked')).toHaveLength(1);
  });

  /** A valid command with its payload changed as a hostile client would. */
  const tampered = (command: Command, payload: Record<string, unknown>) => ({ ...command, payload: { ...command.payload, ...payload } }) as unknown as Command;
  it.each([
    ['a text with a line break', (cardId: string) => c.add(cardId, 'eins\nzwei')],
    ['a text over 200 characters', (cardId: string) => c.add(cardId, 'x'.repeat(201))],
    ['a position chosen on add', (cardId: string) => tampered(c.add(cardId, 'x'), { position: 'a0' })],
    ['a malformed key on move', (cardId: string) => c.move(cardId, nextId(), 'a10')],
    ['done as a string', (cardId: string) => tampered(c.tick(cardId, nextId()), { done: 'yes' })],
    ['an extra key', (cardId: string) => tampered(c.remove(cardId, nextId()), { archived: true })],
  ])('S11, C1 %s is invalid_payload and nothing is stored', async (_name, build) => {
    const cardId = await freshCard();
    const before = await readState(server, anna.cookie);
    expect(await send(build(cardId))).toBe('invalid_payload:no reason');
    expect(await readState(server, anna.cookie)).toEqual(before);
  });

  it('C2, S15 an archived card refuses every checklist change until it is restored', async () => {
    const cardId = await freshCard();
    const add = c.add(cardId, 'Vor dem Archivieren');
    expect(await send(add)).toBe('accepted');
    expect(await send(demo.archiveCard(cardId))).toBe('accepted');
    const before = await readState(server, anna.cookie);
    const { itemId } = add.payload;
    for (const command of [c.add(cardId, 'Danach'), c.rename(cardId, itemId, 'x'), c.tick(cardId, itemId), c.move(cardId, itemId, 'a5'), c.remove(cardId, itemId)]) {
      expect(await send(command)).toBe('conflict:no reason');
    }
    expect(await readState(server, anna.cookie)).toEqual(before);
    expect(await send(demo.restoreCard(cardId))).toBe('accepted');
    expect(await send(c.tick(cardId, itemId))).toBe('accepted');
  });

  it('A5, S2 a member of another workspace cannot touch the checklist, over a socket or HTTP', async () => {
    const cardId = await freshCard();
    const add = c.add(cardId, 'Nur für uns');
    expect(await send(add)).toBe('accepted');
    const before = await readState(server, anna.cookie);
    const cookie = await server.login(OUTSIDER.email);
    const { socket } = await server.connect(cookie, { workspaceId: OTHER_WORKSPACE_ID });
    const tick = c.tick(cardId, add.payload.itemId);
    expect(outcome(await submit(socket, tick))).toBe('not_found:no reason');
    // Naming the card from inside their own workspace finds no such card there.
    expect(outcome(await submit(socket, { ...tick, workspaceId: OTHER_WORKSPACE_ID }))).toBe('not_found:no reason');
    expect((await postCommand(server, cookie, c.remove(cardId, add.payload.itemId))).status).toBe(404);
    expect(await readState(server, anna.cookie)).toEqual(before);
    socket.disconnect();
  });
});
