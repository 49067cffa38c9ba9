import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { invalidPayload } from '@verbund/shared/errors';
import type { NewEvent } from '@verbund/shared/events';
import { createWorkspaceBodySchema } from '@verbund/shared/http';
import { appendSeedEvents } from '../seed/workspace-setup.js';
import { requireAccount } from './auth-routes.js';
import { accountOf } from './bind-workspace.js';
import { sendError } from './errors.js';
import type { HttpContext } from './http-context.js';

/**
 * One installation hosts several cooperations. Any signed-in person may start one; they become its
 * first admin, as a member of its first partner, and invite everyone else.
 */
export function workspacesRoutes(ctx: HttpContext): Router {
  const router = Router();

  router.post('/', requireAccount(ctx), async (req, res) => {
    const body = createWorkspaceBodySchema.safeParse(req.body);
    if (!body.success) return sendError(res, invalidPayload(body.error, 'workspace'));
    const account = accountOf(res);
    const workspaceId = randomUUID();
    const partnerId = randomUUID();
    const at = ctx.clock().toISOString();
    const events: NewEvent[] = [
      { type: 'workspace.created', data: { workspaceId, name: body.data.name } },
      { type: 'partner.added', data: { partner: { id: partnerId, name: body.data.partnerName, shortName: body.data.partnerShortName, active: true } } },
      { type: 'board.created', data: { board: { id: randomUUID(), name: 'Initiativen' } } },
      {
        type: 'member.joined',
        data: { member: { personId: account.id, partnerId, roles: ['member', 'admin'], active: true, erased: false, joinedAt: at }, invitationId: null },
      },
    ];
    await appendSeedEvents(ctx.storage, workspaceId, events.map((event) => ({ event, actorId: account.id, partnerId })), at);
    res.status(201).json({ workspaceId });
  });

  return router;
}
