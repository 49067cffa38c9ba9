import { openMany } from './clients.js';
import { mb, sleep } from './stats.js';
import type { LoadClient, LoadTarget } from './targets.js';

export type MemoryFigures = {
  target: string;
  clients: number;
  connectMs: number;
  rssIdleMb: number;
  rssLoadedMb: number;
  rssPerClientKb: number;
  heapPerClientKb: number;
};

/** RSS (after a full GC) with `count` idle, joined clients minus RSS with none, per client. */
export async function idleMemory(target: LoadTarget, count: number): Promise<MemoryFigures> {
  await sleep(500);
  const before = await settled(target);
  const start = performance.now();
  const clients: LoadClient[] = await openMany(count, (i) => target.open(i));
  const connectMs = performance.now() - start;
  // Presence lists go out coalesced within a second; let the write buffers drain too.
  await sleep(3_000);
  const after = await settled(target);
  for (const client of clients) client.close();
  return {
    target: target.name,
    clients: count,
    connectMs,
    rssIdleMb: mb(before.rss),
    rssLoadedMb: mb(after.rss),
    rssPerClientKb: (after.rss - before.rss) / 1024 / count,
    heapPerClientKb: (after.heap - before.heap) / 1024 / count,
  };
}

async function settled(target: LoadTarget): Promise<{ rss: number; heap: number }> {
  const report = await target.server.heap();
  await sleep(200);
  return { rss: target.server.sample().rssBytes, heap: report.heapUsed + report.external };
}
