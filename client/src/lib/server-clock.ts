import { create } from 'zustand';
import { serverTimeSchema } from '@verbund/shared/protocol';
import type { VerbundSocket } from './socket';

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

type ServerClockState = { offsetMs: number; setOffset: (offsetMs: number) => void };
export const useServerClock = create<ServerClockState>((set) => ({ offsetMs: 0, setOffset: (offsetMs) => set({ offsetMs }) }));

/** The server's clock as this client estimates it (M34). */
export const serverNow = (offsetMs = useServerClock.getState().offsetMs): number => Date.now() + offsetMs;

const SAMPLES = 5;

function sampleOnce(socket: VerbundSocket): Promise<ClockSample | null> {
  const sentAt = Date.now();
  return socket
    .timeout(5_000)
    .emitWithAck('time:sync')
    .then(
      (raw: unknown) => {
        const answer = serverTimeSchema.safeParse(raw);
        return answer.success ? { sentAt, serverNow: answer.data.serverNow, receivedAt: Date.now() } : null;
      },
      () => null,
    );
}

/** Asks the server's clock a few times, one after the other, and keeps the best estimate (on every connect). */
export async function syncServerClock(socket: VerbundSocket): Promise<void> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < SAMPLES && socket.connected; i++) {
    const sample = await sampleOnce(socket);
    if (sample) samples.push(sample);
  }
  if (samples.length > 0) useServerClock.getState().setOffset(bestOffset(samples));
}
