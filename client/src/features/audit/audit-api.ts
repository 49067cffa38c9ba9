import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { chainVerdictSchema } from '@verbund/shared/http';
import { storedEventsSchema } from '@verbund/shared/protocol';
import { apiGet } from '../../lib/api';
import { auditPath, type AuditFilter } from './audit-query';

export const AUDIT_PAGE = 100;

const auditPageSchema = z.object({ events: storedEventsSchema, nextBeforeSeq: z.number().int().nullable() });

export function auditQueryOptions(workspaceId: string, filter: AuditFilter) {
  return infiniteQueryOptions({
    queryKey: ['workspace', workspaceId, 'audit', filter] as const,
    queryFn: ({ pageParam }) => apiGet(auditPath(workspaceId, filter, { limit: AUDIT_PAGE, beforeSeq: pageParam ?? undefined }), auditPageSchema),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBeforeSeq,
  });
}

/** Run on request only: it walks the whole log. */
export function chainVerdictQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: ['workspace', workspaceId, 'audit', 'verify'] as const,
    queryFn: () => apiGet(`/api/workspaces/${workspaceId}/admin/audit/verify`, chainVerdictSchema),
    enabled: false,
    gcTime: 0,
  });
}
