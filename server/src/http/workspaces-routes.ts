import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { appError, invalidPayload } from '@verbund/shared/errors';
import { createWorkspaceBodySchema, type CreateWorkspaceBody } from '@verbund/shared/http';
import { startWorkspace } from '../domain/admin/start-workspace.js';
import { appendSeedEvents } from '../seed/workspace-setup.js';
import { requireAccount } from './auth-routes.js';
import { accountOf } from './bind-workspace.js';
import { sendError } from './errors.js';
import { OneAtATime } from '../one-at-a-time.js';
import type { Storage } from '../storage/port.js';
import type { HttpContext } from './http-context.js';
import { sendAnswer } from './answer.js';

/**
 * One installation hosts several cooperations. Any signed-in person may start one; they become its
 * first admin, as a member of its first partner, and invite everyone else.
 */
export function workspacesRoutes(ctx: HttpContext): Router {
  const router = Router();
  const creating = new OneAtATime();

  router.post('/', requireAccount(ctx), async (req, res) => {
    const body = createWorkspaceBodySchema.safeParse(req.body);
    if (!body.success) return sendError(res, invalidPayload(body.error, 'workspace'));
    const account = accountOf(res);
    // One creation per account at a time, so parallel requests cannot slip past the quota together.
    await creating.run(account.id, async () => {
      if ((await workspacesStartedBy(ctx.storage, account.id)) >= ctx.workspacesPerAccount) {
        return sendError(res, appError('forbidden', `an account may start at most ${ctx.workspacesPerAccount} workspaces (WORKSPACES_PER_ACCOUNT)`));
      }
      sendAnswer(res, { workspaceId: await storeNewWorkspace(ctx, account.id, body.data) }, 201);
    });
  });

  return router;
}

/** How many workspaces this account started: the actor of each workspace's first event. */
async function workspacesStartedBy(storage: Storage, accountId: string): Promise<number> {
  let count = 0;
  for (const workspaceId of await storage.listWorkspaceIds()) {
    const [first] = await storage.readEvents(workspaceId, 0, 1);
    if (first?.actorId === accountId) count += 1;
  }
  return count;
}

async function storeNewWorkspace(ctx: HttpContext, founderId: string, body: CreateWorkspaceBody): Promise<string> {
  const founding = { workspaceId: randomUUID(), partnerId: randomUUID(), boardId: randomUUID(), founderId, at: ctx.clock().toISOString() };
  const events = startWorkspace(body, founding);
  await appendSeedEvents(ctx.storage, ctx.auditKeys, founding.workspaceId, events.map((event) => ({ event, actorId: founderId, partnerId: founding.partnerId })), founding.at);
  return founding.workspaceId;
}
