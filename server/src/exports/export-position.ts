import { appError, type AppError } from '@verbund/shared/errors';
import type { ExportFormat, PositionExportQuery } from '@verbund/shared/http';
import type { DocRegistry } from '../docs/doc-registry.js';
import { readPositionText, type TextReader } from '../docs/read-text.js';
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

/**
 * A position's export (P40, P41): allowed exactly where its text may be read (the `position`
 * document kind decides, as for `doc:open`), made from the live document, so it shows what is
 * stored, edits of open editors included.
 */
export async function exportPosition(
  docs: DocRegistry,
  where: TextReader,
  positionId: string,
  query: PositionExportQuery,
  now: Date,
): Promise<{ ok: true; file: ExportFile } | { ok: false; error: AppError }> {
  const text = await readPositionText(docs, where, positionId);
  const position = where.state.positions[positionId];
  if (!text.ok || !position) return { ok: false, error: text.ok ? appError('not_found', 'position not found') : text.error };
  const renderer = RENDERERS[query.format];
  const body = await renderer.render(positionExport(where.state, positionId, text.content, now, query.lang));
  return { ok: true, file: { body, contentType: renderer.contentType, fileName: exportFileName(position.title, now, query.format) } };
}
