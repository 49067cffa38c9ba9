import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openMany } from './clients.js';
import { cpuShare, type ProcSample } from './proc.js';
import { Samples, sleep, waitFor, type LatencySummary } from './stats.js';
import type { LoadClient, LoadTarget } from './targets.js';

export type FanoutLoad = { editors: number; rate: number; warmupMs: number; measureMs: number };

export type FanoutFigures = {
  target: string;
  clients: number;
  editors: number;
  rate: number;
  /** Commands sent in the measured window and deliveries expected from them. */
  sent: number;
  delivery: LatencySummary;
  ack: LatencySummary;
  /** Deliveries that had not arrived 5 s after the window closed. */
  lost: number;
  rejected: Record<string, number>;
  deliveriesPerSecond: number;
  serverCpu: number;
  serverRssMb: number;
  loadGenCpu: number;
  loadGenLagP99Ms: number;
};

type Sent = { at: number; sender: number; remaining: number; measured: boolean };

/** A board with connected clients, ready for one or more measured runs (a rate sweep reuses it). */
export class Board {
  private readonly sent = new Map<string, Sent>();
  private deliveries = new Samples();

  private constructor(
    readonly target: LoadTarget,
    readonly clients: LoadClient[],
    readonly connectMs: number,
  ) {
    clients.forEach((client, i) =>
      client.onEvents((events) => {
        const now = performance.now();
        for (const event of events) this.delivered(event.commandId, i, now);
      }),
    );
  }

  static async open(target: LoadTarget, count: number): Promise<Board> {
    const start = performance.now();
    const clients = await openMany(count, (i) => target.open(i));
    return new Board(target, clients, performance.now() - start);
  }

  close(): void {
    for (const client of this.clients) client.close();
  }

  /** Sends edits open-loop (never waiting for answers) at `rate` per second, round-robin over the editors. */
  async run(load: FanoutLoad): Promise<FanoutFigures> {
    const editors = this.clients.slice(0, Math.min(load.editors, this.clients.length));
    const receivers = this.clients.length - 1;
    const acks = new Samples();
    const rejected: Record<string, number> = {};
    this.deliveries = new Samples();
    let measuredSent = 0;
    let n = 0;
    const lag = monitorEventLoopDelay({ resolution: 5 });
    const start = performance.now();
    const measureFrom = start + load.warmupMs;
    const measureTo = measureFrom + load.measureMs;
    let before: ProcSample | null = null;
    let cpuBefore: NodeJS.CpuUsage | null = null;
    let peakRss = 0;

    const sendOne = () => {
      const index = n % editors.length;
      const editor = editors[index];
      if (!editor) return;
      const at = performance.now();
      const measured = at >= measureFrom && at < measureTo;
      if (measured) measuredSent += 1;
      const id = editor.send(n++, (ok, code) => {
        if (!measured) return;
        if (ok) acks.push(performance.now() - at);
        else rejected[code ?? 'unknown'] = (rejected[code ?? 'unknown'] ?? 0) + 1;
      });
      this.sent.set(id, { at, sender: index, remaining: receivers, measured });
    };

    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = performance.now();
        if (!before && now >= measureFrom) {
          before = this.target.server.sample();
          cpuBefore = process.cpuUsage();
          lag.enable();
        }
        if (now >= measureTo) {
          clearInterval(timer);
          resolve();
          return;
        }
        const due = Math.floor(((now - start) * load.rate) / 1000);
        while (n < due) sendOne();
      }, 1);
    });
    const after = this.target.server.sample();
    const cpuUsed = process.cpuUsage(cpuBefore ?? undefined);
    lag.disable();
    peakRss = Math.max(peakRss, after.rssBytes);
    const measuredSeconds = load.measureMs / 1000;
    const outstanding = () => [...this.sent.values()].filter((s) => s.measured).reduce((sum, s) => sum + s.remaining, 0);
    await waitFor(() => outstanding() === 0, 5_000, 50);
    const lost = outstanding();
    this.sent.clear();
    await sleep(200);
    return {
      target: this.target.name,
      clients: this.clients.length,
      editors: editors.length,
      rate: load.rate,
      sent: measuredSent,
      delivery: this.deliveries.summary(),
      ack: acks.summary(),
      lost,
      rejected,
      deliveriesPerSecond: this.deliveries.count / measuredSeconds,
      serverCpu: before ? cpuShare(before, after) : NaN,
      serverRssMb: peakRss / 1024 / 1024,
      loadGenCpu: (cpuUsed.user + cpuUsed.system) / 1e6 / measuredSeconds,
      loadGenLagP99Ms: lag.percentile(99) / 1e6,
    };
  }

  private delivered(commandId: string | null, receiver: number, now: number): void {
    if (!commandId) return;
    const sent = this.sent.get(commandId);
    // The sender's own echo is not a delivery to "every other client".
    if (!sent || sent.sender === receiver) return;
    if (sent.measured) this.deliveries.push(now - sent.at);
    sent.remaining -= 1;
    if (sent.remaining <= 0 && !sent.measured) this.sent.delete(commandId);
  }
}
