import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { z } from 'zod';
import { commandSchema, type Command } from '@verbund/shared/commands';
import { appError, invalidPayload, type AppError } from '@verbund/shared/errors';

/** A budget: `burst` at once, refilled at `perSecond`. */
export type Budget = { burst: number; perSecond: number };

export type FloodSettings = {
  /** Commands per account, over every socket and HTTP together (COMMAND_BURST, COMMAND_RATE). */
  commands: Budget;
  /** Invalid commands per account: counted apart, so garbage never spends the budget of valid changes. */
  invalid: Budget;
  /** `sync:join` per account. */
  joins: Budget;
  /** `presence:update` per connection; over it, updates are dropped (presence is volatile). */
  presence: Budget;
  /** `doc:open` and `doc:update` per account (rule Y13); a client sends one update at a time, merged while it waits. */
  docs: Budget;
  /** `doc:awareness` per connection; over it, dropped like presence. */
  awareness: Budget;
  /** `session:focus` per connection (M48); over it, answered `rate_limited`. */
  focus: Budget;
};

export const DEFAULT_FLOOD: FloodSettings = {
  commands: { burst: 200, perSecond: 100 },
  invalid: { burst: 20, perSecond: 2 },
  joins: { burst: 20, perSecond: 2 },
  presence: { burst: 30, perSecond: 10 },
  docs: { burst: 200, perSecond: 100 },
  awareness: { burst: 30, perSecond: 15 },
  focus: { burst: 10, perSecond: 5 },
};

type Limiter = { consume: (key: string) => Promise<unknown> };

/** A steady rate plus a burst on top (rate-limiter-flexible's BurstyRateLimiter), so a retry after a second works. */
function budgetLimiter(name: string, budget: Budget, store: (o: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract): Limiter {
  const steady = store({ keyPrefix: `${name}-rate`, points: Math.max(1, Math.floor(budget.perSecond)), duration: 1 });
  const extra = Math.max(1, budget.burst - Math.floor(budget.perSecond));
  const burst = store({ keyPrefix: `${name}-burst`, points: extra, duration: Math.max(1, Math.ceil(extra / budget.perSecond)) });
  return new BurstyRateLimiter(steady, burst);
}

/** Seconds until the limiter lets `key` through again, or 0 when it let this one through. */
async function take(limiter: Limiter, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw refusal;
  }
}

export type Admission = { ok: true; command: Command } | { ok: false; error: AppError; retryAfter?: number };
type Admitted<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Flood control for one person (issue 8, item 5), the same for sockets and HTTP: one person cannot
 * exhaust the server by opening more connections or switching transports. The counters are
 * rate-limiter-flexible's in memory; several nodes pass a shared store.
 */
export class FloodControl {
  private readonly commands: Limiter;
  private readonly invalid: Limiter;
  private readonly joins: Limiter;
  private readonly presence: Limiter;
  private readonly docs: Limiter;
  private readonly awareness: Limiter;
  private readonly focus: Limiter;

  constructor(settings: FloodSettings, store: (o: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract = (o) => new RateLimiterMemory(o)) {
    this.commands = budgetLimiter('commands', settings.commands, store);
    this.invalid = budgetLimiter('invalid', settings.invalid, store);
    this.joins = budgetLimiter('joins', settings.joins, store);
    this.presence = budgetLimiter('presence', settings.presence, store);
    this.docs = budgetLimiter('docs', settings.docs, store);
    this.awareness = budgetLimiter('awareness', settings.awareness, store);
    this.focus = budgetLimiter('focus', settings.focus, store);
  }

  /**
   * Parses first, then counts: a valid command spends the person's command budget, an invalid one
   * only the separate budget for garbage (past it, answered `rate_limited` without being parsed).
   */
  async admitCommand(accountId: string, raw: unknown): Promise<Admission> {
    const parsed = commandSchema.safeParse(raw);
    if (!parsed.success) {
      const wait = await take(this.invalid, accountId);
      if (wait > 0) return { ok: false, error: appError('rate_limited', `too many invalid commands; retry in ${wait} s`), retryAfter: wait };
      return { ok: false, error: invalidPayload(parsed.error, 'command') };
    }
    const wait = await take(this.commands, accountId);
    if (wait > 0) return { ok: false, error: appError('rate_limited', `too many changes at once; retry in ${wait} s`), retryAfter: wait };
    return { ok: true, command: parsed.data };
  }

  /** A `doc:*` message, parsed first and counted like a command: garbage spends only the budget for garbage. */
  async admitDoc<S extends z.ZodType>(accountId: string, raw: unknown, schema: S, what: string): Promise<Admitted<z.output<S>>> {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const wait = await take(this.invalid, accountId);
      if (wait > 0) return { ok: false, error: appError('rate_limited', `too many invalid messages; retry in ${wait} s`) };
      return { ok: false, error: invalidPayload(parsed.error, what) };
    }
    const wait = await take(this.docs, accountId);
    if (wait > 0) return { ok: false, error: appError('rate_limited', `too many document changes at once; retry in ${wait} s`) };
    return { ok: true, value: parsed.data };
  }

  async admitAwareness(connectionId: string): Promise<boolean> {
    return (await take(this.awareness, connectionId)) === 0;
  }

  /** Seconds to wait before this person may join again (0: now). */
  admitJoin(accountId: string): Promise<number> {
    return take(this.joins, accountId);
  }

  async admitFocus(connectionId: string): Promise<boolean> {
    return (await take(this.focus, connectionId)) === 0;
  }

  async admitPresence(connectionId: string): Promise<boolean> {
    return (await take(this.presence, connectionId)) === 0;
  }
}
