import type { SessionTimer } from '@verbund/shared/features/sessions/timer';

/** What is left as a clock shows it, m:ss (h:mm:ss past an hour); a started second counts as a whole one. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export const ONE_MINUTE_MS = 60_000;

/**
 * M35: the moments spoken to screen readers, never every second: a start (a new timer, another
 * subject or duration, or one started again after a reset), one minute left, time up.
 */
export function timerMoment(
  before: { timer: SessionTimer | undefined; remainingMs: number },
  after: { timer: SessionTimer | undefined; remainingMs: number },
): 'started' | 'one_minute' | 'time_up' | null {
  const [prev, next] = [before.timer, after.timer];
  if (!next || next.status !== 'running') return null;
  const wasReset = prev?.status === 'paused' && prev.remainingMs === prev.durationMs;
  const isNew = !prev || wasReset || prev.durationMs !== next.durationMs || JSON.stringify(prev.subject) !== JSON.stringify(next.subject);
  if (isNew && next !== prev) return 'started';
  if (before.remainingMs > 0 && after.remainingMs === 0) return 'time_up';
  if (before.remainingMs > ONE_MINUTE_MS && after.remainingMs <= ONE_MINUTE_MS && after.remainingMs > 0) return 'one_minute';
  return null;
}
