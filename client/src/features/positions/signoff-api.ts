import { positionVersionSchema } from '@verbund/shared/features/positions/positions-feature';
import { apiPost } from '../../lib/api';
import { newId } from '../../lib/command-queue';

/** P10: the server freezes the text it has stored as a version under this name and opens the round. */
export const startSignoff = (workspaceId: string, positionId: string, name: string) =>
  apiPost(`/api/workspaces/${workspaceId}/positions/${positionId}/signoff`, { roundId: newId(), versionId: newId(), name }, positionVersionSchema);
