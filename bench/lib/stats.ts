/** A growable list of latency samples in milliseconds. */
export class Samples {
  private values = new Float64Array(1024);
  private size = 0;

  push(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
  }

  get count(): number {
    return this.size;
  }

  summary(): LatencySummary {
    const sorted = this.values.slice(0, this.size).sort();
    const at = (q: number) => (this.size === 0 ? NaN : (sorted[Math.min(this.size - 1, Math.ceil(q * this.size) - 1)] ?? NaN));
    return { count: this.size, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
  }
}

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number };

export const round = (value: number, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

export const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) && Number.isFinite(b) ? round(a / b, 2) : NaN);

export const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/** A plain text table: the header row, then one row per entry, columns padded. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? String(round(c, 2)) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `promise`, or a rejection saying what did not finish after `ms`: a bench step never hangs silently. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls until `predicate` holds; returns false after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs: number, everyMs = 10): Promise<boolean> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) return false;
    await sleep(everyMs);
  }
  return true;
}
