import type { RequestHandler, Response } from 'express';
import { appError, invalidPayload } from '@verbund/shared/errors';
import { workspaceParamsSchema } from '@verbund/shared/http';
import type { Actor } from '../domain/actor.js';
import { mayQuery, type Query } from '../domain/roles.js';
import type { Account } from '../storage/port.js';
import type { WorkspaceEngine } from '../sync/workspace-engine.js';
import { sendError } from './errors.js';
import type { HttpContext } from './http-context.js';

export type Bound = { actor: Actor; engine: WorkspaceEngine; account: Account };

export const accountOf = (res: Response) => res.locals.account as Account;
export const bound = (res: Response) => res.locals.bound as Bound;

/**
 * Resolves `:workspaceId` to the caller's actor there. A workspace they are not an active member of
 * is a 404, exactly like one that does not exist: ids of other workspaces reveal nothing.
 */
export function bindWorkspace(ctx: HttpContext): RequestHandler {
  return async (req, res, next) => {
    const params = workspaceParamsSchema.safeParse({ workspaceId: req.params.workspaceId });
    if (!params.success) return sendError(res, invalidPayload(params.error, 'workspace id'));
    const account = accountOf(res);
    const engine = await ctx.engines.get(params.data.workspaceId);
    const actor = engine?.actorFor(account.id);
    if (!engine || !actor) return sendError(res, appError('not_found', 'workspace not found'));
    res.locals.bound = { actor, engine, account } satisfies Bound;
    next();
  };
}

/** The policy's answer for a query, as middleware (rule S12 for reads). */
export function allow(query: Query): RequestHandler {
  return (_req, res, next) => {
    if (!mayQuery(bound(res).actor, query)) return sendError(res, appError('forbidden', 'you may not see this'));
    next();
  };
}
