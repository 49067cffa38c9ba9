import { afterAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '@verbund/shared/events';
import { BALLOT_POSITIONS } from '@verbund/shared/votes';
import { voteViewsSchema } from '@verbund/shared/vote-wire';
import { stableId } from '../seed/workspace-setup.js';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { hashEvent } from '../sync/hash-chain.js';
import type { AuditKeys } from '../audit/audit-key.js';
import { postCommand } from '../test-support/admin.js';
import { nextId } from '../test-support/builders.js';
import { person, request } from '../test-support/live.js';
import { asText, csvLinesAbout, partsAbout, readAll, readPaths, recordPackets, type Read } from '../test-support/read-paths.js';
import { eventually, startTestServer, submit, type TestServer } from '../test-support/test-server.js';
import { position, proposalSettings, voteCommandsFor } from '../test-support/vote-commands.js';

/** Anonymous votes over real sockets and HTTP: nothing anyone can read links a person to a ballot (D37–D40). */
const v = voteCommandsFor(DEMO_WORKSPACE_ID);
const CARD = stableId('demo-card-0');
const VOTERS = ['anna', 'jonas', 'mehmet'].map(person);
const votesPath = `/api/workspaces/${DEMO_WORKSPACE_ID}/votes`;

const open: TestServer[] = [];
afterAll(async () => {
  for (const server of open.reverse()) await server.close({ removeData: true }).catch(() => undefined);
});

/** A reader: their cookie, the socket they hold and everything it received. */
async function reader(server: TestServer, who: string) {
  const cookie = await server.login(person(who).email);
  const { socket, catchUp } = await server.connect(cookie);
  const reads: Read[] = [{ source: 'sync:join from 0', status: 200, body: catchUp }];
  const packets = recordPackets(socket);
  return { id: person(who).id, cookie, socket, reads, packets };
}

const GUESSED = [...VOTERS, ...['claudia', 'markus', 'stefan', 'lena'].map(person)];

/**
 * The guesses of person and position (no reason) whose hash, given every other field of the stored
 * event, is the hash the client received: what anyone holding the event could try (D40). The guess
 * is even given the audit key, which no client has: the seal alone must defeat it.
 */
function guessesThatOpen(keys: AuditKeys, received: StoredEvent, stored: ReadonlyMap<number, StoredEvent>): string[] {
  const truth = stored.get(received.seq);
  if (truth?.type !== 'vote.ballot_cast' || 'sealed' in truth.data.ballot) throw new Error(`no stored ballot at ${received.seq}`);
  const { voteId, ballot } = truth.data;
  return GUESSED.flatMap((guess) =>
    BALLOT_POSITIONS.filter((p) => {
      const data = { voteId, ballot: { ...ballot, personId: guess.id, partnerId: guess.partnerId, choice: position(p) } };
      return hashEvent(keys, truth.prevHash, { ...truth, actorId: guess.id, partnerId: guess.partnerId, data }) === received.hash;
    }).map((p) => `${guess.name}: ${p}`),
  );
}

describe('anonymous votes (D37–D40)', () => {
  it('D37 D38 D39 D40 anonymous ballots are unlinkable in every read path: events, acks, catch-up, views, state, history, audit, exports', async () => {
    // A small catch-up window: a join from 0 gets a snapshot, a join from the vote's opening gets events.
    const server = await startTestServer({ deps: { catchUpWindow: 20 } });
    open.push(server);
    const claudia = await reader(server, 'claudia');
    const markus = await reader(server, 'markus');
    const stefan = await reader(server, 'stefan');
    const anna = await reader(server, 'anna');
    const jonas = await reader(server, 'jonas');
    const mehmetCookie = await server.login(person('mehmet').email);
    const acks: Read[] = [];
    const ack = (source: string, body: unknown) => acks.push({ source, status: 200, body });

    const voteId = nextId();
    const opened = await submit(claudia.socket, v.open(proposalSettings([CARD], { counting: 'person', anonymous: true, visibility: 'after_close' }), voteId));
    if (!opened.ok) throw new Error(`open: ${opened.error.message}`);
    const seqAtOpen = opened.value.seq;
    ack('anna cast', await submit(anna.socket, v.cast(voteId, position('agree'))));
    ack('jonas cast', await submit(jonas.socket, v.cast(voteId, position('disagree', 'GEHEIMER-GRUND'))));
    ack('mehmet cast over HTTP', (await postCommand(server, mehmetCookie, v.cast(voteId, position('block')))).body);
    ack('anna changes her mind', await submit(anna.socket, v.cast(voteId, position('abstain'))));

    const everyone = [claudia, markus, stefan, anna, jonas];
    const paths = readPaths(CARD, VOTERS.map((p) => p.id));
    const readOpen = await Promise.all([...everyone.map((r) => readAll(server, r.cookie, paths)), readAll(server, mehmetCookie, paths)]);
    const lateJoins = async (source: string) =>
      Promise.all(
        [0, seqAtOpen].map(async (lastSeq) => {
          const { socket, catchUp } = await server.connect(markus.cookie, { lastSeq });
          socket.disconnect();
          return { source: `${source} sync:join from ${lastSeq}`, status: 200, body: catchUp };
        }),
      );
    const joinsOpen = await lateJoins('open');
    expect(joinsOpen.map((j) => (j.body as { kind: string }).kind)).toEqual(['snapshot', 'events']);

    ack('claudia closes', await submit(claudia.socket, v.close(voteId)));
    ack('claudia records', await submit(claudia.socket, v.recordOutcome(voteId, 'Nicht beschlossen.')));
    for (const r of everyone) await eventually(() => JSON.stringify(r.packets.map((p) => p.body)).includes('vote.outcome_recorded'));
    const readClosed = await Promise.all([...everyone.map((r) => readAll(server, r.cookie, paths)), readAll(server, mehmetCookie, paths)]);
    const joinsClosed = await lateJoins('closed');

    // What each person got, with whose it is: their own ballot in their own view is theirs to see (D32).
    const byReader: { readerId: string; reads: Read[] }[] = [
      ...everyone.map((r, i) => ({ readerId: r.id, reads: [...r.reads, ...r.packets, ...(readOpen[i] ?? []), ...(readClosed[i] ?? [])] })),
      { readerId: person('mehmet').id, reads: [...(readOpen[everyone.length] ?? []), ...(readClosed[everyone.length] ?? [])] },
      { readerId: markus.id, reads: [...joinsOpen, ...joinsClosed] },
      // The voters' own command answers name nobody either (D39).
      { readerId: '', reads: acks },
    ];
    const names = VOTERS.flatMap((p) => [p.id, p.partnerId, p.name]);
    const ballotEvents: StoredEvent[] = [];
    for (const { readerId, reads } of byReader) {
      for (const read of reads) {
        const parts = partsAbout(read.body, voteId);
        const texts = [...parts.map((part) => asText(part, readerId)), ...csvLinesAbout(read.body, voteId)];
        if (typeof read.body === 'string' && read.body.startsWith('# Beschlüsse')) texts.push(read.body);
        // A person's own export holds their own events, ballots included: their data (D39), never the seal (D40).
        const ownExport = read.source.endsWith('/api/account/export');
        if (ownExport) expect(JSON.stringify(read.body)).not.toContain('"seal"');
        const others = ownExport ? names.filter((name) => !VOTERS.some((p) => p.id === readerId && [p.id, p.partnerId, p.name].includes(name))) : names;
        for (const text of texts) {
          for (const name of others) expect(text, `${read.source} names a voter`).not.toContain(name);
          if (!ownExport) expect(text, `${read.source} holds a choice`).not.toContain('GEHEIMER-GRUND');
        }
        for (const part of parts) {
          const o = part as Record<string, unknown>;
          if (o.type === 'vote.ballot_cast' && !ownExport) ballotEvents.push(part as StoredEvent);
          // D37: while the vote is open nobody sees a count of choices, at no moment.
          if ('resultsVisible' in o && o.status === 'open') expect([o.tally, o.resultsVisible, o.participation], read.source).toEqual([null, false, null]);
        }
      }
    }
    expect(ballotEvents.length).toBeGreaterThanOrEqual(4 * everyone.length);

    // D39: each one carries nobody, at the minute; D40: its hash cannot be tested against guesses.
    const stored = new Map((await server.storage.readEvents(DEMO_WORKSPACE_ID, 0)).map((e) => [e.seq, e]));
    for (const event of ballotEvents) {
      expect(event.at).toMatch(/:00\.000Z$/);
      expect(guessesThatOpen(server.auditKeys, event, stored), `seq ${event.seq}`).toEqual([]);
    }

    // The log itself is whole: the server still verifies every link of the stored chain.
    const verified = await request(server, 'GET', `/api/workspaces/${DEMO_WORKSPACE_ID}/admin/audit/verify`, { cookie: stefan.cookie });
    expect(verified.body).toEqual({ ok: true, checked: stored.size });
    // After close the result is there for everyone, as a count (D38: how many voted, not who).
    const closedView = voteViewsSchema.parse((await request(server, 'GET', votesPath, { cookie: markus.cookie })).body).find((x) => x.id === voteId);
    expect(closedView).toMatchObject({ status: 'closed', tally: { options: { agree: 0, abstain: 1, disagree: 1, block: 1 } }, participation: null, turnout: { people: 3, partners: 3 } });
    // The voter still sees, and may change, their own ballot (D32).
    const own = voteViewsSchema.parse((await request(server, 'GET', votesPath, { cookie: anna.cookie })).body).find((x) => x.id === voteId);
    expect(own?.ownBallot).toMatchObject({ personId: person('anna').id, choice: position('abstain') });
  });

  it('D37 an anonymous vote with live results, or results after the own ballot, is refused at opening and nothing is stored', async () => {
    const server = await startTestServer();
    open.push(server);
    const claudia = await reader(server, 'claudia');
    for (const visibility of ['live', 'after_own_ballot'] as const) {
      const answer = await submit(claudia.socket, v.open(proposalSettings([CARD], { counting: 'person', anonymous: true, visibility })));
      expect(answer.ok ? 'accepted' : `${answer.error.code}:${answer.error.reason ?? 'no reason'}`).toBe('invalid_payload:anonymous_needs_after_close');
    }
    expect(voteViewsSchema.parse((await request(server, 'GET', votesPath, { cookie: claudia.cookie })).body)).toEqual([]);
  });

  it('D34 D40 a sealed ballot of a vote with hidden results cannot be opened through its hash either', async () => {
    const server = await startTestServer();
    open.push(server);
    const claudia = await reader(server, 'claudia');
    const anna = await reader(server, 'anna');
    const voteId = nextId();
    await submit(claudia.socket, v.open(proposalSettings([CARD], { visibility: 'after_close' }), voteId));
    const cast = await submit(anna.socket, v.cast(voteId, position('block')));
    if (!cast.ok) throw new Error(cast.error.message);
    await eventually(() => JSON.stringify(claudia.packets.map((p) => p.body)).includes('vote.ballot_cast'));
    const received = claudia.packets.flatMap((p) => partsAbout(p.body, voteId)).filter((e): e is StoredEvent => (e as StoredEvent).type === 'vote.ballot_cast');
    expect(received).toHaveLength(1);
    const stored = new Map((await server.storage.readEvents(DEMO_WORKSPACE_ID, 0)).map((e) => [e.seq, e]));
    for (const event of [...received, ...cast.value.events]) expect(guessesThatOpen(server.auditKeys, event, stored)).toEqual([]);
  });
});
