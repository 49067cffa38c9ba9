import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { OneAtATime } from '../one-at-a-time.js';
import { DUMMY_HASH_PROMISE, hashPassword, needsRehash, verifyPassword } from './passwords.js';

export type PasswordGateSettings = {
  /** Password hashes running at once; each takes 128 MiB and a core for about 0.35 s. */
  maxConcurrent: number;
  /** Hashes that may wait for a slot; beyond that the answer is 429 at once. */
  maxWaiting: number;
  /** Failed attempts of one (account, address) pair before delays start. */
  freeFailures: number;
  /** The first delay; each further failure doubles it, up to `maxDelayS`. */
  baseDelayS: number;
  maxDelayS: number;
  /** Attempts from one address across all accounts per 15 minutes (password spraying). */
  perAddress: number;
};

export const DEFAULT_GATE: PasswordGateSettings = { maxConcurrent: 2, maxWaiting: 8, freeFailures: 10, baseDelayS: 60, maxDelayS: 3_600, perAddress: 100 };

export type Checked = { kind: 'ok'; rehashed: string | null } | { kind: 'wrong' } | { kind: 'limited'; retryAfter: number; reason: 'failures' | 'busy' };
export type Hashed = { kind: 'ok'; hash: string } | { kind: 'limited'; retryAfter: number; reason: 'busy' };

/** Failure counts are forgotten a day after the last one (or at once on success). */
const FAILURE_MEMORY_S = 24 * 60 * 60;
const ADDRESS_WINDOW_S = 15 * 60;

/**
 * The one path by which a password is checked (sign-in, password change, erasure) or hashed
 * (new accounts and passwords), issue 8 item 4. The limit is taken before the hash runs, so
 * parallel guesses count; it is kept per (account, address) pair with growing delays, so a
 * stranger's failures never lock the owner out of their own address; and at most a few hashes run
 * at once, so a sign-in storm cannot starve the rest of the server. The counters are
 * rate-limiter-flexible's; several nodes pass a shared store (`store`).
 */
export class PasswordGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly accounting = new OneAtATime();
  private readonly attempts: RateLimiterAbstract;
  private readonly cooldown: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(
    private readonly settings: PasswordGateSettings = DEFAULT_GATE,
    store: (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract = (o) => new RateLimiterMemory(o),
  ) {
    this.attempts = store({ keyPrefix: 'pw-attempts', points: Number.MAX_SAFE_INTEGER, duration: FAILURE_MEMORY_S });
    this.cooldown = store({ keyPrefix: 'pw-cooldown', points: 1, duration: 1 });
    this.perAddress = store({ keyPrefix: 'pw-address', points: settings.perAddress, duration: ADDRESS_WINDOW_S });
  }

  /**
   * Checks a password of `identity` (a lower-cased email or an account id) coming from `address`.
   * `stored` is null when there is no such account: the same work is done against a dummy hash.
   */
  async check(identity: string, address: string, password: string, stored: string | null): Promise<Checked> {
    const pair = `${identity}\n${address}`;
    const admitted = await this.admit(pair, address);
    if (admitted > 0) return { kind: 'limited', retryAfter: admitted, reason: 'failures' };
    const verdict = await this.slot(async () => {
      const valid = await verifyPassword(password, stored || (await DUMMY_HASH_PROMISE));
      return valid && stored ? { rehashed: needsRehash(stored) ? await hashPassword(password) : null } : null;
    });
    if (verdict === 'busy') {
      await this.attempts.reward(pair);
      await this.perAddress.reward(address);
      return { kind: 'limited', retryAfter: 1, reason: 'busy' };
    }
    if (!verdict) return { kind: 'wrong' };
    await Promise.all([this.attempts.delete(pair), this.cooldown.delete(pair), this.perAddress.reward(address)]);
    return { kind: 'ok', rehashed: verdict.rehashed };
  }

  /**
   * Counts the attempt before its hash runs, or answers the seconds to wait. One pair at a time on
   * this node, so parallel guesses cannot all pass the delay check before the one that sets it.
   */
  private admit(pair: string, address: string): Promise<number> {
    return this.accounting.run(pair, async () => {
      const wait = Math.max(await this.blockedFor(this.cooldown, pair), await this.blockedFor(this.perAddress, address, this.settings.perAddress));
      if (wait > 0) return wait;
      const started = (await this.attempts.penalty(pair)).consumedPoints;
      await this.perAddress.penalty(address);
      if (started >= this.settings.freeFailures) await this.cooldown.block(pair, this.delayAfter(started));
      return 0;
    });
  }

  /** Hashes a new password under the same cap on concurrent hashes. */
  async hash(password: string): Promise<Hashed> {
    const hash = await this.slot(() => hashPassword(password));
    return hash === 'busy' ? { kind: 'limited', retryAfter: 1, reason: 'busy' } : { kind: 'ok', hash };
  }

  private delayAfter(attempts: number): number {
    return Math.min(this.settings.maxDelayS, this.settings.baseDelayS * 2 ** (attempts - this.settings.freeFailures));
  }

  /** Seconds until `key` may try again (0: now). `limit` is the points after which it is over. */
  private async blockedFor(limiter: RateLimiterAbstract, key: string, limit = 1): Promise<number> {
    const res = await limiter.get(key);
    return res && res.consumedPoints > limit ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
  }

  private async slot<T>(work: () => Promise<T>): Promise<T | 'busy'> {
    if (this.running >= this.settings.maxConcurrent) {
      if (this.waiting.length >= this.settings.maxWaiting) return 'busy';
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` stays at its cap meanwhile.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
