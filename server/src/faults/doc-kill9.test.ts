import { describe, expect, it } from 'vitest';
import { runDocKill9 } from '../../../bench/lib/faults/doc-kill9.js';

/** The bounded run of the documents' kill -9 suite; `pnpm bench:faults` runs more rounds (docs/benchmarks.md). */
describe('kill -9 while typists write in one paragraph (Y3 Y4 Y10 Y11)', () => {
  it('Y3 Y4 Y10 Y11: no acknowledged token lost, none twice, every token typed converges once, kills during compaction included (3 rounds)', async () => {
    const report = await runDocKill9({ rounds: 3, seed: 11, typists: 3, rate: 20, compactAfterUpdates: 20, mode: 'source' });
    for (const round of report.rounds) {
      expect(round.lost, `round ${round.round}: lost`).toEqual([]);
      expect(round.duplicated, `round ${round.round}: duplicated`).toEqual([]);
      expect(round.converged, `round ${round.round}: converged`).toBe(true);
    }
    expect(report.rounds).toHaveLength(3);
    expect(report.rounds.at(-1)?.acknowledged).toBeGreaterThan(0);
    expect(report.rounds.some((r) => r.compacted)).toBe(true);
  }, 60_000);
});
