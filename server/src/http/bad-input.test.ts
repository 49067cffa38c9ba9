import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_STATUS } from '@verbund/shared/errors';
import type { StoredEvent } from '@verbund/shared/events';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { badInputs, SEEDED_CARD_ID } from '../test-support/bad-input.js';
import { commandsPath, demo, OTHER_WORKSPACE_ID, person, readState, request, seedOtherWorkspace } from '../test-support/live.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  await seedOtherWorkspace(server, [person('anna')]);
  cookie = await server.login(person('anna').email);
});
afterAll(() => server.close({ removeData: true }));

describe('bad input over HTTP (S11)', () => {
  it.each(badInputs().filter((c) => c.only !== 'socket'))('S11 $name is refused and changes nothing', async (input) => {
    const before = await readState(server, cookie);
    const answer = await request(server, 'POST', commandsPath(), { cookie, body: input.json });
    const code = input.http ?? input.code;
    expect(answer.status).toBe(HTTP_STATUS[code]);
    expect(answer.body).toMatchObject({ code });
    expect(JSON.stringify(answer.body)).not.toContain('xxxxxxxxxx');
    expect(await readState(server, cookie)).toEqual(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('S2 a command for another workspace the caller belongs to is not_found and leaves it unchanged', async () => {
    const before = await readState(server, cookie, OTHER_WORKSPACE_ID);
    const answer = await request(server, 'POST', commandsPath(), { cookie, body: demo.createCard({}, { workspaceId: OTHER_WORKSPACE_ID }) });
    expect(answer.status).toBe(404);
    expect(await readState(server, cookie, OTHER_WORKSPACE_ID)).toEqual(before);
  });

  it('S11 a body that is not JSON by its content type is invalid_payload', async () => {
    const before = await readState(server, cookie);
    const res = await fetch(`${server.url}${commandsPath()}`, {
      method: 'POST',
      headers: { cookie, 'x-requested-with': 'verbund', 'content-type': 'text/plain' },
      body: JSON.stringify(demo.createCard()),
    });
    expect(res.status).toBe(400);
    expect(await readState(server, cookie)).toEqual(before);
  });

  it('S11 an invalid card id in the history path is invalid_payload', async () => {
    const answer = await request(server, 'GET', `/api/workspaces/${DEMO_WORKSPACE_ID}/cards/not-a-uuid/history`, { cookie });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'invalid_payload' });
  });

  it('S11 HTML and script in text fields are stored verbatim as text', async () => {
    const title = '<img src=x onerror=alert(1)>';
    const description = '<script>alert("xss")</script>\n"quoted" & \'single\'';
    const command = demo.createCard({ title, description, tags: ['<b>fett</b>'] });
    expect((await request(server, 'POST', commandsPath(), { cookie, body: command })).status).toBe(200);
    const comment = demo.addComment(command.payload.cardId, '<script>document.cookie</script>');
    expect((await request(server, 'POST', commandsPath(), { cookie, body: comment })).status).toBe(200);
    const state = await readState(server, cookie);
    expect(state.cards[command.payload.cardId]).toMatchObject({ title, description, tags: ['<b>fett</b>'] });
    expect(state.comments[command.payload.cardId]?.[0]?.body).toBe('<script>document.cookie</script>');
    const history = await request(server, 'GET', `/api/workspaces/${DEMO_WORKSPACE_ID}/cards/${command.payload.cardId}/history`, { cookie });
    expect((history.body as StoredEvent[]).map((e) => e.type)).toEqual(['card.created', 'comment.added']);
    expect(history.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('S11 after all of it the server still answers and accepts valid commands', async () => {
    expect((await request(server, 'GET', '/api/health')).status).toBe(200);
    const before = await readState(server, cookie);
    const answer = await request(server, 'POST', commandsPath(), { cookie, body: demo.updateCard(SEEDED_CARD_ID, { title: 'Immer noch da' }) });
    expect(answer.status).toBe(200);
    expect((await readState(server, cookie)).seq).toBe(before.seq + 1);
  });
});
