import { mkdirSync, writeFileSync } from 'node:fs';
import { describeMachine } from './machine.js';

const RESULTS = new URL('../results/', import.meta.url);

/** Writes bench/results/<scenario>.json with the machine and the time it ran. */
export function writeResult(scenario: string, figures: unknown, notes: Record<string, unknown> = {}): void {
  mkdirSync(RESULTS, { recursive: true });
  const body = { scenario, ranAt: new Date().toISOString(), machine: describeMachine(), ...notes, figures };
  writeFileSync(new URL(`${scenario}.json`, RESULTS), `${JSON.stringify(body, null, 2)}\n`);
}
