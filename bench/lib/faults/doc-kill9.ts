import * as Y from 'yjs';
import { DocProvider } from '../../../shared/src/doc-provider.js';
import { docIdOf } from '../../../shared/src/docs.js';
import { openSqliteStorage } from '../../../server/src/storage/sqlite-storage.js';
import { connectSocket, type VerbundSocket } from '../clients.js';
import { readOne, watchDocUpdates } from '../doc-targets.js';
import { sleep, waitFor } from '../stats.js';
import { killMoment, openCrashSite, seededRandom, type CrashSite } from './crash-site.js';

export type DocKill9Options = {
  rounds: number;
  /** Seeds the kill moments and where tokens go, so a failing run can be repeated. */
  seed: number;
  typists: number;
  /** Tokens per second per typist; all type at the same tick, so their tokens are concurrent (the hard case). */
  rate: number;
  /** The server's DOC_COMPACT_AFTER_UPDATES: low, so that kills also land during compaction (Y11). */
  compactAfterUpdates: number;
  mode: 'dist' | 'source';
  log?: (line: string) => void;
};

export type DocKill9Round = {
  round: number;
  killedAfterMs: number;
  /** Tokens acknowledged before this kill, in the whole run (the provider settled after they were typed). */
  acknowledged: number;
  /** Tokens typed before the kill and not acknowledged yet (sent or still queued at the provider). */
  unacknowledged: number;
  /** Updates sent and unanswered at the kill; resent under the same ids after the restart. */
  inFlight: number;
  /** Of those, already stored at the kill (the ack was lost): the retry must be recognised by its id (Y4). */
  inFlightStored: number;
  /** Updates sent again under an id they had been sent with before. */
  resent: number;
  /** Typed while the server was down, held by the providers. */
  offline: number;
  /** Stored updates after the snapshot at the kill, and whether a compaction ran since the last kill. */
  updatesSinceSnapshot: number;
  compacted: boolean;
  lost: string[];
  duplicated: string[];
  restartMs: number;
  /** Every typist shows the same text, the stored document is that text, and it holds every token typed. */
  converged: boolean;
};

export type DocKill9Report = { seed: number; rounds: DocKill9Round[]; ok: boolean };

/** The shape Tiptap's Collaboration reads (Y8): fragment `default`, paragraphs holding texts. */
const FIELD = 'default';
const TOKEN = /⟨t\d+-\d+⟩/g;

/** One person at an editor: a real socket.io client with the shared DocProvider on one document. */
type Typist = {
  index: number;
  socket: VerbundSocket;
  provider: DocProvider;
  typed: string[];
  /** Sent updates by id, until answered. */
  unanswered: Map<string, Uint8Array>;
  /** How often each update id was sent. */
  sends: Map<string, number>;
};

/**
 * Typists write unique tokens into the same paragraph of one document while the server is killed
 * with SIGKILL at random moments, compacting as it goes. After each kill, read straight from the
 * SQLite file: every acknowledged token is stored exactly once (Y3, Y4). After the restart, the
 * providers resend what was not acknowledged under the same ids, and all texts and the stored one
 * converge on every token typed, once each (Y4, Y10, Y11).
 */
export async function runDocKill9(options: DocKill9Options): Promise<DocKill9Report> {
  const log = options.log ?? (() => undefined);
  // Two generators: where tokens go depends on timing, so it must not shift the kill moments.
  const random = seededRandom(options.seed);
  const places = seededRandom(options.seed + 1);
  const site = await openCrashSite({
    seed: { accounts: options.typists, positions: 1 },
    env: { DOC_COMPACT_AFTER_UPDATES: String(options.compactAfterUpdates) },
    mode: options.mode,
  });
  const docId = docIdOf('position', site.seeded.positionIds[0] ?? '');
  const rounds: DocKill9Round[] = [];
  let typists: Typist[] = [];
  try {
    typists = await openTypists(site, docId, options.typists);
    const run: Run = { site, docId, typists, acknowledged: new Set(), lastSnapshot: null };
    for (let round = 1; round <= options.rounds; round++) {
      const storm = setInterval(() => {
        for (const typist of typists) typeToken(typist, places, run.acknowledged);
      }, 1000 / options.rate);
      try {
        const result = await killAndRestart(run, round, killMoment(random), () => clearInterval(storm));
        rounds.push(result);
        log(
          `doc round ${round}: killed after ${result.killedAfterMs} ms, ${result.acknowledged} acknowledged, ${result.unacknowledged} not yet, ` +
            `${result.inFlight} updates in flight (${result.inFlightStored} of them stored), ${result.resent} resent, ${result.offline} typed offline, ` +
            `${result.updatesSinceSnapshot} updates since the snapshot${result.compacted ? ' (compacted)' : ''}, lost ${result.lost.length}, ` +
            `duplicated ${result.duplicated.length}, restart ${Math.round(result.restartMs)} ms, ${result.converged ? 'converged' : 'NOT converged'}`,
        );
      } finally {
        clearInterval(storm);
      }
    }
  } finally {
    for (const t of typists) {
      t.provider.destroy();
      t.socket.disconnect();
    }
    await site.close();
  }
  const ok = rounds.every((r) => r.lost.length === 0 && r.duplicated.length === 0 && r.converged);
  return { seed: options.seed, rounds, ok };
}

type Run = { site: CrashSite; docId: string; typists: Typist[]; acknowledged: Set<string>; lastSnapshot: string | null };

/** One round while the typists type: the kill, the checks on the file, the restart and the checks once all have caught up. */
async function killAndRestart(run: Run, round: number, killedAfterMs: number, stopTyping: () => void): Promise<DocKill9Round> {
  const { site, docId, typists, acknowledged } = run;
  const typedBefore = typed(typists).length;
  await sleep(killedAfterMs);
  await site.kill();
  const typedAtKill = typed(typists);
  const acknowledgedAtKill = acknowledged.size;
  const unacknowledged = typedAtKill.filter((t) => !acknowledged.has(t)).length;
  const inFlight = typists.flatMap((t) => [...t.unanswered.values()]);
  const resentBefore = resentCount(typists);

  const stored = await readStored(site, docId);
  const atKill = check(stored.text, [...acknowledged]);
  await waitFor(() => typists.every((t) => !t.socket.connected), 5_000);
  const restartMs = await site.restart();
  await Promise.all(typists.map((t) => reconnect(t.socket)));
  stopTyping();
  const offline = typed(typists).length - typedAtKill.length;
  const converged = await convergence(site, docId, typists);
  const after = check(converged.stored.text, typed(typists));
  const compacted = stored.snapshot !== run.lastSnapshot;
  run.lastSnapshot = stored.snapshot;
  return {
    round,
    killedAfterMs,
    acknowledged: acknowledgedAtKill,
    unacknowledged,
    inFlight: inFlight.length,
    inFlightStored: inFlight.filter((update) => covers(stored.stateVector, update)).length,
    resent: resentCount(typists) - resentBefore,
    offline,
    updatesSinceSnapshot: stored.updates,
    compacted,
    lost: [...atKill.lost, ...after.lost, ...converged.lost],
    duplicated: [...atKill.duplicated, ...after.duplicated, ...ledger(site, docId, typists)],
    restartMs,
    converged: converged.ok && typed(typists).length > typedBefore,
  };
}

/** Opens the document for every typist; the first writes the paragraph's text, so all type into one Y.XmlText. */
async function openTypists(site: CrashSite, docId: string, count: number): Promise<Typist[]> {
  const typists = await Promise.all(
    Array.from({ length: count }, async (_, index): Promise<Typist> => {
      const socket = await connectSocket(site.server.url, site.seeded.cookies[index] ?? '', site.seeded.workspaceId);
      const unanswered = new Map<string, Uint8Array>();
      const sends = new Map<string, number>();
      const watched = watchDocUpdates(socket, ({ updateId, update }) => {
        sends.set(updateId, (sends.get(updateId) ?? 0) + 1);
        unanswered.set(updateId, update);
        return () => void unanswered.delete(updateId);
      });
      const provider = new DocProvider(watched, docId);
      await provider.settled();
      return { index, socket, provider, typed: [], unanswered, sends };
    }),
  );
  const first = typists[0];
  if (!first) throw new Error('at least one typist');
  const paragraph = first.provider.doc.getXmlFragment(FIELD).get(0);
  if (!(paragraph instanceof Y.XmlElement)) throw new Error(`${docId} was not seeded with a paragraph (Y15)`);
  paragraph.insert(0, [new Y.XmlText('')]);
  await first.provider.settled();
  if (!(await waitFor(() => typists.every((t) => paragraphText(t.provider.doc) !== null), 10_000))) throw new Error('the text did not reach every typist');
  return typists;
}

const paragraphText = (doc: Y.Doc): Y.XmlText | null => {
  const paragraph = doc.getXmlFragment(FIELD).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
};

/**
 * Types the typist's next token at a token boundary chosen at random (start, end or between two
 * tokens), never inside one, so each token stays whole whatever the others do concurrently.
 */
function typeToken(typist: Typist, random: () => number, acknowledged: Set<string>): void {
  const text = paragraphText(typist.provider.doc);
  if (!text) return;
  const token = `⟨t${typist.index}-${typist.typed.length}⟩`;
  const plain = text.toJSON();
  const boundaries = [0];
  for (let i = plain.indexOf('⟩'); i !== -1; i = plain.indexOf('⟩', i + 1)) boundaries.push(i + 1);
  text.insert(boundaries[Math.floor(random() * boundaries.length)] ?? 0, token);
  typist.typed.push(token);
  const upTo = typist.typed.length;
  // Settled means every local change so far is stored (Y3): this token and all before it.
  void typist.provider.settled().then(() => {
    for (const t of typist.typed.slice(0, upTo)) acknowledged.add(t);
  });
}

const typed = (typists: Typist[]): string[] => typists.flatMap((t) => t.typed);
const resentCount = (typists: Typist[]): number => typists.reduce((sum, t) => [...t.sends.values()].reduce((s, n) => s + n - 1, sum), 0);

/**
 * Compaction merges rows out of sight, so the count is checked instead: every update the document
 * ever stored took a seq, and once all are acknowledged that is one per update id sent, plus the seed (Y4, Y8).
 */
function ledger(site: CrashSite, docId: string, typists: Typist[]): string[] {
  const { workspaceId } = site.seeded;
  const stored = Number(readOne(site.dbFile, 'SELECT last_seq FROM docs WHERE workspace_id = ? AND doc_id = ?', workspaceId, docId));
  const ids = Number(readOne(site.dbFile, 'SELECT count(*) FROM doc_update_ids WHERE workspace_id = ? AND doc_id = ?', workspaceId, docId));
  const sent = 1 + typists.reduce((sum, t) => sum + t.sends.size, 0);
  return stored === ids && ids === sent ? [] : [`${stored} updates stored under ${ids} ids for ${sent} ids sent`];
}

/** Whether a document with state vector `stateVector` holds everything `update` inserts. */
function covers(stateVector: Map<number, number>, update: Uint8Array): boolean {
  const { to } = Y.parseUpdateMeta(update);
  return to.size > 0 && [...to].every(([client, clock]) => (stateVector.get(client) ?? 0) >= clock);
}

/** The same socket.io client connects again (as the app's does after a server restart); the provider re-opens on `connect`. */
function reconnect(socket: VerbundSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
    socket.connect();
  });
}

type StoredText = { text: string; stateVector: Map<number, number>; snapshot: string | null; updates: number };

/** The stored document, rebuilt from snapshot and updates as the server would load it, read straight from the file. */
async function readStored(site: CrashSite, docId: string): Promise<StoredText> {
  const storage = openSqliteStorage(site.dbFile);
  try {
    const stored = await storage.readDoc(site.seeded.workspaceId, docId);
    if (!stored) throw new Error(`${docId} is not stored`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((u) => u.update)]));
    const text = doc.getXmlFragment(FIELD).toJSON();
    const stateVector = Y.decodeStateVector(Y.encodeStateVector(doc));
    doc.destroy();
    return { text, stateVector, snapshot: stored.snapshot ? Buffer.from(stored.snapshot).toString('base64') : null, updates: stored.updates.length };
  } finally {
    await storage.close();
  }
}

/** Which of `expected` the text lacks, and which tokens it holds more than once. */
function check(text: string, expected: string[]): { lost: string[]; duplicated: string[] } {
  const counts = new Map<string, number>();
  for (const [token] of text.matchAll(TOKEN)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return {
    lost: expected.filter((t) => !counts.has(t)),
    duplicated: [...counts].filter(([, c]) => c > 1).map(([t]) => t),
  };
}

/**
 * Waits until every provider has stored what it held and all texts are equal, then compares them
 * with the stored document (the server stays up; WAL lets this reader in beside it).
 */
async function convergence(site: CrashSite, docId: string, typists: Typist[]) {
  let settled = false;
  void Promise.all(typists.map((t) => t.provider.settled())).then(() => (settled = true));
  const done = await waitFor(() => settled, 20_000);
  const texts = () => typists.map((t) => t.provider.doc.getXmlFragment(FIELD).toJSON());
  const equal = done && (await waitFor(() => new Set(texts()).size === 1, 10_000));
  const stored = await readStored(site, docId);
  const all = typed(typists);
  const lost = texts().flatMap((text, i) => check(text, all).lost.map((t) => `${t} (typist ${i})`));
  return { ok: equal && stored.text === texts()[0], stored, lost: [...new Set(lost)] };
}
