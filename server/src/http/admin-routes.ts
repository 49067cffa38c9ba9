import { randomBytes, randomUUID } from 'node:crypto';
import type { Command } from '@verbund/shared/commands';
import { Router } from 'express';
import { GENESIS_HASH, type StoredEvent } from '@verbund/shared/events';
import { invalidPayload } from '@verbund/shared/errors';
import { auditQuerySchema, createInvitationBodySchema, type ChainVerdictInfo, type CreatedInvitation } from '@verbund/shared/http';
import { auditCsv, matchesAudit } from '../audit/audit-filter.js';
import { hashToken } from '../auth/sessions.js';
import { anonymityIn, redactEvents } from '../domain/votes/redact.js';
import type { Storage } from '../storage/port.js';
import { verifyChain } from '../sync/hash-chain.js';
import { runCommand } from '../sync/run-command.js';
import { requireAccount } from './auth-routes.js';
import { allow, bindWorkspace, bound } from './bind-workspace.js';
import { sendError } from './errors.js';
import type { HttpContext } from './http-context.js';

const PAGE = 5_000;

/** Walks a workspace's whole log page by page, so a long history never sits in memory at once. */
async function forEachPage(storage: Storage, workspaceId: string, visit: (events: StoredEvent[]) => boolean | void): Promise<void> {
  let after = 0;
  for (;;) {
    const page = await storage.readEvents(workspaceId, after, PAGE);
    if (page.length === 0 || visit(page) === false) return;
    after = page[page.length - 1]?.seq ?? after;
    if (page.length < PAGE) return;
  }
}

export function adminRoutes(ctx: HttpContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireAccount(ctx), bindWorkspace(ctx));

  /** The secret goes into the link once; the log keeps only its hash. */
  router.post('/invitations', allow('manageInvitations'), async (req, res) => {
    const body = createInvitationBodySchema.safeParse(req.body);
    if (!body.success) return sendError(res, invalidPayload(body.error, 'invitation'));
    const { account, engine } = bound(res);
    const token = randomBytes(32).toString('base64url');
    const invitationId = randomUUID();
    const expiresAt = new Date(ctx.clock().getTime() + body.data.expiresInDays * 86_400_000).toISOString();
    const command = {
      id: randomUUID(),
      workspaceId: engine.workspaceId,
      type: 'invitation.create',
      payload: { invitationId, tokenHash: hashToken(token), partnerId: body.data.partnerId, roles: body.data.roles, expiresAt },
    } satisfies Command;
    const answer = await runCommand(ctx.engines, engine.workspaceId, account.id, command);
    if (!answer.ok) return sendError(res, answer.error);
    const created: CreatedInvitation = { invitationId, token, expiresAt };
    res.status(201).json(created);
  });

  router.get('/audit', allow('readAudit'), async (req, res) => {
    const query = auditQuerySchema.safeParse(req.query);
    if (!query.success) return sendError(res, invalidPayload(query.error, 'audit query'));
    const { format, limit, beforeSeq, ...filter } = query.data;
    const matching: StoredEvent[] = [];
    const { engine } = bound(res);
    // Admins see who voted and when, never what (D34): a hidden result must stay hidden for every role (D29).
    const anonymous = anonymityIn(engine.peek());
    await forEachPage(ctx.storage, engine.workspaceId, (page) => {
      for (const event of redactEvents(page, anonymous)) if ((!beforeSeq || event.seq < beforeSeq) && matchesAudit(event, filter)) matching.push(event);
    });
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="verbund-protokoll.csv"');
      return res.send(auditCsv(matching));
    }
    if (format === 'json') {
      res.setHeader('Content-Disposition', 'attachment; filename="verbund-protokoll.json"');
      return res.json(matching);
    }
    const newestFirst = matching.reverse().slice(0, limit);
    const last = newestFirst[newestFirst.length - 1];
    res.json({ events: newestFirst, nextBeforeSeq: newestFirst.length === limit && last ? last.seq : null });
  });

  router.get('/audit/verify', allow('readAudit'), async (_req, res) => {
    let verdict: ChainVerdictInfo = { ok: true, checked: 0 };
    let prevHash = GENESIS_HASH;
    let prevSeq = 0;
    await forEachPage(ctx.storage, bound(res).engine.workspaceId, (page) => {
      const result = verifyChain(ctx.auditKeys, page, prevHash, prevSeq);
      if (!result.ok) {
        verdict = { ok: false, checked: result.brokenAt - 1, brokenAt: result.brokenAt, reason: result.reason };
        return false;
      }
      verdict = { ok: true, checked: verdict.checked + result.checked };
      prevHash = result.lastHash;
      prevSeq = page[page.length - 1]?.seq ?? prevSeq;
      return true;
    });
    res.json(verdict);
  });

  return router;
}
