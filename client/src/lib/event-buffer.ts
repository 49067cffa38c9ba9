import type { StoredEvent } from '@verbund/shared/events';

export type Ingested = {
  /** Events that continue the confirmed state without a hole, in seq order. */
  ready: StoredEvent[];
  /** Events from beyond a hole, kept until the hole is filled. */
  buffered: StoredEvent[];
};

/**
 * Sorts newly arrived events against the last applied seq: drops what is already known (sync rule:
 * every event applies once), releases the contiguous run and holds back the rest.
 */
export function ingestEvents(currentSeq: number, buffered: readonly StoredEvent[], incoming: readonly StoredEvent[]): Ingested {
  const bySeq = new Map<number, StoredEvent>();
  for (const event of [...buffered, ...incoming]) {
    if (event.seq > currentSeq && !bySeq.has(event.seq)) bySeq.set(event.seq, event);
  }
  const ready: StoredEvent[] = [];
  let next = currentSeq + 1;
  while (bySeq.has(next)) {
    const event = bySeq.get(next);
    if (event) ready.push(event);
    bySeq.delete(next);
    next += 1;
  }
  const rest = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  return { ready, buffered: rest };
}
