import { Router, type Response } from 'express';
import type { z } from 'zod';
import { invalidPayload } from '@verbund/shared/errors';
import { nameVersionBodySchema, startSignoffBodySchema, type PositionVersion } from '@verbund/shared/features/positions/positions-feature';
import { positionExportQuerySchema, positionParamsSchema, versionParamsSchema } from '@verbund/shared/http';
import type { Ack } from '@verbund/shared/protocol';
import { currentText, nameVersion, startSignoff, versionText } from '../docs/position-versions.js';
import type { TextReader } from '../docs/read-text.js';
import { exportPosition } from '../exports/export-position.js';
import { requireAccount } from './auth-routes.js';
import { allow, bindWorkspace, bound } from './bind-workspace.js';
import { sendAnswer } from './answer.js';
import { sendError } from './errors.js';
import type { WorkspaceEngine } from '../sync/workspace-engine.js';
import type { HttpContext } from './http-context.js';

/** A joint position's text beyond the live document: named versions (P8, P9) and exports (P40–P49). */
/** Who reads, for this request: the workspace bound to it, its state now, and the person. */
async function readerOf(res: Response): Promise<{ engine: WorkspaceEngine; reader: TextReader }> {
  const { engine, actor } = bound(res);
  return { engine, reader: { workspaceId: engine.workspaceId, state: await engine.readState(), actor } };
}

export function positionRoutes(ctx: HttpContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireAccount(ctx), bindWorkspace(ctx));

  router.get('/positions/:positionId/export', allow('readWorkspace'), async (req, res) => {
    const params = positionParamsSchema.safeParse(req.params);
    if (!params.success) return sendError(res, invalidPayload(params.error, 'position id'));
    const query = positionExportQuerySchema.safeParse(req.query);
    if (!query.success) return sendError(res, invalidPayload(query.error, 'export query'));
    const { reader } = await readerOf(res);
    const exported = await exportPosition(ctx, reader, params.data.positionId, query.data, ctx.clock());
    if (!exported.ok) return sendError(res, exported.error);
    const { body, contentType, fileName } = exported.file;
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.send(body);
  });

  /** A change to the text's record, for the person of the request; the answer is the version it froze. */
  const onText = <B extends z.ZodType>(path: string, bodySchema: B, what: string, change: (engine: WorkspaceEngine, reader: TextReader, positionId: string, body: z.output<B>) => Promise<Ack<PositionVersion>>) =>
    router.post(path, allow('readWorkspace'), async (req, res) => {
      const params = positionParamsSchema.safeParse(req.params);
      if (!params.success) return sendError(res, invalidPayload(params.error, 'position id'));
      const body = bodySchema.safeParse(req.body);
      if (!body.success) return sendError(res, invalidPayload(body.error, what));
      const { engine, reader } = await readerOf(res);
      const changed = await change(engine, reader, params.data.positionId, body.data);
      if (!changed.ok) return sendError(res, changed.error);
      sendAnswer(res, changed.value, 201);
    });

  // P8: name a version of the text as stored now.
  onText('/positions/:positionId/versions', nameVersionBodySchema, 'version', (engine, reader, positionId, body) =>
    nameVersion(ctx.docs, engine, reader, { positionId, ...body, now: ctx.clock() }),
  );
  // P10: start a sign-off round on the text as stored now, frozen as a version.
  onText('/positions/:positionId/signoff', startSignoffBodySchema, 'sign-off round', (engine, reader, positionId, body) =>
    startSignoff(ctx.docs, engine, reader, { positionId, ...body, now: ctx.clock() }),
  );

  // P9: the text as stored now, and each named version's frozen text, to read or compare.
  router.get('/positions/:positionId/text', allow('readWorkspace'), async (req, res) => {
    const params = positionParamsSchema.safeParse(req.params);
    if (!params.success) return sendError(res, invalidPayload(params.error, 'position id'));
    const { reader } = await readerOf(res);
    const text = await currentText(ctx.docs, reader, params.data.positionId);
    if (!text.ok) return sendError(res, text.error);
    sendAnswer(res, text.value);
  });

  router.get('/positions/:positionId/versions/:versionId', allow('readWorkspace'), async (req, res) => {
    const params = versionParamsSchema.safeParse(req.params);
    if (!params.success) return sendError(res, invalidPayload(params.error, 'version id'));
    const { reader } = await readerOf(res);
    const text = await versionText(ctx.storage, reader, params.data.positionId, params.data.versionId);
    if (!text.ok) return sendError(res, text.error);
    sendAnswer(res, text.value);
  });

  return router;
}
