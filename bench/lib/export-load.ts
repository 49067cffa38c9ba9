import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './proc.js';
import { seedBenchData } from './seed.js';
import { Samples, sleep, type LatencySummary } from './stats.js';
import { LOAD_ENV } from './targets.js';

export type ExportLoadFigures = {
  events: number;
  exportMs: number;
  exportMb: number;
  healthIdle: LatencySummary;
  healthDuringExport: LatencySummary;
};

const PROBE_EVERY_MS = 20;

/**
 * Whether one person's data export (issue 8 item 5: streamed in pages) keeps the server answering
 * others: `/api/health` latency, probed every 20 ms, while idle and while an export of a long
 * history authored by that person runs.
 */
export async function exportUnderLoad(size: { cards: number; events: number }): Promise<ExportLoadFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verbund-bench-export-'));
  try {
    const seeded = await seedBenchData(dataDir, { accounts: 10, big: { ...size, snapshot: false } });
    const server = await spawnServer({ mode: 'dist', env: { DATA_DIR: dataDir, ...LOAD_ENV } });
    try {
      const probe = (until: () => boolean) => probeHealth(server.url, until);
      // The first answers pay for connection set-up and a cold JIT; they are not what is measured.
      for (let i = 0; i < 20; i++) await (await fetch(`${server.url}/api/health`)).arrayBuffer();
      let idleDone = false;
      const idle = probe(() => idleDone);
      await sleep(2_000);
      idleDone = true;
      const healthIdle = await idle;

      let exporting = true;
      const during = probe(() => !exporting);
      const start = performance.now();
      const res = await fetch(`${server.url}/api/account/export`, { headers: { cookie: seeded.cookies[0] ?? '' } });
      if (!res.ok) throw new Error(`export: HTTP ${res.status}`);
      const bytes = (await res.arrayBuffer()).byteLength;
      const exportMs = performance.now() - start;
      exporting = false;
      return { events: seeded.big?.seq ?? 0, exportMs, exportMb: bytes / 1024 / 1024, healthIdle, healthDuringExport: await during };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function probeHealth(url: string, done: () => boolean): Promise<LatencySummary> {
  const samples = new Samples();
  while (!done()) {
    const start = performance.now();
    await (await fetch(`${url}/api/health`)).arrayBuffer();
    samples.push(performance.now() - start);
    await sleep(PROBE_EVERY_MS);
  }
  return samples.summary();
}
