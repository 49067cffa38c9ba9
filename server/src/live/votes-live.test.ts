import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR_ID } from '@verbund/shared/events';
import { officeDay } from '@verbund/shared/model';
import { registerEntriesSchema, type RegisterEntry } from '@verbund/shared/decision-register';
import { voteViewsSchema } from '@verbund/shared/vote-wire';
import type { VoteView } from '@verbund/shared/votes';
import { stableId } from '../seed/workspace-setup.js';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { nextId } from '../test-support/builders.js';
import { person, request } from '../test-support/live.js';
import { collectEvents, eventually, startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';
import { position, proposalSettings, voteCommandsFor } from '../test-support/vote-commands.js';

/** Integration over real sockets and HTTP (rules D10–D12, D26, D29–D35). */
const v = voteCommandsFor(DEMO_WORKSPACE_ID);
const CARD = stableId('demo-card-0');
const OTHER_CARD = stableId('demo-card-1');
const votesPath = `/api/workspaces/${DEMO_WORKSPACE_ID}/votes`;
const decisionsPath = `/api/workspaces/${DEMO_WORKSPACE_ID}/decisions`;

const open: TestServer[] = [];
async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(options);
  open.push(server);
  return server;
}
afterAll(async () => {
  for (const server of open.reverse()) await server.close({ removeData: true }).catch(() => undefined);
});

type Person = { socket: TestClient; cookie: string; views: VoteView[][]; raw: string[] };

/** Signs in, joins, and records everything the server sends this socket, raw. */
async function join(server: TestServer, who: string): Promise<Person> {
  const cookie = await server.login(person(who).email);
  const { socket, catchUp } = await server.connect(cookie);
  const raw: string[] = [JSON.stringify(catchUp)];
  socket.io.engine.on('packet', (packet: { data?: unknown }) => raw.push(typeof packet.data === 'string' ? packet.data : JSON.stringify(packet.data ?? null)));
  const views: VoteView[][] = [];
  socket.on('votes:viewed', (payload) => views.push(voteViewsSchema.parse(payload)));
  return { socket, cookie, views, raw };
}

async function viewsOf(server: TestServer, cookie: string): Promise<VoteView[]> {
  const answer = await request(server, 'GET', votesPath, { cookie });
  expect(answer.status).toBe(200);
  return voteViewsSchema.parse(answer.body);
}
const viewOf = async (server: TestServer, cookie: string, voteId: string) => (await viewsOf(server, cookie)).find((x) => x.id === voteId);

const errorOf = (answer: Awaited<ReturnType<typeof submit>>) => (answer.ok ? 'accepted' : `${answer.error.code}:${answer.error.reason ?? 'no reason'}`);

describe('votes over real sockets', () => {
  it('D10 casting after the vote was closed is refused and changes nothing', async () => {
    const server = await start();
    const anna = await join(server, 'anna');
    const lena = await join(server, 'lena');
    const voteId = nextId();
    expect(errorOf(await submit(anna.socket, v.open(proposalSettings([CARD]), voteId)))).toBe('accepted');
    expect(errorOf(await submit(anna.socket, v.close(voteId)))).toBe('accepted');
    expect(errorOf(await submit(lena.socket, v.cast(voteId, position('agree'))))).toBe('conflict:vote_closed');
    expect((await viewOf(server, lena.cookie, voteId))?.result?.tally.voices).toBe(0);
  });

  it('D11 nobody casts for another partner: a ballot names no partner, it is the caster’s own', async () => {
    const server = await start();
    const anna = await join(server, 'anna');
    const voteId = nextId();
    await submit(anna.socket, v.open(proposalSettings([CARD]), voteId));
    const forged = v.cast(voteId, position('block'));
    const answer = await submit(anna.socket, { ...forged, payload: { ...forged.payload, partnerId: person('lena').partnerId } } as typeof forged);
    expect(errorOf(answer)).toMatch(/^invalid_payload/);
    expect(errorOf(await submit(anna.socket, v.cast(voteId, position('agree'))))).toBe('accepted');
    const view = await viewOf(server, anna.cookie, voteId);
    expect(view?.participation?.partners.voted).toEqual([person('anna').partnerId]);
    expect(view?.tally?.partners?.[person('lena').partnerId]).toMatchObject({ agree: 0, block: 0 });
  });

  it('D12 casting twice: the last ballot counts, the history keeps both', async () => {
    const server = await start();
    const anna = await join(server, 'anna');
    const thomas = await join(server, 'thomas');
    const voteId = nextId();
    await submit(anna.socket, v.open(proposalSettings([CARD]), voteId));
    expect(errorOf(await submit(anna.socket, v.cast(voteId, position('agree'))))).toBe('accepted');
    await new Promise((r) => setTimeout(r, 5));
    expect(errorOf(await submit(thomas.socket, v.cast(voteId, position('disagree', 'Erst Kosten klären'))))).toBe('accepted');
    const view = await viewOf(server, anna.cookie, voteId);
    expect(view?.ballots?.map((b) => b.choice)).toEqual([position('agree'), position('disagree', 'Erst Kosten klären')]);
    expect(view?.tally?.options).toMatchObject({ agree: 0, disagree: 1 });
    expect(view?.ownBallot?.personId).toBe(person('thomas').id);
  });

  it('D11 A4 partner ballots by representatives: a member is refused, the dezernent and a deputy in range may cast, the deputy on behalf of the dezernent', async () => {
    const server = await start();
    const anna = await join(server, 'anna');
    const thomas = await join(server, 'thomas');
    const claudia = await join(server, 'claudia');
    const lenaEvents = collectEvents((await join(server, 'lena')).socket);
    const voteId = nextId();
    await submit(claudia.socket, v.open(proposalSettings([CARD], { partnerBallotBy: 'representative' }), voteId));
    expect(errorOf(await submit(anna.socket, v.cast(voteId, position('agree'))))).toBe('forbidden:not_representative');
    expect(errorOf(await submit(thomas.socket, v.cast(voteId, position('agree'))))).toBe('accepted');
    const today = officeDay(new Date());
    const appoint = { id: nextId(), workspaceId: DEMO_WORKSPACE_ID, type: 'deputy.appoint' as const, payload: { deputyshipId: nextId(), deputyId: person('anna').id, from: today, to: today } };
    expect(errorOf(await submit(thomas.socket, appoint))).toBe('accepted');
    expect(errorOf(await submit(anna.socket, v.cast(voteId, position('abstain'))))).toBe('accepted');
    const own = (await viewOf(server, anna.cookie, voteId))?.ownBallot;
    expect(own).toMatchObject({ personId: person('anna').id, choice: position('abstain') });
    // A4: the deputy's ballot says on whose behalf it was cast; the dezernent's own does not.
    expect(own?.onBehalfOf).toBe(person('thomas').id);
    const onBehalf = () => lenaEvents.flatMap((e) => (e.type === 'vote.ballot_cast' ? [e.data.ballot.onBehalfOf ?? null] : []));
    await eventually(() => onBehalf().length === 2);
    expect(onBehalf()).toEqual([null, person('thomas').id]);
  });

  it('D29 D34 with results hidden until close, no other client ever receives a choice; after close everyone sees the result', async () => {
    const server = await start();
    const anna = await join(server, 'anna');
    const lena = await join(server, 'lena');
    const admin = await join(server, 'stefan');
    const voteId = nextId();
    await submit(anna.socket, v.open(proposalSettings([CARD], { visibility: 'after_close' }), voteId));
    expect(errorOf(await submit(lena.socket, v.cast(voteId, position('block', 'GEHEIMER-GRUND'))))).toBe('accepted');
    await eventually(() => anna.views.some((batch) => batch.some((x) => x.participation?.partners.voted.length === 1)));
    const annaView = await viewOf(server, anna.cookie, voteId);
    expect(annaView).toMatchObject({ tally: null, ballots: null, ownBallot: null, resultsVisible: false });
    expect(annaView?.participation?.partners.voted).toEqual([person('lena').partnerId]);
    // Every other way in: state, card history, audit (even for an admin), the catch-up of a late joiner.
    const late = await join(server, 'jonas');
    const http = await Promise.all([
      request(server, 'GET', `/api/workspaces/${DEMO_WORKSPACE_ID}/state`, { cookie: anna.cookie }),
      request(server, 'GET', `/api/workspaces/${DEMO_WORKSPACE_ID}/cards/${CARD}/history`, { cookie: anna.cookie }),
      request(server, 'GET', `/api/workspaces/${DEMO_WORKSPACE_ID}/admin/audit?format=json`, { cookie: admin.cookie }),
      request(server, 'GET', `/api/workspaces/${DEMO_WORKSPACE_ID}/admin/audit?format=csv`, { cookie: admin.cookie }),
      request(server, 'GET', votesPath, { cookie: admin.cookie }),
    ]);
    const seenByOthers = [...anna.raw, ...admin.raw, ...late.raw, ...http.map((a) => JSON.stringify(a.body))].join('\n');
    expect(seenByOthers).toContain('vote.ballot_cast');
    expect(seenByOthers).not.toContain('GEHEIMER-GRUND');
    expect(seenByOthers).not.toMatch(/"position":"block"/);
    // The voter sees their own ballot (D32).
    expect((await viewOf(server, lena.cookie, voteId))?.ownBallot?.choice).toEqual(position('block', 'GEHEIMER-GRUND'));
    await submit(anna.socket, v.close(voteId));
    const closed = await viewOf(server, anna.cookie, voteId);
    expect(closed?.result).toMatchObject({ verdict: 'rejected', reason: 'blocked' });
  });

  it('D30 D34 in an anonymous vote nobody else ever learns who cast what, not even after close', async () => {
    const server = await start();
    const claudia = await join(server, 'claudia');
    const anna = await join(server, 'anna');
    const voteId = nextId();
    await submit(claudia.socket, v.open(proposalSettings([], { counting: 'person', anonymous: true, visibility: 'after_close' }), voteId));
    expect(errorOf(await submit(anna.socket, v.cast(voteId, position('disagree', 'ANONYMER-GRUND'))))).toBe('accepted');
    await submit(claudia.socket, v.close(voteId));
    await eventually(() => claudia.views.some((batch) => batch.some((x) => x.status === 'closed')));
    const view = await viewOf(server, claudia.cookie, voteId);
    expect(view).toMatchObject({ ballots: null, tally: { partners: null, options: { disagree: 1 } } });
    const seen = [...claudia.raw, JSON.stringify(view)].join('\n');
    expect(seen).not.toContain('ANONYMER-GRUND');
    expect(seen).toContain('"ballot":{"personId":null');
    expect(seen).not.toContain(`"ballot":{"personId":"${person('anna').id}"`);
  });

  it('D31 live counts reach every connected person as soon as a ballot is cast', async () => {
    const server = await start();
    const people = await Promise.all(['anna', 'lena', 'jonas', 'mehmet'].map((who) => join(server, who)));
    const [anna] = people;
    if (!anna) throw new Error('no anna');
    const voteId = nextId();
    await submit(anna.socket, v.open(proposalSettings([CARD]), voteId));
    await Promise.all(people.map((p) => submit(p.socket, v.cast(voteId, position('agree')))));
    for (const p of people) {
      await eventually(() => p.views.some((batch) => batch.some((x) => x.id === voteId && x.tally?.options.agree === 4)));
    }
  });
});

describe('the scheduler (D26, D35)', () => {
  it('D26 a vote closes at its closing time with nobody acting', async () => {
    const server = await start();
    const anna = await join(server, 'anna');
    const voteId = nextId();
    const closesAt = new Date(Date.now() + 1_200).toISOString();
    expect(errorOf(await submit(anna.socket, v.open(proposalSettings([CARD], { closesAt }), voteId)))).toBe('accepted');
    await eventually(() => anna.views.some((batch) => batch.some((x) => x.id === voteId && x.status === 'closed')), 8_000);
    expect(await viewOf(server, anna.cookie, voteId)).toMatchObject({ status: 'closed', closedAt: closesAt, closedBy: null });
  });

  it('D26 D35 a vote that fell due while the server was down is closed on start, by the system, dated at its closing time', async () => {
    let now = Date.now();
    const clock = () => new Date(now);
    const first = await start({ deps: { clock } });
    const anna = await join(first, 'anna');
    const voteId = nextId();
    const closesAt = new Date(now + 60 * 60_000).toISOString();
    await submit(anna.socket, v.open(proposalSettings([CARD], { closesAt }), voteId));
    await submit(anna.socket, v.cast(voteId, position('agree')));
    await first.close();
    now += 2 * 60 * 60_000;
    const second = await start({ dataDir: first.dataDir, deps: { clock } });
    await second.app.engines.warmUp([DEMO_WORKSPACE_ID]);
    const log = await second.storage.readEvents(DEMO_WORKSPACE_ID, 0);
    const closed = log.find((e) => e.type === 'vote.closed' && e.data.voteId === voteId);
    expect(closed).toMatchObject({ actorId: SYSTEM_ACTOR_ID, partnerId: null, data: { closedAt: closesAt, closedBy: null, result: { verdict: 'passed' } } });
  });

  it('D35 the engine closes due votes when asked after the clock moved (fake clock)', async () => {
    let now = Date.now();
    const server = await start({ deps: { clock: () => new Date(now) } });
    const anna = await join(server, 'anna');
    const voteId = nextId();
    await submit(anna.socket, v.open(proposalSettings([CARD], { closesAt: new Date(now + 10 * 60_000).toISOString() }), voteId));
    now += 11 * 60_000;
    const engine = await server.app.engines.get(DEMO_WORKSPACE_ID);
    await engine?.runDueWork();
    expect((await viewOf(server, anna.cookie, voteId))?.status).toBe('closed');
  });
});

describe('the decision register (D28, D36)', () => {
  it('D28 D36 decisions are listed with filters and exported as CSV (formulas defused) and Markdown', async () => {
    const server = await start();
    const anna = await join(server, 'anna');
    const passedVote = nextId();
    const otherVote = nextId();
    await submit(anna.socket, v.open(proposalSettings([CARD], { title: 'Servicekonto gemeinsam betreiben' }), passedVote));
    await submit(anna.socket, v.cast(passedVote, position('agree')));
    await submit(anna.socket, v.close(passedVote));
    await submit(anna.socket, v.recordOutcome(passedVote, '=HYPERLINK("http://evil"); Beschlossen: [hier](javascript:alert(1))'));
    await submit(anna.socket, v.open(proposalSettings([OTHER_CARD], { title: 'E-Payment' }), otherVote));
    await submit(anna.socket, v.close(otherVote));
    await submit(anna.socket, v.recordOutcome(otherVote, 'Nicht beschlossen.'));

    const list = async (query: string) => registerEntriesSchema.parse((await request(server, 'GET', `${decisionsPath}${query}`, { cookie: anna.cookie })).body);
    expect((await list('')).map((d) => d.title).sort()).toEqual(['E-Payment', 'Servicekonto gemeinsam betreiben']);
    const votes = (entries: RegisterEntry[]) => entries.map((d) => (d.type === 'vote' ? d.voteId : d.positionId));
    expect(votes(await list(`?cardId=${CARD}`))).toEqual([passedVote]);
    expect(votes(await list('?verdict=rejected'))).toEqual([otherVote]);
    expect(await list('?from=2000-01-01&to=2000-12-31')).toEqual([]);
    expect((await request(server, 'GET', `${decisionsPath}?verdict=maybe`, { cookie: anna.cookie })).status).toBe(400);

    const csv = await request(server, 'GET', `${decisionsPath}?format=csv&cardId=${CARD}`, { cookie: anna.cookie });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body)).toContain(`"'=HYPERLINK(""http://evil"")`);
    const md = await request(server, 'GET', `${decisionsPath}?format=markdown`, { cookie: anna.cookie });
    expect(String(md.body)).toContain('## Servicekonto gemeinsam betreiben');
    expect(String(md.body)).toContain('- **Ergebnis:** angenommen');
    expect(String(md.body)).toContain('\\[hier\\](javascript:alert(1))');
    expect(String(md.body)).toContain('Anna Schulz (WOB)');
  });
});
