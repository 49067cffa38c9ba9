import { positionVersionSchema } from '@verbund/shared/features/positions/positions-feature';
import { versionTextSchema, type VersionText } from '@verbund/shared/http';
import { apiGet, apiPost } from '../../lib/api';
import { newId } from '../../lib/command-queue';

const base = (workspaceId: string, positionId: string) => `/api/workspaces/${workspaceId}/positions/${positionId}`;

/** P8: the server reads the stored text and records it under this name. */
export const nameVersion = (workspaceId: string, positionId: string, name: string) =>
  apiPost(`${base(workspaceId, positionId)}/versions`, { versionId: newId(), name }, positionVersionSchema);

/** A named version's frozen text, or with `current` (no version id is that) the text as stored now. */
export function fetchVersionText(workspaceId: string, positionId: string, versionId: string): Promise<VersionText> {
  const path = versionId === 'current' ? `${base(workspaceId, positionId)}/text` : `${base(workspaceId, positionId)}/versions/${versionId}`;
  return apiGet(path, versionTextSchema);
}
