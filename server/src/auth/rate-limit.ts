/** Token buckets by key: `capacity` requests at once, refilled at `perSecond`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds until the next token. */
  take(key: string): number {
    const bucket = this.refill(key);
    if (bucket.tokens < 1) return this.wait(bucket.tokens);
    bucket.tokens -= 1;
    return 0;
  }

  /** The seconds until a token is available, without taking one. */
  retryAfter(key: string): number {
    const bucket = this.refill(key);
    return bucket.tokens < 1 ? this.wait(bucket.tokens) : 0;
  }

  private wait(tokens: number): number {
    return Math.max(1, Math.ceil((1 - tokens) / this.perSecond));
  }

  private refill(key: string): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.prune(now);
    return bucket;
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** Full buckets carry no information; dropping them bounds memory under address floods. */
  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(key);
    }
  }
}
