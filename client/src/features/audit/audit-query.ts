/** The audit view's filters as the form holds them; empty strings mean "any". */
export type AuditFilter = { personId: string; partnerId: string; type: string; from: string; to: string };

export const EMPTY_AUDIT_FILTER: AuditFilter = { personId: '', partnerId: '', type: '', from: '', to: '' };

/** The query string the audit endpoint reads, for the list, its pages and the exports alike. */
export function auditSearch(filter: AuditFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function auditPath(workspaceId: string, filter: AuditFilter, extra: Record<string, string | number | undefined> = {}): string {
  return `/api/workspaces/${workspaceId}/admin/audit${auditSearch(filter, extra)}`;
}
