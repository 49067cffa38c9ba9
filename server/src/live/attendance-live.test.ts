import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '@verbund/shared/commands';
import { presentAttendees, quorumStatus, representation } from '@verbund/shared/features/sessions/attendance';
import { isRepresentative, type WorkspaceState } from '@verbund/shared/projection';
import { DEMO_PARTNERS, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { berlinDay, mustCommand } from '../test-support/admin.js';
import { demo, Mirror, person, readState } from '../test-support/live.js';
import { sessionCommandsFor } from '../test-support/session-commands.js';
import { eventually, startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';
import { proposalSettings, voteCommandsFor } from '../test-support/vote-commands.js';

/** Attendance and the quorum over real sockets against a real server (M10–M17 in docs/session-rules.md). */
const s = sessionCommandsFor(DEMO_WORKSPACE_ID);
const v = voteCommandsFor(DEMO_WORKSPACE_ID);
type Client = { socket: TestClient; cookie: string; mirror: Mirror };

let server: TestServer;
let markus: Client;
let sabine: Client;
let claudia: Client;

async function join(prefix: string): Promise<Client> {
  const cookie = await server.login(person(prefix).email);
  const joined = await server.connect(cookie);
  return { socket: joined.socket, cookie, mirror: new Mirror(joined.socket, joined.catchUp) };
}

beforeAll(async () => {
  server = await startTestServer();
  [markus, sabine, claudia] = await Promise.all([join('markus'), join('sabine'), join('claudia')]);
});
afterAll(() => server.close({ removeData: true }));

const outcome = (answer: Awaited<ReturnType<typeof submit>>) => (answer.ok ? 'accepted' : `${answer.error.code}:${answer.error.reason ?? 'no reason'}`);
const send = async (client: Client, command: Command) => outcome(await submit(client.socket, command));

/** What a client shows of a session's attendance: who is there for which partner, and the quorum. */
function shown(state: WorkspaceState, sessionId: string) {
  const session = state.sessions[sessionId];
  if (!session) return null;
  const today = berlinDay(new Date());
  const partners = representation(
    Object.values(state.partners).filter((p) => p.active).map((p) => p.id),
    presentAttendees(state.sessionAttendance[sessionId], session),
    (personId, partnerId) => isRepresentative(state, personId, partnerId, today),
  );
  return {
    partners: partners.map((p) => ({ partnerId: p.partnerId, who: p.present.map((x) => ({ id: x.attendee.id, mode: x.mode, speaksFor: x.speaksFor })) })),
    quorum: quorumStatus(state.sessionQuorumRule, partners),
  };
}

describe('attendance over real sockets', () => {
  it('M10, M12, M15–M17 two dezernents check in, the moderator checks in a deputy; all see the same attendance and quorum; a session vote entitles exactly the attending partners', async () => {
    const anna = person('anna').id;
    const thomasCookie = await server.login(person('thomas').email);
    const today = berlinDay(new Date());
    await mustCommand(server, thomasCookie, demo.appointDeputy(anna, today, today));

    const create = s.create({ startsAt: new Date().toISOString() });
    const sessionId = create.payload.sessionId;
    expect(await send(claudia, create)).toBe('accepted');
    expect(await send(claudia, s.start(sessionId))).toBe('accepted');

    expect(await send(markus, s.checkIn(sessionId, person('markus').id, 'room'))).toBe('accepted');
    expect(await send(sabine, s.checkIn(sessionId, person('sabine').id, 'online'))).toBe('accepted');
    // Anna is not connected: the moderator checks her in as Thomas's deputy.
    expect(await send(sabine, s.checkIn(sessionId, anna, 'online', person('thomas').id))).toBe('forbidden:not_session_runner');
    expect(await send(claudia, s.checkIn(sessionId, anna, 'online', person('thomas').id))).toBe('accepted');

    const onServer = await readState(server, claudia.cookie);
    const expected = shown(onServer, sessionId);
    await eventually(() => [markus, sabine, claudia].every((c) => c.mirror.state.seq === onServer.seq));
    for (const client of [markus, sabine, claudia]) {
      expect(client.mirror.outOfOrder).toEqual([]);
      expect(shown(client.mirror.state, sessionId)).toEqual(expected);
    }
    expect(expected?.partners).toEqual([
      { partnerId: DEMO_PARTNERS.wob.id, who: [{ id: anna, mode: 'online', speaksFor: true }] },
      { partnerId: DEMO_PARTNERS.bs.id, who: [{ id: person('markus').id, mode: 'room', speaksFor: true }] },
      { partnerId: DEMO_PARTNERS.sz.id, who: [{ id: person('sabine').id, mode: 'online', speaksFor: true }] },
      { partnerId: DEMO_PARTNERS.gf.id, who: [] },
    ]);
    expect(expected?.quorum).toEqual({ rule: 'majority', represented: 3, active: 4, needed: 3, met: true });

    const open = v.openIn(sessionId, proposalSettings([], { partnerBallotBy: 'representative' }));
    expect(await send(claudia, open)).toBe('accepted');
    const vote = (await readState(server, markus.cookie)).votes[open.payload.voteId];
    expect(vote?.sessionId).toBe(sessionId);
    expect(vote?.eligible).toEqual({
      partnerIds: [DEMO_PARTNERS.wob.id, DEMO_PARTNERS.bs.id, DEMO_PARTNERS.sz.id].sort(),
      personIds: [anna, person('markus').id, person('sabine').id].sort(),
    });
    await eventually(() => markus.mirror.state.votes[open.payload.voteId] !== undefined);
    expect(markus.mirror.state.votes[open.payload.voteId]?.eligible).toEqual(vote?.eligible);
  });
});
