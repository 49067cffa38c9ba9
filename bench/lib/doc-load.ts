import * as Y from 'yjs';
import { openMany } from './clients.js';
import type { DocConnection, DocPeer, DocTarget } from './doc-targets.js';
import { cpuShare, type ProcSample } from './proc.js';
import { Samples, sleep, waitFor, within, type LatencySummary } from './stats.js';

/** The shape Tiptap's Collaboration reads: fragment `default`, a paragraph holding a text. */
const FIELD = 'default';

export type TypingLoad = { typists: number; viewers: number; charsPerSecond: number; warmupMs: number; measureMs: number };

export type TypingFigures = {
  target: string;
  typists: number;
  viewers: number;
  keystrokes: number;
  shown: LatencySummary;
  ack: LatencySummary;
  /** Keystroke deliveries that had not arrived 5 s after the window closed. */
  lost: number;
  /** Update answers that were no acknowledgement (a rate limit, a refusal), by code; a typist must see none. */
  refused: Record<string, number>;
  serverCpu: number;
  serverRssMb: number;
  loadGenCpu: number;
  /** Every keystroke of the run (warm-up included) is in every client's text and in the stored one. */
  converged: boolean;
  storedBytesPer1000: number;
  /** The document tables' pages on disk (SQLite `dbstat`), per 1,000 keystrokes: keys, update ids and slack included. */
  diskBytesPer1000: number;
  /** What the server handed to its store, per 1,000 keystrokes, where it counts it (Hocuspocus rewrites the whole state). */
  writtenBytesPer1000: number | null;
};

const paragraphText = (doc: Y.Doc): Y.XmlText | undefined => {
  const paragraph = doc.getXmlFragment(FIELD).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  return text instanceof Y.XmlText ? text : undefined;
};

/**
 * `typists` people type `charsPerSecond` characters each into the same paragraph of one document
 * (at random places in it), `viewers` more watch. A keystroke is "shown" at a client when an update
 * carrying its Yjs id arrives there; each keystroke counts once per other client. Stops the target's
 * server at the end to read what it stored.
 */
export async function typing(target: DocTarget, load: TypingLoad): Promise<TypingFigures> {
  const count = load.typists + load.viewers;
  const connections: DocConnection[] = await within(openMany(count, (i) => target.connect(i)), 60_000, `${target.name}: connecting ${count} clients`);
  const peers: DocPeer[] = await within(
    openMany(count, (i) => connections[i]?.open(0) ?? Promise.reject(new Error('no connection'))),
    60_000,
    `${target.name}: ${count} clients opening the document`,
  );
  const typists = peers.slice(0, load.typists);
  const first = typists[0];
  if (!first) throw new Error('at least one typist');
  first.doc.transact(() => first.doc.getXmlFragment(FIELD).insert(0, [paragraphWith('')]));
  if (!(await waitFor(() => peers.every((p) => paragraphText(p.doc) !== undefined), 30_000))) throw new Error('the paragraph did not reach every client');

  /** Send time of each measured keystroke by Yjs client id and clock. */
  const sentAt = new Map<number, Map<number, number>>();
  const shown = new Samples();
  const acks = new Samples();
  let measuring = false;
  let measuredKeystrokes = 0;
  let delivered = 0;
  peers.forEach((peer) => {
    peer.doc.on('update', (update: Uint8Array) => {
      const now = performance.now();
      const meta = Y.parseUpdateMeta(update);
      for (const [client, to] of meta.to) {
        const times = sentAt.get(client);
        if (!times || client === peer.doc.clientID) continue;
        for (let clock = meta.from.get(client) ?? 0; clock < to; clock++) {
          const at = times.get(clock);
          if (at === undefined) continue;
          shown.push(now - at);
          delivered += 1;
        }
      }
    });
    peer.onAck((changedAt) => {
      if (!measuring) return;
      const now = performance.now();
      for (const at of changedAt) acks.push(now - at);
    });
  });

  let keystrokes = 0;
  const typed = typists.map(() => 0);
  const offsets = typists.map(() => Math.random() * 1000);
  const type = (peer: DocPeer) => {
    const text = paragraphText(peer.doc);
    if (!text) return;
    const clock = Y.getState(peer.doc.store, peer.doc.clientID);
    if (measuring) {
      let times = sentAt.get(peer.doc.clientID);
      if (!times) sentAt.set(peer.doc.clientID, (times = new Map<number, number>()));
      times.set(clock, performance.now());
      measuredKeystrokes += 1;
    }
    keystrokes += 1;
    text.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
  };

  const start = performance.now();
  let before: ProcSample | null = null;
  let cpuBefore: NodeJS.CpuUsage | null = null;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      if (!measuring && !before && now - start >= load.warmupMs) {
        before = target.server.sample();
        cpuBefore = process.cpuUsage();
        measuring = true;
      }
      if (now - start >= load.warmupMs + load.measureMs) {
        measuring = false;
        clearInterval(timer);
        resolve();
        return;
      }
      typists.forEach((peer, i) => {
        const due = Math.floor(((now - start + (offsets[i] ?? 0)) * load.charsPerSecond) / 1000);
        while ((typed[i] ?? 0) < due) {
          typed[i] = (typed[i] ?? 0) + 1;
          type(peer);
        }
      });
    }, 2);
  });
  const after = target.server.sample();
  const cpuUsed = process.cpuUsage(cpuBefore ?? undefined);
  const expected = measuredKeystrokes * (count - 1);
  await waitFor(() => delivered >= expected, 5_000, 50);
  const lost = Math.max(0, expected - delivered);
  const converged = await waitFor(() => peers.every((p) => (paragraphText(p.doc)?.length ?? -1) === keystrokes), 30_000, 100);
  const written = (await target.server.heap()).writtenBytes;
  const refused: Record<string, number> = {};
  for (const peer of peers) for (const [code, n] of peer.refusals) refused[code] = (refused[code] ?? 0) + n;
  for (const peer of peers) peer.close();
  for (const connection of connections) connection.close();
  // Stopped, so what a server keeps in memory or debounces is in its store before it is measured.
  await sleep(1_000);
  await target.server.stop();
  const stored = target.storedBytes(0);
  const disk = target.diskBytes();
  const measuredSeconds = load.measureMs / 1000;
  return {
    target: target.name,
    typists: load.typists,
    viewers: load.viewers,
    keystrokes: measuredKeystrokes,
    shown: shown.summary(),
    ack: acks.summary(),
    lost,
    refused,
    serverCpu: before ? cpuShare(before, after) : NaN,
    serverRssMb: after.rssBytes / 1024 / 1024,
    loadGenCpu: (cpuUsed.user + cpuUsed.system) / 1e6 / measuredSeconds,
    converged,
    storedBytesPer1000: (stored / keystrokes) * 1000,
    diskBytesPer1000: (disk / keystrokes) * 1000,
    writtenBytesPer1000: written === undefined ? null : (written / keystrokes) * 1000,
  };
}

function paragraphWith(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

export type DocMemoryFigures = { target: string; documents: number; rssPerDocKb: number; heapPerDocKb: number };

/**
 * Memory of open documents: `documents` clients connect, then each opens a document of its own and
 * writes `chars` characters into it; RSS and heap (after a full GC) before and after, per document.
 */
export async function memoryPerDocument(target: DocTarget, documents: number, chars: number): Promise<DocMemoryFigures> {
  const connections = await within(openMany(documents, (i) => target.connect(i)), 60_000, `${target.name}: connecting ${documents} clients`);
  await sleep(1_000);
  const before = await settledMemory(target);
  const peers = await within(
    openMany(documents, (i) => connections[i]?.open(i) ?? Promise.reject(new Error('no connection'))),
    60_000,
    `${target.name}: opening ${documents} documents`,
  );
  for (const peer of peers) peer.doc.transact(() => peer.doc.getXmlFragment(FIELD).insert(0, [paragraphWith('Die Partner fordern das Land auf, '.repeat(chars / 33))]));
  await sleep(3_000);
  const after = await settledMemory(target);
  for (const peer of peers) peer.close();
  for (const connection of connections) connection.close();
  return {
    target: target.name,
    documents,
    rssPerDocKb: (after.rss - before.rss) / 1024 / documents,
    heapPerDocKb: (after.heap - before.heap) / 1024 / documents,
  };
}

async function settledMemory(target: DocTarget): Promise<{ rss: number; heap: number }> {
  const report = await target.server.heap();
  await sleep(200);
  return { rss: target.server.sample().rssBytes, heap: report.heapUsed + report.external };
}

/** A history of `count` one-character updates, typed into a paragraph, as stored updates. */
export function typedHistory(count: number): { updates: Uint8Array[]; merged: Uint8Array } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getXmlFragment(FIELD).insert(0, [paragraphWith('')]);
  const text = paragraphText(doc);
  for (let i = 1; i < count; i++) text?.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { updates, merged };
}

/** Milliseconds from asking for document `n` to having it synced, on a fresh connection. */
export async function timeToOpen(target: DocTarget, n: number, timeoutMs = 60_000): Promise<number> {
  const connection = await within(target.connect(0), 20_000, `${target.name}: connecting to open document ${n}`);
  const start = performance.now();
  const peer = await within(connection.open(n), timeoutMs, `${target.name}: opening document ${n}`);
  const ms = performance.now() - start;
  peer.close();
  connection.close();
  return ms;
}
