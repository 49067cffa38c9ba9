import { randomUUID } from 'node:crypto';
import { docIdOf } from '@verbund/shared/docs';
import { appError, type AppError } from '@verbund/shared/errors';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { PmDoc } from '@verbund/shared/rich-text';
import type { Actor } from '../domain/actor.js';
import { documentKind } from '../domain/documents/document-kinds.js';
import { docToProseMirror } from '../domain/documents/prosemirror.js';
import type { DocRegistry } from './doc-registry.js';

export type TextReader = { workspaceId: string; state: Readonly<WorkspaceState>; actor: Actor };

const POSITION_TEXT = 'position';

/**
 * A position's text as ProseMirror JSON, as stored now (edits of open editors included), for a
 * reader the `position` document kind lets read it (as for `doc:open`); not found for anyone else.
 * Holds the document only while reading: an open one stays loaded, a closed one unloads as usual.
 */
export async function readPositionText(docs: DocRegistry, reader: TextReader, positionId: string): Promise<{ ok: true; content: PmDoc } | { ok: false; error: AppError }> {
  const { workspaceId, state, actor } = reader;
  const kind = documentKind(POSITION_TEXT);
  if (!kind || !state.positions[positionId] || kind.access(state, actor, positionId) === 'none') return { ok: false, error: appError('not_found', 'position not found') };
  const docId = docIdOf(POSITION_TEXT, positionId);
  const holder = `read:${randomUUID()}`;
  try {
    const live = await docs.acquire(workspaceId, docId, () => kind.seed(state, positionId), holder);
    return { ok: true, content: docToProseMirror(live.doc) };
  } finally {
    docs.release(workspaceId, docId, holder);
  }
}
