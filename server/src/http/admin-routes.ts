import { randomBytes, randomUUID } from 'node:crypto';
import type { Command } from '@verbund/shared/commands';
import { Router } from 'express';
import type { StoredEvent } from '@verbund/shared/events';
import { appError, invalidPayload } from '@verbund/shared/errors';
import { auditCheckpointSchema, auditQuerySchema, createInvitationBodySchema, type ChainVerdictInfo, type CreatedInvitation } from '@verbund/shared/http';
import { auditCsv, matchesAudit } from '../audit/audit-filter.js';
import { checkCheckpoint, isGenuineCheckpoint, issueCheckpoint } from '../audit/checkpoint.js';
import { forEachPage, verifyLog } from '../audit/log-verify.js';
import { hashToken } from '../auth/sessions.js';
import { ADMIN_READER, eventsToWire, selectWire, type Wire } from '../domain/wire.js';
import { sendAnswer } from './answer.js';
import { runCommand } from '../sync/run-command.js';
import { requireAccount } from './auth-routes.js';
import { allow, bindWorkspace, bound } from './bind-workspace.js';
import { sendError } from './errors.js';
import type { HttpContext } from './http-context.js';

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
    sendAnswer(res, created, 201);
  });

  router.get('/audit', allow('readAudit'), async (req, res) => {
    const query = auditQuerySchema.safeParse(req.query);
    if (!query.success) return sendError(res, invalidPayload(query.error, 'audit query'));
    const { format, limit, beforeSeq, ...filter } = query.data;
    const pages: Wire<StoredEvent[]>[] = [];
    const { engine } = bound(res);
    // Admins see who voted and when, never what (D34): a hidden result must stay hidden for every role (D29).
    // The filter runs on what the admin sees, so a search cannot find what the view takes out.
    const state = engine.peek();
    const keep = (event: StoredEvent) => (!beforeSeq || event.seq < beforeSeq) && matchesAudit(event, filter);
    await forEachPage(ctx.storage, engine.workspaceId, (page) => {
      pages.push(selectWire([eventsToWire(page, ADMIN_READER, state)], (events) => events.filter(keep)));
    });
    if (format === 'csv' || format === 'json') {
      const matching = selectWire(pages, (events) => events);
      if (format === 'csv') {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', 'attachment; filename="verbund-protokoll.csv"');
        return res.send(auditCsv(matching));
      }
      res.setHeader('Content-Disposition', 'attachment; filename="verbund-protokoll.json"');
      return sendAnswer(res, matching);
    }
    const newestFirst = selectWire(pages, (events) => events.reverse().slice(0, limit));
    const last = newestFirst[newestFirst.length - 1];
    sendAnswer(res, { events: newestFirst, nextBeforeSeq: newestFirst.length === limit && last ? last.seq : null });
  });

  router.get('/audit/verify', allow('readAudit'), async (_req, res) => {
    const log = await verifyLog(ctx.storage, ctx.auditKeys, bound(res).engine.workspaceId);
    const verdict: ChainVerdictInfo = log.ok ? { ok: true, checked: log.checked } : { ok: false, checked: log.checked, brokenAt: log.brokenAt, reason: log.reason };
    sendAnswer(res, verdict);
  });

  /** Only an intact log gets a checkpoint: a partner keeping one of a broken chain would keep the break. */
  router.get('/audit/checkpoint', allow('readAudit'), async (_req, res) => {
    const { workspaceId } = bound(res).engine;
    const log = await verifyLog(ctx.storage, ctx.auditKeys, workspaceId);
    if (!log.ok) return sendError(res, appError('conflict', `the chain is broken at seq ${log.brokenAt}; no checkpoint is issued for a broken log`));
    const checkpoint = issueCheckpoint(ctx.auditKeys, workspaceId, log.head, ctx.clock().toISOString());
    res.setHeader('Content-Disposition', `attachment; filename="verbund-pruefpunkt-${checkpoint.seq}.json"`);
    sendAnswer(res, checkpoint);
  });

  router.post('/audit/verify-checkpoint', allow('readAudit'), async (req, res) => {
    const body = auditCheckpointSchema.safeParse(req.body);
    if (!body.success) return sendError(res, invalidPayload(body.error, 'checkpoint'));
    const checkpoint = body.data;
    const { workspaceId } = bound(res).engine;
    if (checkpoint.workspaceId !== workspaceId) return sendError(res, appError('invalid_payload', 'the checkpoint belongs to another workspace', [{ path: 'workspaceId', message: 'another workspace' }]));
    if (!isGenuineCheckpoint(ctx.auditKeys, checkpoint)) {
      return sendError(res, appError('invalid_payload', 'the checkpoint was not issued by this server with its audit key, or it was altered', [{ path: 'mac', message: 'does not verify' }]));
    }
    sendAnswer(res, await checkCheckpoint(ctx.storage, ctx.auditKeys, checkpoint));
  });

  return router;
}
