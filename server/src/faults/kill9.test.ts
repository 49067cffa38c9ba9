import { describe, expect, it } from 'vitest';
import { runKill9 } from '../../../bench/lib/faults/kill9.js';

/** The bounded run of the kill -9 suite; `pnpm bench:faults` runs 20 rounds (docs/benchmarks.md). */
describe('kill -9 under an edit storm', () => {
  it('loses and duplicates no acknowledged command, keeps the chain, and clients converge (3 rounds)', async () => {
    const report = await runKill9({ rounds: 3, seed: 7, editors: 5, rate: 150, mode: 'source' });
    for (const round of report.rounds) {
      expect(round.lost, `round ${round.round}: lost`).toEqual([]);
      expect(round.duplicated, `round ${round.round}: duplicated`).toEqual([]);
      expect(round.chainOk, `round ${round.round}: chain`).toBe(true);
      expect(round.converged, `round ${round.round}: converged`).toBe(true);
    }
    expect(report.rounds).toHaveLength(3);
    expect(report.rounds.at(-1)?.acknowledged).toBeGreaterThan(0);
  }, 120_000);
});
