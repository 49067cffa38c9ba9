/** The client's estimate of the server's clock (docs/session-rules.md, M34), pure; used by the app and the bench. */

/** One round trip of `time:sync`: when it was sent and answered on our clock, and the server's clock between. */
export type ClockSample = { sentAt: number; serverNow: number; receivedAt: number };

/**
 * NTP's estimate: the server read its clock halfway through the round trip, so our clock then was
 * the midpoint; the difference is the offset (add it to ours to get the server's). Wrong by at most
 * half the round trip, which is why the shortest round trip is the one trusted.
 */
export const offsetOf = (sample: ClockSample): number => sample.serverNow - (sample.sentAt + sample.receivedAt) / 2;

/** The offset of the sample with the shortest round trip, or 0 with none. */
export function bestOffset(samples: readonly ClockSample[]): number {
  const best = [...samples].sort((a, b) => a.receivedAt - a.sentAt - (b.receivedAt - b.sentAt))[0];
  return best ? offsetOf(best) : 0;
}
