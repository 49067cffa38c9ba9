import type { Deputyship } from '@verbund/shared/admin';

/** Deputyships not revoked and not over yet, soonest first. */
export function currentDeputyships(deputyships: Record<string, Deputyship>, day: string): Deputyship[] {
  return Object.values(deputyships)
    .filter((d) => !d.revoked && d.to >= day)
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
