import { appError, type AppError } from '@verbund/shared/errors';
import type { ExportFormat, PositionExportQuery } from '@verbund/shared/http';
import { adoptedRound } from '@verbund/shared/features/positions/adoption';
import type { PmDoc } from '@verbund/shared/rich-text';
import type { DocRegistry } from '../docs/doc-registry.js';
import { versionText } from '../docs/position-versions.js';
import { readPositionText, type TextReader } from '../docs/read-text.js';
import type { Storage } from '../storage/port.js';
import { namedAccounts } from './people-names.js';
import { exportFileName, positionExport, type PositionExport, type Signed } from './position-export.js';
import { positionDocx } from './position-docx.js';
import { positionMarkdown } from './position-markdown.js';
import { positionPdf } from './position-pdf.js';

export type ExportFile = { body: Buffer | string; contentType: string; fileName: string };

const RENDERERS: Record<ExportFormat, { contentType: string; render: (position: PositionExport) => Promise<Buffer> | string }> = {
  pdf: { contentType: 'application/pdf', render: positionPdf },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: positionDocx },
  md: { contentType: 'text/markdown; charset=utf-8', render: positionMarkdown },
};

type Text = { ok: true; content: PmDoc; signed: Signed | null } | { ok: false; error: AppError };

/**
 * A position's export (P40, P41): allowed exactly where its text may be read (the `position`
 * document kind decides, as for `doc:open`). A position not adopted is made from the live document,
 * so it shows what is stored, edits of open editors included; an adopted one from the frozen version
 * its partners signed, with their signatures (P50).
 */
export async function exportPosition(
  ports: { docs: DocRegistry; storage: Storage },
  where: TextReader,
  positionId: string,
  query: PositionExportQuery,
  now: Date,
): Promise<{ ok: true; file: ExportFile } | { ok: false; error: AppError }> {
  const text = await textToExport(ports, where, positionId);
  const position = where.state.positions[positionId];
  if (!text.ok || !position) return { ok: false, error: text.ok ? appError('not_found', 'position not found') : text.error };
  const renderer = RENDERERS[query.format];
  const body = await renderer.render(positionExport(where.state, positionId, text.content, now, query.lang, text.signed));
  return { ok: true, file: { body, contentType: renderer.contentType, fileName: exportFileName(position.title, now, query.format) } };
}

/** P50: the adopted round's frozen content (from its event) with the signers' names, or the live text. */
async function textToExport(ports: { docs: DocRegistry; storage: Storage }, where: TextReader, positionId: string): Promise<Text> {
  const round = adoptedRound(where.state, positionId);
  if (!round) {
    const live = await readPositionText(ports.docs, where, positionId);
    return live.ok ? { ...live, signed: null } : live;
  }
  const frozen = await versionText(ports.storage, where, positionId, round.versionId);
  if (!frozen.ok) return frozen;
  return { ok: true, content: frozen.value.content, signed: { round, names: await signerNames(ports.storage, where, round) } };
}

/**
 * P54: the names of the people who answered in the round and of the Dezernenten deputies stood in
 * for, from the accounts; an erased membership or account has no name here and shows as a former member.
 */
async function signerNames(storage: Storage, where: TextReader, round: Signed['round']): Promise<Map<string, string>> {
  const ids = [...new Set(Object.values(round.answers).flatMap((a) => (a.onBehalfOf ? [a.by, a.onBehalfOf] : [a.by])))];
  return namedAccounts(await storage.findAccountsByIds(ids), where.state);
}
