import { Router, type Response } from 'express';
import { appError, invalidPayload } from '@verbund/shared/errors';
import { changePasswordBodySchema, type SessionInfo } from '@verbund/shared/http';
import { describeAccount } from '../auth/identity.js';
import { recordSecurityEvent } from '../auth/security-log.js';
import { requireAccount } from './auth-routes.js';
import { accountOf } from './bind-workspace.js';
import { sendError, sendLimited } from './errors.js';
import type { HttpContext } from './http-context.js';

const currentTokenHash = (res: Response) => (res.locals.sessionHash as string | undefined) ?? '';

/** The signed-in person's own account: password, sessions, security events, and their data (DSGVO Art. 15/20). */
export function accountRoutes(ctx: HttpContext): Router {
  const router = Router();
  router.use(requireAccount(ctx));

  router.post('/password', async (req, res) => {
    const parsed = changePasswordBodySchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, invalidPayload(parsed.error, 'password change'));
    const account = accountOf(res);
    const checked = await ctx.passwords.check(account.email.toLowerCase(), req.ip ?? 'unknown', parsed.data.currentPassword, account.passwordHash);
    if (checked.kind === 'limited') return sendLimited(res, checked);
    if (checked.kind === 'wrong') return sendError(res, appError('forbidden', 'the current password is wrong'));
    const hashed = await ctx.passwords.hash(parsed.data.newPassword);
    if (hashed.kind === 'limited') return sendLimited(res, hashed);
    await ctx.storage.updatePassword(account.id, hashed.hash);
    // A changed password ends every other session: whoever knew the old one is out.
    await ctx.sessions.endAllOf(account.id);
    res.setHeader('Set-Cookie', ctx.sessions.cookie(await ctx.sessions.start(account.id)));
    recordSecurityEvent(ctx.storage, ctx.clock(), 'password_changed', account.id, req.ip ?? null, ctx.log);
    res.status(204).end();
  });

  router.get('/sessions', async (_req, res) => {
    const current = currentTokenHash(res);
    const sessions: SessionInfo[] = (await ctx.storage.listSessions(accountOf(res).id)).map((s) => ({
      id: s.tokenHash.slice(0, 12),
      createdAt: s.createdAt,
      expiresAt: s.expiresAt,
      current: s.tokenHash === current,
    }));
    res.json(sessions);
  });

  router.post('/sessions/end-all', async (req, res) => {
    const account = accountOf(res);
    await ctx.sessions.endAllOf(account.id);
    recordSecurityEvent(ctx.storage, ctx.clock(), 'signed_out_everywhere', account.id, req.ip ?? null, ctx.log);
    res.setHeader('Set-Cookie', ctx.sessions.clearedCookie());
    res.status(204).end();
  });

  router.get('/security-events', async (_req, res) => {
    const events = await ctx.storage.listSecurityEvents(accountOf(res).id);
    res.json(events.map(({ kind, address, at }) => ({ kind, address, at })));
  });

  router.get('/export', async (_req, res) => {
    const account = accountOf(res);
    const me = await describeAccount(account, ctx.engines);
    const contributions = await Promise.all(
      (await ctx.engines.all())
        .filter((engine) => engine.peek().members[account.id])
        .map(async (engine) => ({
          workspaceId: engine.workspaceId,
          workspaceName: engine.name,
          events: (await ctx.storage.readEvents(engine.workspaceId, 0)).filter((e) => e.actorId === account.id),
        })),
    );
    const data = {
      exportedAt: ctx.clock().toISOString(),
      account: { id: account.id, name: account.name, email: account.email, createdAt: account.createdAt },
      memberships: me.memberships,
      sessions: (await ctx.storage.listSessions(account.id)).map(({ createdAt, expiresAt }) => ({ createdAt, expiresAt })),
      securityEvents: (await ctx.storage.listSecurityEvents(account.id)).map(({ kind, address, at }) => ({ kind, address, at })),
      contributions,
    };
    res.setHeader('Content-Disposition', 'attachment; filename="verbund-meine-daten.json"');
    res.json(data);
  });

  return router;
}
