import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '@verbund/shared/model';
import { DEMO_PARTNERS, DEMO_PASSWORD } from '../seed/demo.js';
import { accept, adminPath, errorOf, invite, mustCommand, postCommand, workspacePath } from '../test-support/admin.js';
import { commandsFor } from '../test-support/builders.js';
import { demo, openSocket, person, readState, request } from '../test-support/live.js';
import { eventually, startTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * Erasure (DSGVO Art. 17, rule A12 in docs/protocol.md): a workspace admin ends a membership in
 * their workspace only; the account itself is erased by its owner (password asked again) or by the
 * operator's CLI, and then in every workspace. Contributions stay; the chain still verifies.
 */
const REPO = resolve(import.meta.dirname, '../../..');
const ANNA = person('anna');
let server: TestServer;
let anna: string;
let stefan: string;
let own = { workspaceId: '', boardId: '' };

async function startWorkspace(cookie: string, name: string): Promise<{ workspaceId: string; boardId: string }> {
  const created = await request(server, 'POST', '/api/workspaces', { cookie, body: { name, partnerName: 'Landkreis Goslar', partnerShortName: 'GS' } });
  const workspaceId = (created.body as { workspaceId: string }).workspaceId;
  const state = await readState(server, cookie, workspaceId);
  return { workspaceId, boardId: Object.keys(state.boards)[0] ?? '' };
}

/** Every file of the SQLite database (main file, write-ahead log, shared memory) as raw bytes. */
function databaseBytes(): Buffer {
  const base = join(server.dataDir, 'verbund.sqlite');
  return Buffer.concat([base, `${base}-wal`, `${base}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

const peopleOf = async (cookie: string, workspaceId?: string) => (await request(server, 'GET', workspacePath('people', workspaceId), { cookie })).body as Person[];

beforeAll(async () => {
  server = await startTestServer();
  [anna, stefan] = await Promise.all([server.login(ANNA.email), server.login(person('stefan').email)]);
  own = await startWorkspace(anna, 'Annas Kooperation');
});
afterAll(() => server.close({ removeData: true }));

describe('erasure (A12)', () => {
  it('A12 a workspace admin erases a membership there only: the account, its other workspaces and its sessions stay', async () => {
    const inDemo = await server.connect(anna);
    const inOwn = await server.connect(anna, { workspaceId: own.workspaceId });
    await mustCommand(server, stefan, demo.eraseMember(ANNA.id));
    await eventually(() => !inDemo.socket.connected, 2_000);
    expect((await peopleOf(stefan)).find((p) => p.id === ANNA.id)).toMatchObject({ name: '', erased: true, partnerId: DEMO_PARTNERS.wob.id });
    // Nothing beyond the demo workspace changed: the account, the other membership, the session, the socket.
    expect(await server.storage.findAccountById(ANNA.id)).toMatchObject({ name: ANNA.name, email: ANNA.email, erasedAt: null });
    expect(inOwn.socket.connected).toBe(true);
    expect((await request(server, 'GET', '/api/auth/me', { cookie: anna })).status).toBe(200);
    expect((await peopleOf(anna, own.workspaceId)).find((p) => p.id === ANNA.id)).toMatchObject({ name: ANNA.name, erased: false });
    // An admin of one workspace reaches no other: the same erase sent to Anna's workspace is not found.
    const foreign = commandsFor(own.workspaceId, own.boardId).eraseMember(ANNA.id);
    expect((await postCommand(server, stefan, foreign)).status).toBe(404);
    expect(await server.storage.pendingErasures()).toEqual([]);
    inOwn.socket.disconnect();
  });

  it('A12 the only admin of a workspace where others work is asked to hand over before deleting the account', async () => {
    const lena = await server.login(person('lena').email);
    const shared = await startWorkspace(lena, 'Lenas Kooperation');
    const state = await readState(server, lena, shared.workspaceId);
    const invited = await invite(server, lena, { partnerId: Object.keys(state.partners)[0] ?? '', roles: ['member'] }, shared.workspaceId);
    expect((await accept(server, invited.token, { cookie: stefan })).status).toBe(200);
    const answer = await request(server, 'POST', '/api/account/erase', { cookie: lena, body: { password: DEMO_PASSWORD } });
    expect(answer.status).toBe(409);
    expect(errorOf(answer).reason).toBe('sole_admin');
    expect(errorOf(answer).message).toContain('Lenas Kooperation');
    expect((await server.storage.findAccountById(person('lena').id))?.erasedAt).toBeNull();
  });

  it('A12 deleting one’s own account needs the password; bad input and a wrong password change nothing', async () => {
    for (const body of [{}, { password: '' }, { password: 7 }, { password: DEMO_PASSWORD, extra: true }]) {
      expect((await request(server, 'POST', '/api/account/erase', { cookie: anna, body })).status).toBe(400);
    }
    expect((await request(server, 'POST', '/api/account/erase', { cookie: anna, body: { password: 'falsch-falsch' } })).status).toBe(403);
    expect((await request(server, 'POST', '/api/account/erase', { body: { password: DEMO_PASSWORD } })).status).toBe(401);
    expect(await server.storage.findAccountById(ANNA.id)).toMatchObject({ name: ANNA.name, erasedAt: null });
  });

  it('A12 a person deletes their own account: every workspace, sessions, sockets and the database files lose it; contributions stay', async () => {
    const mine = commandsFor(own.workspaceId, own.boardId).createCard({ title: 'Annas Karte' });
    await mustCommand(server, anna, mine);
    const second = await server.login(ANNA.email);
    const socket = (await server.connect(second, { workspaceId: own.workspaceId })).socket;
    expect(databaseBytes().includes(ANNA.email)).toBe(true);

    const answer = await request(server, 'POST', '/api/account/erase', { cookie: anna, body: { password: DEMO_PASSWORD } });
    expect(answer.status).toBe(204);
    await eventually(() => !socket.connected, 1_000);
    const account = await server.storage.findAccountById(ANNA.id);
    expect(account).toMatchObject({ name: '', passwordHash: '' });
    expect(account?.erasedAt).not.toBeNull();
    const bytes = databaseBytes();
    for (const needle of [ANNA.name, ANNA.email, 'Schulz']) expect([needle, bytes.includes(needle)]).toEqual([needle, false]);

    for (const cookie of [anna, second]) expect((await request(server, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
    expect((await request(server, 'POST', '/api/auth/login', { body: { email: ANNA.email, password: DEMO_PASSWORD } })).status).toBe(401);
    expect((await openSocket(server, { cookie: second })).refusal?.code).toBe('unauthenticated');

    // Her own workspace (she was its only member) and the demo both show a former member; her card stays.
    const ownState = await server.app.engines.get(own.workspaceId);
    expect(ownState?.peek().members[ANNA.id]).toMatchObject({ erased: true });
    expect(ownState?.peek().cards[mine.payload.cardId]).toMatchObject({ title: 'Annas Karte', createdBy: ANNA.id });
    expect((await peopleOf(stefan)).find((p) => p.id === ANNA.id)).toMatchObject({ name: '', erased: true });
    const audit = await request(server, 'GET', adminPath('audit'), { cookie: stefan });
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).not.toContain(ANNA.name);
    const verify = await request(server, 'GET', adminPath('audit/verify'), { cookie: stefan });
    expect(verify.body).toMatchObject({ ok: true });
    expect(await server.storage.pendingErasures()).toEqual([]);
  });
});

/** Runs `pnpm admin …` as the operator would, against the test server's data directory. */
function adminCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--conditions=@verbund/source', '--import', 'tsx', 'server/src/cli/admin.ts', ...args],
      { cwd: REPO, env: { ...process.env, ...env }, timeout: 60_000 },
      (_error, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('the operator erases an account (A12)', () => {
  it('A12 `pnpm admin erase <email>` with the server running: the server carries it out in every workspace', async () => {
    const jonas = person('jonas');
    const cookie = await server.login(jonas.email);
    const { socket } = await server.connect(cookie);
    const port = new URL(server.url).port;
    const result = await adminCli(['erase', jonas.email.toUpperCase()], { DATA_DIR: server.dataDir, HOST: '127.0.0.1', PORT: port });
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('running server');
    expect(socket.connected).toBe(false);
    expect((await server.storage.findAccountById(jonas.id))?.erasedAt).not.toBeNull();
    expect((await peopleOf(stefan)).find((p) => p.id === jonas.id)).toMatchObject({ erased: true });
  }, 60_000);

  it('A12 with no server running the CLI erases itself; an unknown email and a wrong command are refused', async () => {
    const dir = server.dataDir;
    const mehmet = person('mehmet');
    await server.close();
    try {
      expect((await adminCli(['erase', 'niemand@example.org'], { DATA_DIR: dir, PORT: '1' })).code).toBe(1);
      expect((await adminCli(['delete', mehmet.email], { DATA_DIR: dir, PORT: '1' })).code).toBe(2);
      const result = await adminCli(['erase', mehmet.email], { DATA_DIR: dir, PORT: '1' });
      expect([result.code, result.stderr]).toEqual([0, '']);
    } finally {
      server = await startTestServer({ dataDir: dir });
    }
    expect((await server.storage.findAccountById(mehmet.id))?.erasedAt).not.toBeNull();
    expect((await server.app.engines.get(demo.createCard().workspaceId))?.peek().members[mehmet.id]).toMatchObject({ erased: true });
  }, 60_000);

  it('A12 an erasure that stopped halfway (requested, not done) is finished at the next start', async () => {
    const dir = server.dataDir;
    const thomas = person('thomas');
    await server.storage.requestErasure(thomas.id, new Date().toISOString());
    await server.close();
    server = await startTestServer({ dataDir: dir });
    await expect.poll(async () => (await server.storage.findAccountById(thomas.id))?.erasedAt ?? null, { timeout: 5_000 }).not.toBeNull();
    expect((await server.app.engines.get(demo.createCard().workspaceId))?.peek().members[thomas.id]).toMatchObject({ erased: true });
    expect(await server.storage.pendingErasures()).toEqual([]);
  });
});
