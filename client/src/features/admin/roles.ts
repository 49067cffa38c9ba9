import { ROLES, type Role } from '@verbund/shared/model';

/**
 * The roles after ticking or unticking one checkbox, in the canonical order; null when the last
 * role would go, because every member keeps at least one (the server refuses an empty list).
 */
export function toggleRole(roles: readonly Role[], role: Role, checked: boolean): Role[] | null {
  const next = new Set(roles);
  if (checked) next.add(role);
  else next.delete(role);
  if (next.size === 0) return null;
  return ROLES.filter((r) => next.has(r));
}

export function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}
