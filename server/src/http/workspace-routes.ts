import { Router, type RequestHandler, type Response } from 'express';
import { appError, invalidPayload } from '@verbund/shared/errors';
import { cardParamsSchema, workspaceParamsSchema } from '@verbund/shared/http';
import type { Person } from '@verbund/shared/model';
import type { Actor } from '../domain/actor.js';
import { QUERY_POLICY } from '../domain/policy.js';
import { actorIn } from '../auth/identity.js';
import type { Account } from '../storage/port.js';
import { runCommand } from '../sync/run-command.js';
import type { WorkspaceEngine } from '../sync/workspace-engine.js';
import { requireAccount } from './auth-routes.js';
import { sendError } from './errors.js';
import type { HttpContext } from './http-context.js';

type Bound = { actor: Actor; engine: WorkspaceEngine };
const bound = (res: Response) => res.locals.bound as Bound;

export function workspaceRoutes(ctx: HttpContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireAccount(ctx), bindWorkspace(ctx));

  router.get('/state', async (_req, res) => {
    const { actor, engine } = bound(res);
    if (!QUERY_POLICY.readWorkspace(actor)) return sendError(res, appError('forbidden', 'you may not read this workspace'));
    res.json(await engine.readState());
  });

  router.get('/people', async (_req, res) => {
    const { actor, engine } = bound(res);
    if (!QUERY_POLICY.readWorkspace(actor)) return sendError(res, appError('forbidden', 'you may not read this workspace'));
    const members = await ctx.storage.listWorkspaceMembers(engine.workspaceId);
    const people: Person[] = members.map((m) => ({ id: m.accountId, name: m.name, partnerId: m.partnerId, roles: m.roles }));
    res.json(people);
  });

  router.get('/cards/:cardId/history', async (req, res) => {
    const { actor, engine } = bound(res);
    const params = cardParamsSchema.safeParse(req.params);
    if (!params.success) return sendError(res, invalidPayload(params.error, 'card id'));
    if (!QUERY_POLICY.readHistory(actor)) return sendError(res, appError('forbidden', 'you may not read this history'));
    const state = await engine.readState();
    if (!state.cards[params.data.cardId]) return sendError(res, appError('not_found', 'card not found'));
    res.json(await ctx.storage.readSubjectEvents(engine.workspaceId, params.data.cardId));
  });

  router.post('/commands', async (req, res) => {
    const { actor, engine } = bound(res);
    const answer = await runCommand(ctx.engines, engine.workspaceId, actor, req.body);
    if (answer.ok) res.json(answer.value);
    else sendError(res, answer.error);
  });

  return router;
}

/** Resolves `:workspaceId` to the caller's actor there; a workspace they are not in is a 404, not a 403. */
function bindWorkspace(ctx: HttpContext): RequestHandler {
  return async (req, res, next) => {
    const params = workspaceParamsSchema.safeParse({ workspaceId: req.params.workspaceId });
    if (!params.success) return sendError(res, invalidPayload(params.error, 'workspace id'));
    const account = res.locals.account as Account;
    const actor = await actorIn(ctx.storage, account.id, params.data.workspaceId);
    const engine = actor ? await ctx.engines.get(params.data.workspaceId) : null;
    if (!actor || !engine) return sendError(res, appError('not_found', 'workspace not found'));
    res.locals.bound = { actor, engine } satisfies Bound;
    next();
  };
}
