import { Router } from 'express';
import { invalidPayload } from '@verbund/shared/errors';
import { positionExportQuerySchema, positionParamsSchema } from '@verbund/shared/http';
import { exportPosition } from '../exports/export-position.js';
import { requireAccount } from './auth-routes.js';
import { allow, bindWorkspace, bound } from './bind-workspace.js';
import { sendError } from './errors.js';
import type { HttpContext } from './http-context.js';

/** A joint position's exports (P40–P49): PDF/A-2b, DOCX and Markdown of its text as stored now. */
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
    const exported = await exportPosition(ctx.docs, where, params.data.positionId, query.data, ctx.clock());
    if (!exported.ok) return sendError(res, exported.error);
    const { body, contentType, fileName } = exported.file;
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.send(body);
  });

  return router;
}
