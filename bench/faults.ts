/**
 * `pnpm bench:faults`: the full-size fault suite (a bounded run of the same drivers is part of
 * `pnpm test`, in server/src/faults). Writes bench/results/faults-kill9.json and faults-hostile.json.
 */
import { execFileSync } from 'node:child_process';
import { runHostile } from './lib/faults/hostile.js';
import { runKill9 } from './lib/faults/kill9.js';
import { REPO_ROOT } from './lib/proc.js';
import { writeResult } from './lib/report.js';

const only = process.argv.includes('--kill9') ? 'kill9' : process.argv.includes('--hostile') ? 'hostile' : null;
const log = (line: string) => console.log(line);

console.log('Building the server (tsc -b server) ...');
execFileSync(process.execPath, [`${REPO_ROOT}node_modules/typescript/bin/tsc`, '-b', 'server'], { cwd: REPO_ROOT, stdio: 'inherit' });

let ok = true;
if (only !== 'hostile') {
  const started = performance.now();
  const report = await runKill9({ rounds: 20, seed: 20_261_128, editors: 10, rate: 200, mode: 'dist', log });
  writeResult('faults-kill9', report, { seconds: Math.round((performance.now() - started) / 1000) });
  console.log(`kill -9: ${report.rounds.length} rounds, ${report.ok ? 'no acknowledged command lost or duplicated, chain intact, all converged' : 'FAILED'}`);
  ok &&= report.ok;
}
if (only !== 'kill9') {
  const started = performance.now();
  const report = await runHostile({ payloads: 50_000, flood: 5_000, seed: 42, mode: 'dist', log });
  writeResult('faults-hostile', report, { seconds: Math.round((performance.now() - started) / 1000) });
  if (report.failures.length > 0) console.log(report.failures.slice(0, 10).join('\n'));
  console.log(`hostile input: ${report.ok ? 'passed' : 'FAILED'}`);
  ok &&= report.ok;
}
process.exitCode = ok ? 0 : 1;
