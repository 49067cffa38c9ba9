import { describe, expect, it } from 'vitest';
import { runHostile } from '../../../bench/lib/faults/hostile.js';

/** The bounded run of the hostile-input suite; `pnpm bench:faults` sends 50,000 (docs/benchmarks.md). */
describe('hostile input', () => {
  it('answers 10,000 generated hostile payloads and a flood with typed errors or rate limits, and changes nothing', async () => {
    const report = await runHostile({ payloads: 10_000, flood: 1_000, seed: 42, mode: 'source' });
    expect(report.failures).toEqual([]);
    expect(report.crashed).toBe(false);
    expect(report.digestUnchanged).toBe(true);
    expect(report.heapAfterMb - report.heapBeforeMb).toBeLessThan(10);
    expect(report.sent.socket + report.sent.http).toBeGreaterThanOrEqual(10_000 - 300);
    expect(report.ok).toBe(true);
  }, 180_000);
});
