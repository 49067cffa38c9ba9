import { create } from 'zustand';
import { bestOffset, type ClockSample } from '@verbund/shared/clock-offset';
import { serverTimeSchema } from '@verbund/shared/protocol';
import type { VerbundSocket } from './socket';

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
