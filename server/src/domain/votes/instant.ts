/**
 * Orders ISO instants without a clock. `z.iso.datetime()` admits any number of fraction digits
 * ("…:00Z" and "…:00.5Z"), whose plain string order is wrong ('.' sorts before 'Z'), so the
 * fraction is padded before comparing. Only UTC ("Z") instants occur in votes.
 */
const INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/;

function sortKey(iso: string): string {
  const m = INSTANT.exec(iso);
  if (!m) return iso;
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0').slice(0, 9)}`;
}

export function compareInstants(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export const isBefore = (a: string, b: string): boolean => compareInstants(a, b) < 0;

/** The instant cut to its minute ("…T10:01:00.000Z"), for moments that may not be told exactly (D39). */
export function toMinute(iso: string): string {
  const m = INSTANT.exec(iso);
  return m?.[1] ? `${m[1].slice(0, 16)}:00.000Z` : iso;
}
