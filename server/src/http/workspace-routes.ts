import { Router } from 'express';
import { appError, invalidPayload } from '@verbund/shared/errors';
import { cardParamsSchema } from '@verbund/shared/http';
import type { Person } from '@verbund/shared/model';
import { eventsToWire, readerOf, stateToWire } from '../domain/wire.js';
import { runCommand } from '../sync/run-command.js';
import { requireAccount } from './auth-routes.js';
import { allow, bindWorkspace, bound } from './bind-workspace.js';
import { sendAnswer } from './answer.js';
import { sendError } from './errors.js';
import type { HttpContext } from './http-context.js';

export function workspaceRoutes(ctx: HttpContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireAccount(ctx), bindWorkspace(ctx));

  router.get('/state', allow('readWorkspace'), async (_req, res) => {
    const { engine, actor } = bound(res);
    sendAnswer(res, stateToWire(await engine.readState(), readerOf(actor)));
  });

  router.get('/people', allow('readPeople'), async (_req, res) => {
    const state = await bound(res).engine.readState();
    const members = Object.values(state.members);
    const accounts = new Map((await ctx.storage.findAccountsByIds(members.map((m) => m.personId))).map((a) => [a.id, a]));
    const people: Person[] = members.map((m) => ({
      id: m.personId,
      name: m.erased ? '' : (accounts.get(m.personId)?.name ?? ''),
      partnerId: m.partnerId,
      roles: m.roles,
      active: m.active,
      erased: m.erased,
    }));
    sendAnswer(res, people.sort((a, b) => a.name.localeCompare(b.name, 'de')));
  });

  router.get('/cards/:cardId/history', allow('readHistory'), async (req, res) => {
    const { engine, actor } = bound(res);
    const params = cardParamsSchema.safeParse(req.params);
    if (!params.success) return sendError(res, invalidPayload(params.error, 'card id'));
    const state = await engine.readState();
    if (!state.cards[params.data.cardId]) return sendError(res, appError('not_found', 'card not found'));
    sendAnswer(res, eventsToWire(await ctx.storage.readSubjectEvents(engine.workspaceId, params.data.cardId), readerOf(actor), state));
  });

  router.post('/commands', async (req, res) => {
    const { account, engine } = bound(res);
    const admitted = await ctx.flood.admitCommand(account.id, req.body);
    if (!admitted.ok) return sendError(res, admitted.error, admitted.retryAfter);
    const answer = await runCommand(ctx.engines, engine.workspaceId, account.id, admitted.command);
    if (answer.ok) sendAnswer(res, answer.value);
    else sendError(res, answer.error);
  });

  return router;
}
