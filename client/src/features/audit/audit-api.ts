import { infiniteQueryOptions, queryOptions, useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { auditCheckpointSchema, chainVerdictSchema, checkpointVerdictSchema, type AuditCheckpoint } from '@verbund/shared/http';
import { storedEventsSchema } from '@verbund/shared/protocol';
import { apiGet, apiPost } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import { auditPath, type AuditFilter } from './audit-query';

export const AUDIT_PAGE = 100;

const auditPageSchema = z.object({ events: storedEventsSchema, nextBeforeSeq: z.number().int().nullable() });

export function auditQueryOptions(workspaceId: string, filter: AuditFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.auditList(workspaceId, filter),
    queryFn: ({ pageParam }) => apiGet(auditPath(workspaceId, filter, { limit: AUDIT_PAGE, beforeSeq: pageParam ?? undefined }), auditPageSchema),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBeforeSeq,
  });
}

/** Run on request only: it walks the whole log. */
export function chainVerdictQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.auditVerdict(workspaceId),
    queryFn: () => apiGet(`/api/workspaces/${workspaceId}/admin/audit/verify`, chainVerdictSchema),
    enabled: false,
    gcTime: 0,
  });
}

/** A signed checkpoint of the log's current head, for a partner to keep outside the server. */
export function fetchCheckpoint(workspaceId: string) {
  return apiGet(`/api/workspaces/${workspaceId}/admin/audit/checkpoint`, auditCheckpointSchema);
}

export function useFetchCheckpoint(workspaceId: string) {
  return useMutation({ mutationFn: () => fetchCheckpoint(workspaceId) });
}

/** A kept checkpoint against today's log; it walks the whole log, like the integrity check. */
export function verifyCheckpoint(workspaceId: string, checkpoint: AuditCheckpoint) {
  return apiPost(`/api/workspaces/${workspaceId}/admin/audit/verify-checkpoint`, checkpoint, checkpointVerdictSchema);
}

export function useVerifyCheckpoint(workspaceId: string) {
  return useMutation({ mutationFn: (checkpoint: AuditCheckpoint) => verifyCheckpoint(workspaceId, checkpoint) });
}
