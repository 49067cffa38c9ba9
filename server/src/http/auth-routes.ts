import { Router, type RequestHandler } from 'express';
import { appError, invalidPayload } from '@verbund/shared/errors';
import { loginBodySchema } from '@verbund/shared/http';
import { describeAccount } from '../auth/identity.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../auth/passwords.js';
import { RateLimiter } from '../auth/rate-limit.js';
import { recordSecurityEvent } from '../auth/security-log.js';
import { accountOf } from './bind-workspace.js';
import { sendError } from './errors.js';
import type { HttpContext } from './http-context.js';

/** Failed sign-ins: 10 per account and 50 per address, refilled over 15 minutes. */
const FAILURE_WINDOW_S = 15 * 60;

export function authRoutes(ctx: HttpContext): Router {
  const router = Router();
  // The injected clock, like sessions and invitations: one notion of time for the whole server.
  const now = () => ctx.clock().getTime();
  const perAccount = new RateLimiter(10, 10 / FAILURE_WINDOW_S, now);
  const perAddress = new RateLimiter(50, 50 / FAILURE_WINDOW_S, now);
  const security = (kind: Parameters<typeof recordSecurityEvent>[2], accountId: string | null, address: string) =>
    recordSecurityEvent(ctx.storage, ctx.clock(), kind, accountId, address, ctx.log);

  router.post('/login', async (req, res) => {
    const parsed = loginBodySchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, invalidPayload(parsed.error, 'sign-in'));
    const email = parsed.data.email.toLowerCase();
    const address = req.ip ?? 'unknown';
    const account = await ctx.storage.findAccountByEmail(email);
    const wait = Math.max(perAccount.retryAfter(email), perAddress.retryAfter(address));
    if (wait > 0) {
      security('sign_in_rate_limited', account?.id ?? null, address);
      return sendError(res, appError('rate_limited', 'too many failed sign-in attempts'), wait);
    }
    const valid = await verifyPassword(parsed.data.password, account?.passwordHash || (await DUMMY_HASH_PROMISE));
    if (!account || !valid) {
      perAccount.take(email);
      perAddress.take(address);
      security('sign_in_failed', account?.id ?? null, address);
      return sendError(res, appError('unauthenticated', 'email or password is wrong'));
    }
    perAccount.forget(email);
    security('sign_in_succeeded', account.id, address);
    res.setHeader('Set-Cookie', ctx.sessions.cookie(await ctx.sessions.start(account.id)));
    res.json(await describeAccount(account, ctx.engines));
  });

  router.post('/logout', async (req, res) => {
    await ctx.sessions.endToken(ctx.sessions.tokenFrom(req.headers.cookie));
    res.setHeader('Set-Cookie', ctx.sessions.clearedCookie());
    res.status(204).end();
  });

  router.get('/me', requireAccount(ctx), async (_req, res) => {
    res.json(await describeAccount(accountOf(res), ctx.engines));
  });

  return router;
}

/** 401 unless the request carries a live session; puts the account on `res.locals.account`. */
export function requireAccount(ctx: HttpContext): RequestHandler {
  return async (req, res, next) => {
    const live = await ctx.sessions.resolve(ctx.sessions.tokenFrom(req.headers.cookie));
    if (!live) return sendError(res, appError('unauthenticated', 'please sign in'));
    res.locals.account = live.account;
    res.locals.sessionHash = live.session.tokenHash;
    next();
  };
}
