import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRepresentative } from '@verbund/shared/projection';
import { DEMO_PARTNERS, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { berlinDay, errorOf, mustCommand, postCommand } from '../test-support/admin.js';
import { demo, person, readState } from '../test-support/live.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { position, proposalSettings, voteCommandsFor } from '../test-support/vote-commands.js';

/** Deputies (rule S12 and A4 in docs/protocol.md): a dezernent names a deputy of their own partner for a date range. */
let server: TestServer;
const cookies: Record<string, string> = {};
const now = new Date();
const day = (days: number) => berlinDay(now, days);
const anna = person('anna').id;
const wob = DEMO_PARTNERS.wob.id;
const votes = voteCommandsFor(DEMO_WORKSPACE_ID);

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['thomas', 'stefan', 'markus', 'anna']) cookies[name] = await server.login(person(name).email);
});
afterAll(() => server.close({ removeData: true }));

describe('deputies', () => {
  it('A4 a dezernent appoints a deputy of their own partner; the deputy signs for it inside the range only', async () => {
    const appoint = demo.appointDeputy(anna, day(0), day(7));
    await mustCommand(server, cookies.thomas ?? '', appoint);
    const state = await readState(server, cookies.anna ?? '');
    expect(state.deputyships[appoint.payload.deputyshipId]).toEqual({
      id: appoint.payload.deputyshipId,
      partnerId: wob,
      dezernentId: person('thomas').id,
      deputyId: anna,
      from: day(0),
      to: day(7),
      revoked: false,
    });
    expect([day(-1), day(0), day(7), day(8)].map((d) => isRepresentative(state, anna, wob, d))).toEqual([false, true, true, false]);
    expect(isRepresentative(state, anna, DEMO_PARTNERS.bs.id, day(1))).toBe(false);
  });

  it('A4 D11 inside the range the deputy casts the partner\'s ballot; it names them and the partner, so it shows "on behalf of"', async () => {
    const card = demo.createCard({ title: 'Abstimmung' });
    await mustCommand(server, cookies.anna ?? '', card);
    const open = votes.open(proposalSettings([card.payload.cardId], { partnerBallotBy: 'representative' }));
    await mustCommand(server, cookies.stefan ?? '', open);
    expect(errorOf(await postCommand(server, cookies.stefan ?? '', votes.cast(open.payload.voteId, position('agree')))).code).toBe('forbidden');
    const cast = await mustCommand(server, cookies.anna ?? '', votes.cast(open.payload.voteId, position('agree')));
    const ballot = cast.events[0];
    expect([ballot?.type, ballot?.actorId, ballot?.partnerId]).toEqual(['vote.ballot_cast', anna, wob]);
    const state = await readState(server, cookies.anna ?? '');
    expect(state.members[anna]?.roles).not.toContain('dezernent');
  });

  it('a deputy from another partner is refused; so is oneself and a range in the past', async () => {
    const refusals = await Promise.all([
      postCommand(server, cookies.thomas ?? '', demo.appointDeputy(person('lena').id, day(0), day(3))),
      postCommand(server, cookies.thomas ?? '', demo.appointDeputy(person('thomas').id, day(0), day(3))),
      postCommand(server, cookies.thomas ?? '', demo.appointDeputy(anna, day(-5), day(-1))),
    ]);
    expect(refusals.map((r) => [r.status, errorOf(r).code])).toEqual([
      [400, 'invalid_payload'],
      [400, 'invalid_payload'],
      [400, 'invalid_payload'],
    ]);
  });

  it('S11 a range that ends before it starts is invalid_payload', async () => {
    const answer = await postCommand(server, cookies.thomas ?? '', demo.appointDeputy(anna, day(3), day(1)));
    expect(answer.status).toBe(400);
  });

  it('S12 only a dezernent appoints: an admin or member without the role is forbidden', async () => {
    for (const who of ['stefan', 'anna']) {
      expect(errorOf(await postCommand(server, cookies[who] ?? '', demo.appointDeputy(person('stefan').id, day(0), day(1)))).code).toBe('forbidden');
    }
  });

  it('S12 the dezernent of another partner cannot revoke; the own dezernent and an admin can', async () => {
    const first = demo.appointDeputy(anna, day(1), day(2));
    const second = demo.appointDeputy(anna, day(3), day(4));
    await mustCommand(server, cookies.thomas ?? '', first);
    await mustCommand(server, cookies.thomas ?? '', second);
    expect(errorOf(await postCommand(server, cookies.markus ?? '', demo.revokeDeputy(first.payload.deputyshipId))).code).toBe('forbidden');
    await mustCommand(server, cookies.thomas ?? '', demo.revokeDeputy(first.payload.deputyshipId));
    await mustCommand(server, cookies.stefan ?? '', demo.revokeDeputy(second.payload.deputyshipId));
    const state = await readState(server, cookies.anna ?? '');
    expect([first, second].map((c) => state.deputyships[c.payload.deputyshipId]?.revoked)).toEqual([true, true]);
    expect(errorOf(await postCommand(server, cookies.thomas ?? '', demo.revokeDeputy(first.payload.deputyshipId))).code).toBe('not_found');
  });
});
