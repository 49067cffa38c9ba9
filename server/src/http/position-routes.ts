import { Router } from 'express';
import { invalidPayload } from '@verbund/shared/errors';
import { nameVersionBodySchema, startSignoffBodySchema } from '@verbund/shared/features/positions/positions-feature';
import { positionExportQuerySchema, positionParamsSchema, versionParamsSchema } from '@verbund/shared/http';
import { currentText, nameVersion, startSignoff, versionText } from '../docs/position-versions.js';
import { exportPosition } from '../exports/export-position.js';
import { requireAccount } from './auth-routes.js';
import { allow, bindWorkspace, bound } from './bind-workspace.js';
import { sendAnswer } from './answer.js';
import { sendError } from './errors.js';
import type { HttpContext } from './http-context.js';

/** A joint position's text beyond the live document: named versions (P8, P9) and exports (P40–P49). */
export function positionRoutes(ctx: HttpContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireAccount(ctx), bindWorkspace(ctx));

  router.get('/positions/:positionId/export', allow('readWorkspace'), async (req, res) => {
    const params = positionParamsSchema.safeParse(req.params);
    if (!params.success) return sendError(res, invalidPayload(params.error, 'position id'));
    const query = positionExportQuerySchema.safeParse(req.query);
    if (!query.success) return sendError(res, invalidPayload(query.error, 'export query'));
    const { engine, actor } = bound(res);
    const where = { workspaceId: engine.workspaceId, state: await engine.readState(), actor };
    const exported = await exportPosition(ctx, where, params.data.positionId, query.data, ctx.clock());
    if (!exported.ok) return sendError(res, exported.error);
    const { body, contentType, fileName } = exported.file;
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.send(body);
  });

  // P8: name a version of the text as stored now; the answer is the version with its hash.
  router.post('/positions/:positionId/versions', allow('readWorkspace'), async (req, res) => {
    const params = positionParamsSchema.safeParse(req.params);
    if (!params.success) return sendError(res, invalidPayload(params.error, 'position id'));
    const body = nameVersionBodySchema.safeParse(req.body);
    if (!body.success) return sendError(res, invalidPayload(body.error, 'version'));
    const { engine, actor } = bound(res);
    const reader = { workspaceId: engine.workspaceId, state: await engine.readState(), actor };
    const named = await nameVersion(ctx.docs, engine, reader, { positionId: params.data.positionId, ...body.data, now: ctx.clock() });
    if (!named.ok) return sendError(res, named.error);
    sendAnswer(res, named.value, 201);
  });

  // P10: start a sign-off round on the text as stored now; the answer is the frozen version.
  router.post('/positions/:positionId/signoff', allow('readWorkspace'), async (req, res) => {
    const params = positionParamsSchema.safeParse(req.params);
    if (!params.success) return sendError(res, invalidPayload(params.error, 'position id'));
    const body = startSignoffBodySchema.safeParse(req.body);
    if (!body.success) return sendError(res, invalidPayload(body.error, 'sign-off round'));
    const { engine, actor } = bound(res);
    const reader = { workspaceId: engine.workspaceId, state: await engine.readState(), actor };
    const started = await startSignoff(ctx.docs, engine, reader, { positionId: params.data.positionId, ...body.data, now: ctx.clock() });
    if (!started.ok) return sendError(res, started.error);
    sendAnswer(res, started.value, 201);
  });

  // P9: the text as stored now, and each named version's frozen text, to read or compare.
  router.get('/positions/:positionId/text', allow('readWorkspace'), async (req, res) => {
    const params = positionParamsSchema.safeParse(req.params);
    if (!params.success) return sendError(res, invalidPayload(params.error, 'position id'));
    const { engine, actor } = bound(res);
    const text = await currentText(ctx.docs, { workspaceId: engine.workspaceId, state: await engine.readState(), actor }, params.data.positionId);
    if (!text.ok) return sendError(res, text.error);
    sendAnswer(res, text.value);
  });

  router.get('/positions/:positionId/versions/:versionId', allow('readWorkspace'), async (req, res) => {
    const params = versionParamsSchema.safeParse(req.params);
    if (!params.success) return sendError(res, invalidPayload(params.error, 'version id'));
    const { engine, actor } = bound(res);
    const reader = { workspaceId: engine.workspaceId, state: await engine.readState(), actor };
    const text = await versionText(ctx.storage, reader, params.data.positionId, params.data.versionId);
    if (!text.ok) return sendError(res, text.error);
    sendAnswer(res, text.value);
  });

  return router;
}
