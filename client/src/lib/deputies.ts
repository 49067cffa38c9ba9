import type { Deputyship } from '@verbund/shared/admin';

/** Today as a calendar date in the person's own time zone (the server's ranges are calendar days too). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Deputyships not revoked and not over yet, soonest first. */
export function currentDeputyships(deputyships: Record<string, Deputyship>, day: string): Deputyship[] {
  return Object.values(deputyships)
    .filter((d) => !d.revoked && d.to >= day)
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}
