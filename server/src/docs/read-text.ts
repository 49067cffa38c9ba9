import { randomUUID } from 'node:crypto';
import { docIdOf } from '@verbund/shared/docs';
import { appError, type AppError } from '@verbund/shared/errors';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { AuthorRun, PmDoc } from '@verbund/shared/rich-text';
import type { Actor } from '../domain/actor.js';
import { documentKind } from '../domain/documents/document-kinds.js';
import { docToProseMirror } from '../domain/documents/prosemirror.js';
import { docAuthors } from '../domain/documents/text-authors.js';
import type { DocRegistry } from './doc-registry.js';
import type { LiveDoc } from './live-doc.js';

export type TextReader = { workspaceId: string; state: Readonly<WorkspaceState>; actor: Actor };

const POSITION_TEXT = 'position';

/**
 * Runs `use` on a position's live document for a reader the `position` document kind lets read it
 * (as for `doc:open`); not found for anyone else. Holds the document only meanwhile: an open one
 * stays loaded, a closed one unloads as usual.
 */
export async function withPositionDoc<T>(docs: DocRegistry, reader: TextReader, positionId: string, use: (live: LiveDoc) => Promise<T>): Promise<T | { ok: false; error: AppError }> {
  const { workspaceId, state, actor } = reader;
  const kind = documentKind(POSITION_TEXT);
  if (!kind || !state.positions[positionId] || kind.access(state, actor, positionId) === 'none') return { ok: false, error: appError('not_found', 'position not found') };
  const docId = docIdOf(POSITION_TEXT, positionId);
  const holder = `read:${randomUUID()}`;
  try {
    return await use(await docs.acquire(workspaceId, docId, { kind, state, entityId: positionId }, holder));
  } finally {
    docs.release(workspaceId, docId, holder);
  }
}

export type AuthoredText = { content: PmDoc; authors: AuthorRun[] };

/** A document's text as ProseMirror JSON and, beside it, who wrote it (Y18), read in one go. */
export const authoredText = (live: LiveDoc): AuthoredText => ({ content: docToProseMirror(live.doc), authors: docAuthors(live.doc, (clientId) => live.writerOf(clientId)) });

/** A position's text as stored now (edits of open editors included), with who wrote it. */
export const readPositionText = (docs: DocRegistry, reader: TextReader, positionId: string): Promise<({ ok: true } & AuthoredText) | { ok: false; error: AppError }> =>
  withPositionDoc(docs, reader, positionId, (live) => Promise.resolve({ ok: true as const, ...authoredText(live) }));
