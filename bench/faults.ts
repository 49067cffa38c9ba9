/**
 * `pnpm bench:faults`: the full-size fault suite (a bounded run of the same drivers is part of
 * `pnpm test`, in server/src/faults). Writes bench/results/faults-kill9.json, faults-doc-kill9.json
 * and faults-hostile.json; `--kill9`, `--docs` or `--hostile` runs only that part.
 */
import { execFileSync } from 'node:child_process';
import { runDocKill9, type DocKill9Report } from './lib/faults/doc-kill9.js';
import { runHostile } from './lib/faults/hostile.js';
import { runKill9 } from './lib/faults/kill9.js';
import { REPO_ROOT } from './lib/proc.js';
import { writeResult } from './lib/report.js';

const only = (['kill9', 'docs', 'hostile'] as const).find((part) => process.argv.includes(`--${part}`)) ?? null;
const runs = (part: 'kill9' | 'docs' | 'hostile') => only === null || only === part;
const log = (line: string) => console.log(line);

console.log('Building the server (tsc -b server) ...');
execFileSync(process.execPath, [`${REPO_ROOT}node_modules/typescript/bin/tsc`, '-b', 'server'], { cwd: REPO_ROOT, stdio: 'inherit' });

let ok = true;
if (runs('kill9')) {
  const started = performance.now();
  const report = await runKill9({ rounds: 20, seed: 20_261_128, editors: 10, rate: 200, mode: 'dist', log });
  writeResult('faults-kill9', report, { seconds: Math.round((performance.now() - started) / 1000) });
  console.log(`kill -9: ${report.rounds.length} rounds, ${report.ok ? 'no acknowledged command lost or duplicated, chain intact, all converged' : 'FAILED'}`);
  ok &&= report.ok;
}
if (runs('docs')) {
  const started = performance.now();
  const report = await runDocKill9({ rounds: 20, seed: 20_261_204, typists: 8, rate: 10, compactAfterUpdates: 50, mode: 'dist', log });
  writeResult('faults-doc-kill9', report, { seconds: Math.round((performance.now() - started) / 1000) });
  console.log(docSummary(report));
  ok &&= report.ok;
}
if (runs('hostile')) {
  const started = performance.now();
  const report = await runHostile({ payloads: 50_000, flood: 5_000, seed: 42, mode: 'dist', log });
  writeResult('faults-hostile', report, { seconds: Math.round((performance.now() - started) / 1000) });
  if (report.failures.length > 0) console.log(report.failures.slice(0, 10).join('\n'));
  console.log(`hostile input: ${report.ok ? 'passed' : 'FAILED'}`);
  ok &&= report.ok;
}
process.exitCode = ok ? 0 : 1;

function docSummary(report: DocKill9Report): string {
  const { rounds } = report;
  const sum = (pick: (r: DocKill9Report['rounds'][number]) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const restarts = rounds.map((r) => r.restartMs).sort((a, b) => a - b);
  return (
    `documents under kill -9: ${rounds.length} rounds, ${rounds.at(-1)?.acknowledged ?? 0} tokens acknowledged before the last kill, ` +
    `${sum((r) => r.inFlight)} updates in flight at the kills (${sum((r) => r.inFlightStored)} already stored), ${sum((r) => r.resent)} resent, ` +
    `${sum((r) => r.offline)} tokens typed offline, ${rounds.filter((r) => r.compacted).length} rounds with a compaction, ` +
    `restart median ${Math.round(restarts[Math.floor(restarts.length / 2)] ?? 0)} ms, max ${Math.round(restarts.at(-1) ?? 0)} ms: ` +
    `${report.ok ? 'no acknowledged token lost, none twice, all converged' : 'FAILED'}`
  );
}
