import { describe, expect, it } from 'vitest';
import { bestOffset, offsetOf } from './clock-offset.js';

describe('server clock offset (docs/session-rules.md, M34)', () => {
  it('M34 the offset is the server clock minus the midpoint of the round trip', () => {
    // Our clock is 10 s behind: sent at 1000, answered at 1100; the server read 11050 halfway.
    expect(offsetOf({ sentAt: 1_000, serverNow: 11_050, receivedAt: 1_100 })).toBe(10_000);
  });

  it('M34 of several samples the shortest round trip is trusted; none gives no offset', () => {
    const samples = [
      { sentAt: 0, serverNow: 10_400, receivedAt: 600 }, // slow: 10 100
      { sentAt: 1_000, serverNow: 11_020, receivedAt: 1_040 }, // fast: 10 000
      { sentAt: 2_000, serverNow: 11_900, receivedAt: 2_300 },
    ];
    expect(bestOffset(samples)).toBe(10_000);
    expect(bestOffset([])).toBe(0);
  });
});
