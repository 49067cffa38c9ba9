import { randomUUID } from 'node:crypto';
import { docIdOf } from '@verbund/shared/docs';
import { appError, type AppError } from '@verbund/shared/errors';
import type { ExportFormat, PositionExportQuery } from '@verbund/shared/http';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../domain/actor.js';
import { documentKind } from '../domain/documents/document-kinds.js';
import { docToProseMirror, type PmDoc } from '../domain/documents/prosemirror.js';
import type { DocRegistry } from '../docs/doc-registry.js';
import { exportFileName, positionExport, type PositionExport } from './position-export.js';
import { positionDocx } from './position-docx.js';
import { positionMarkdown } from './position-markdown.js';
import { positionPdf } from './position-pdf.js';

export type ExportFile = { body: Buffer | string; contentType: string; fileName: string };

const RENDERERS: Record<ExportFormat, { contentType: string; render: (position: PositionExport) => Promise<Buffer> | string }> = {
  pdf: { contentType: 'application/pdf', render: positionPdf },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: positionDocx },
  md: { contentType: 'text/markdown; charset=utf-8', render: positionMarkdown },
};

const POSITION_TEXT = 'position';

/**
 * A position's export (P40, P41): allowed exactly where its text may be read (the `position`
 * document kind decides, as for `doc:open`), made from the live document, so it shows what is
 * stored, edits of open editors included.
 */
export async function exportPosition(
  docs: DocRegistry,
  where: { workspaceId: string; state: Readonly<WorkspaceState>; actor: Actor },
  positionId: string,
  query: PositionExportQuery,
  now: Date,
): Promise<{ ok: true; file: ExportFile } | { ok: false; error: AppError }> {
  const { workspaceId, state, actor } = where;
  const kind = documentKind(POSITION_TEXT);
  const position = state.positions[positionId];
  if (!kind || !position || kind.access(state, actor, positionId) === 'none') return { ok: false, error: appError('not_found', 'position not found') };
  const content = await readText(docs, workspaceId, positionId, () => kind.seed(state, positionId));
  const renderer = RENDERERS[query.format];
  const body = await renderer.render(positionExport(state, positionId, content, now, query.lang));
  return { ok: true, file: { body, contentType: renderer.contentType, fileName: exportFileName(position.title, now, query.format) } };
}

/** Holds the document only while reading it; an open document stays loaded, a closed one unloads as usual. */
async function readText(docs: DocRegistry, workspaceId: string, positionId: string, seed: () => Uint8Array): Promise<PmDoc> {
  const docId = docIdOf(POSITION_TEXT, positionId);
  const holder = `export:${randomUUID()}`;
  try {
    const live = await docs.acquire(workspaceId, docId, seed, holder);
    return docToProseMirror(live.doc);
  } finally {
    docs.release(workspaceId, docId, holder);
  }
}
