import { once } from 'node:events';
import { Router, type Request, type Response } from 'express';
import type { StoredEvent } from '@verbund/shared/events';
import { invalidPayload, refusal } from '@verbund/shared/errors';
import { changePasswordBodySchema, eraseAccountBodySchema, type SessionInfo } from '@verbund/shared/http';
import { eraseAccountEverywhere, workspacesLeftWithoutAdmin } from '../auth/account-erasure.js';
import { describeAccount } from '../auth/identity.js';
import { recordSecurityEvent } from '../auth/security-log.js';
import { ownEventToWire } from '../domain/wire.js';
import { requireAccount } from './auth-routes.js';
import { accountOf } from './bind-workspace.js';
import { sendError, sendLimited } from './errors.js';
import type { Account, Storage } from '../storage/port.js';
import type { HttpContext } from './http-context.js';
import { sendAnswer } from './answer.js';

/** Events read per page for the export, so no log is held whole and other requests run in between. */
const EXPORT_PAGE = 500;

async function* pagesOf(storage: Storage, workspaceId: string): AsyncGenerator<StoredEvent[]> {
  let after = 0;
  for (;;) {
    const page = await storage.readEvents(workspaceId, after, EXPORT_PAGE);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]?.seq ?? after;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Writes to a response with backpressure; `false` once the client has gone (the caller stops). */
class JsonStream {
  constructor(private readonly res: Response) {}

  async write(chunk: string): Promise<boolean> {
    if (this.res.destroyed) return false;
    if (!this.res.write(chunk)) await Promise.race([once(this.res, 'drain'), once(this.res, 'close')]);
    return !this.res.destroyed;
  }
}

/**
 * The signed-in account once its password was given again, through the same gate as sign-in; or
 * null after answering the refusal (limited, or `wrong` in the route's words).
 */
async function passwordConfirmed(ctx: HttpContext, req: Request, res: Response, password: string, wrong: string): Promise<Account | null> {
  const account = accountOf(res);
  const checked = await ctx.passwords.check(account.email.toLowerCase(), req.ip ?? 'unknown', password, account.passwordHash);
  if (checked.kind === 'limited') sendLimited(res, checked);
  else if (checked.kind === 'wrong') sendError(res, refusal('forbidden', 'password_wrong', wrong));
  else return account;
  return null;
}

const currentTokenHash = (res: Response) => (res.locals.sessionHash as string | undefined) ?? '';

/** The signed-in person's own account: password, sessions, security events, and their data (DSGVO Art. 15/20). */
export function accountRoutes(ctx: HttpContext): Router {
  const router = Router();
  router.use(requireAccount(ctx));

  router.post('/password', async (req, res) => {
    const parsed = changePasswordBodySchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, invalidPayload(parsed.error, 'password change'));
    const account = await passwordConfirmed(ctx, req, res, parsed.data.currentPassword, 'the current password is wrong');
    if (!account) return;
    const hashed = await ctx.passwords.hash(parsed.data.newPassword);
    if (hashed.kind === 'limited') return sendLimited(res, hashed);
    await ctx.storage.updatePassword(account.id, hashed.hash);
    // A changed password ends every other session: whoever knew the old one is out.
    await ctx.sessions.endAllOf(account.id);
    res.setHeader('Set-Cookie', ctx.sessions.cookie(await ctx.sessions.start(account.id)));
    recordSecurityEvent(ctx.storage, ctx.clock(), 'password_changed', account.id, req.ip ?? null, ctx.log);
    res.status(204).end();
  });

  router.post('/erase', async (req, res) => {
    const parsed = eraseAccountBodySchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, invalidPayload(parsed.error, 'account erasure'));
    const account = await passwordConfirmed(ctx, req, res, parsed.data.password, 'the password is wrong');
    if (!account) return;
    const orphaned = await workspacesLeftWithoutAdmin(ctx.engines, account.id);
    if (orphaned.length > 0) {
      return sendError(res, refusal('conflict', 'sole_admin', `you are the only admin of: ${orphaned.join(', ')}; make someone else admin there first`));
    }
    await eraseAccountEverywhere(ctx, account.id);
    res.setHeader('Set-Cookie', ctx.sessions.clearedCookie());
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
    sendAnswer(res, sessions);
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
    sendAnswer(res, events.map(({ kind, address, at }) => ({ kind, address, at })));
  });

  router.get('/export', async (_req, res) => {
    const account = accountOf(res);
    const me = await describeAccount(account, ctx.engines);
    const head = {
      exportedAt: ctx.clock().toISOString(),
      account: { id: account.id, name: account.name, email: account.email, createdAt: account.createdAt },
      memberships: me.memberships,
      sessions: (await ctx.storage.listSessions(account.id)).map(({ createdAt, expiresAt }) => ({ createdAt, expiresAt })),
      // The addresses stay in the export for as long as the security log keeps them (SECURITY_LOG_RETENTION_DAYS).
      securityEvents: (await ctx.storage.listSecurityEvents(account.id)).map(({ kind, address, at }) => ({ kind, address, at })),
    };
    const workspaces = (await ctx.engines.all()).filter((engine) => engine.peek().members[account.id]);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="verbund-meine-daten.json"');
    const out = new JsonStream(res);
    await out.write(`${JSON.stringify(head).slice(0, -1)},"contributions":[`);
    for (const [index, engine] of workspaces.entries()) {
      const opening = JSON.stringify({ workspaceId: engine.workspaceId, workspaceName: engine.name }).slice(0, -1);
      await out.write(`${index ? ',' : ''}${opening},"events":[`);
      let first = true;
      for await (const page of pagesOf(ctx.storage, engine.workspaceId)) {
        const own = page.filter((e) => e.actorId === account.id).map((e) => JSON.stringify(ownEventToWire(e)));
        if (own.length === 0) continue;
        if (!(await out.write(`${first ? '' : ','}${own.join(',')}`))) return;
        first = false;
      }
      await out.write(']}');
    }
    await out.write(']}');
    res.end();
  });

  return router;
}
