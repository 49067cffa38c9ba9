import { createHash, randomUUID } from 'node:crypto';
import { appError } from '@verbund/shared/errors';
import type { PositionVersion } from '@verbund/shared/features/positions/positions-feature';
import type { VersionText } from '@verbund/shared/http';
import type { Ack } from '@verbund/shared/protocol';
import { canonicalJson, type PmDoc } from '@verbund/shared/rich-text';
import type { Storage } from '../storage/port.js';
import type { WorkspaceEngine } from '../sync/workspace-engine.js';
import type { DocRegistry } from './doc-registry.js';
import { authoredText, readPositionText, withPositionDoc, type TextReader } from './read-text.js';

/** P8: the SHA-256 of the content's canonical JSON, so equal texts have equal hashes on every server. */
export const contentHash = (content: PmDoc): string => createHash('sha256').update(canonicalJson(content)).digest('hex');

/** The version a person names of the content just read. */
const versionOf = (content: PmDoc, reader: TextReader, request: { versionId: string; name: string; now: Date }): PositionVersion => ({
  id: request.versionId,
  name: request.name,
  hash: contentHash(content),
  namedBy: reader.actor.personId,
  namedAt: request.now.toISOString(),
});

/**
 * P8: a person names a version; the server reads the text from the stored document (never from the
 * client, whose copy may lag) and records it, hashed, as its own command for that person.
 */
export async function nameVersion(
  docs: DocRegistry,
  engine: WorkspaceEngine,
  reader: TextReader,
  request: { positionId: string; versionId: string; name: string; now: Date },
): Promise<Ack<PositionVersion>> {
  const text = await readPositionText(docs, reader, request.positionId);
  if (!text.ok) return text;
  const version = versionOf(text.content, reader, request);
  const answer = await engine.submitAsSystem({
    id: randomUUID(),
    workspaceId: reader.workspaceId,
    type: 'position.record_version',
    payload: { positionId: request.positionId, version, content: text.content, authors: text.authors },
  });
  return answer.ok ? { ok: true, value: version } : answer;
}

/**
 * P10: a sign-off round freezes the text at a version. Read and frozen between two writes of the
 * document: no update lands after the read and before the round (the status change) is committed,
 * and every update waiting then is refused as read-only, so the partners sign exactly the stored text.
 */
export async function startSignoff(
  docs: DocRegistry,
  engine: WorkspaceEngine,
  reader: TextReader,
  request: { positionId: string; roundId: string; versionId: string; name: string; now: Date },
): Promise<Ack<PositionVersion>> {
  return withPositionDoc(docs, reader, request.positionId, (live) =>
    live.exclusive(async (): Promise<Ack<PositionVersion>> => {
      const { content, authors } = authoredText(live);
      const version = versionOf(content, reader, request);
      const answer = await engine.submitAsSystem({
        id: randomUUID(),
        workspaceId: reader.workspaceId,
        type: 'position.start_signoff',
        payload: { positionId: request.positionId, round: { id: request.roundId, startedBy: reader.actor.personId }, version, content, authors },
      });
      return answer.ok ? { ok: true, value: version } : answer;
    }),
  );
}

/** The text as stored now, with its hash: what a version named at this moment would hold. */
export async function currentText(docs: DocRegistry, reader: TextReader, positionId: string): Promise<Ack<VersionText>> {
  const text = await readPositionText(docs, reader, positionId);
  return text.ok ? { ok: true, value: { version: null, hash: contentHash(text.content), content: text.content, authors: text.authors } } : text;
}

/** A named version's frozen content, from the event that recorded it (the state keeps only its name and hash). */
export async function versionText(storage: Storage, reader: TextReader, positionId: string, versionId: string): Promise<Ack<VersionText>> {
  const known = reader.state.positionVersions[positionId]?.find((v) => v.id === versionId);
  if (!known || reader.actor.roles.length === 0) return { ok: false, error: appError('not_found', 'version not found') };
  for (const event of await storage.readSubjectEvents(reader.workspaceId, positionId)) {
    if (event.type === 'position.version_recorded' && event.data.version.id === versionId) {
      return { ok: true, value: { version: event.data.version, hash: event.data.version.hash, content: event.data.content, authors: event.data.authors ?? null } };
    }
  }
  return { ok: false, error: appError('not_found', 'version not found') };
}
