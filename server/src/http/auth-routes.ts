import { Router, type RequestHandler } from 'express';
import { appError, invalidPayload } from '@verbund/shared/errors';
import { loginBodySchema } from '@verbund/shared/http';
import { describeAccount } from '../auth/identity.js';
import { recordSecurityEvent } from '../auth/security-log.js';
import { accountOf } from './bind-workspace.js';
import { sendError, sendLimited } from './errors.js';
import type { HttpContext } from './http-context.js';
import { sendAnswer } from './answer.js';

export function authRoutes(ctx: HttpContext): Router {
  const router = Router();
  const security = (kind: Parameters<typeof recordSecurityEvent>[2], accountId: string | null, address: string) =>
    recordSecurityEvent(ctx.storage, ctx.clock(), kind, accountId, address, ctx.log);

  router.post('/login', async (req, res) => {
    const parsed = loginBodySchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, invalidPayload(parsed.error, 'sign-in'));
    const email = parsed.data.email.toLowerCase();
    const address = req.ip ?? 'unknown';
    const account = await ctx.storage.findAccountByEmail(email);
    const checked = await ctx.passwords.check(email, address, parsed.data.password, account?.passwordHash || null);
    if (checked.kind === 'limited') {
      security('sign_in_rate_limited', account?.id ?? null, address);
      return sendLimited(res, checked);
    }
    if (checked.kind === 'wrong' || !account) {
      security('sign_in_failed', account?.id ?? null, address);
      return sendError(res, appError('unauthenticated', 'email or password is wrong'));
    }
    if (checked.rehashed) await ctx.storage.updatePassword(account.id, checked.rehashed);
    security('sign_in_succeeded', account.id, address);
    res.setHeader('Set-Cookie', ctx.sessions.cookie(await ctx.sessions.start(account.id)));
    sendAnswer(res, await describeAccount(account, ctx.engines));
  });

  router.post('/logout', async (req, res) => {
    await ctx.sessions.endToken(ctx.sessions.tokenFrom(req.headers.cookie));
    res.setHeader('Set-Cookie', ctx.sessions.clearedCookie());
    res.status(204).end();
  });

  router.get('/me', requireAccount(ctx), async (_req, res) => {
    sendAnswer(res, await describeAccount(accountOf(res), ctx.engines));
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
