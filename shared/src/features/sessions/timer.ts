import { z } from 'zod';
import { idSchema, instantSchema } from '../../model.js';

/** The shared timer of a session (docs/session-rules.md, M30–M36). */
export const TIMER_LIMITS = { minSeconds: 1, maxSeconds: 8 * 3_600, maxExtendSeconds: 3_600 } as const;

/** M30: what the timer times: an agenda item, or a person speaking. */
export const timerSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('item'), itemId: idSchema }),
  z.strictObject({ kind: z.literal('speaker'), personId: idSchema }),
]);
export type TimerSubject = z.infer<typeof timerSubjectSchema>;

/**
 * M30: stored as an end, never as a ticking count: running, the instant it reaches zero on the
 * server's clock; paused, what was left. `durationMs` is what it was started with (reset goes back to it).
 */
export const sessionTimerSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('running'), subject: timerSubjectSchema, durationMs: z.number().int().positive(), endsAt: instantSchema }),
  z.strictObject({ status: z.literal('paused'), subject: timerSubjectSchema, durationMs: z.number().int().positive(), remainingMs: z.number().int().min(0) }),
]);
export type SessionTimer = z.infer<typeof sessionTimerSchema>;

const plus = (instant: string, ms: number): string => new Date(Date.parse(instant) + ms).toISOString();

/** M30: a timer of `durationMs` running from `now`. */
export const startTimer = (subject: TimerSubject, durationMs: number, now: string): SessionTimer => ({ status: 'running', subject, durationMs, endsAt: plus(now, durationMs) });

/** M34: milliseconds left at `now` (the server's clock, or a client's estimate of it); never below zero. */
export const remainingMs = (timer: SessionTimer, now: string): number =>
  timer.status === 'paused' ? timer.remainingMs : Math.max(0, Date.parse(timer.endsAt) - Date.parse(now));

/** M31: a paused timer keeps what was left at `now`. */
export const pauseTimer = (timer: SessionTimer, now: string): SessionTimer =>
  timer.status === 'paused' ? timer : { status: 'paused', subject: timer.subject, durationMs: timer.durationMs, remainingMs: remainingMs(timer, now) };

/** M31: a resumed timer ends what was left after `now`. */
export const resumeTimer = (timer: SessionTimer, now: string): SessionTimer =>
  timer.status === 'running' ? timer : { status: 'running', subject: timer.subject, durationMs: timer.durationMs, endsAt: plus(now, timer.remainingMs) };

/** M32: `ms` more; a running timer that reached zero counts them from `now`, not from its past end. */
export const extendTimer = (timer: SessionTimer, ms: number, now: string): SessionTimer =>
  timer.status === 'paused' ? { ...timer, remainingMs: timer.remainingMs + ms } : { ...timer, endsAt: plus(now, remainingMs(timer, now) + ms) };

/** M33: back to the duration it was started with, paused until resumed. */
export const resetTimer = (timer: SessionTimer): SessionTimer => ({ status: 'paused', subject: timer.subject, durationMs: timer.durationMs, remainingMs: timer.durationMs });

const ref = { sessionId: idSchema };
const seconds = (max: number) => z.number().int().min(TIMER_LIMITS.minSeconds).max(max);

export const timerCommands = {
  'session.start_timer': z.strictObject({ ...ref, subject: timerSubjectSchema, seconds: seconds(TIMER_LIMITS.maxSeconds) }),
  'session.pause_timer': z.strictObject(ref),
  'session.resume_timer': z.strictObject(ref),
  'session.extend_timer': z.strictObject({ ...ref, seconds: seconds(TIMER_LIMITS.maxExtendSeconds) }),
  'session.reset_timer': z.strictObject(ref),
};

/** The events carry what was asked; the reducers compute the end from the event's instant (the server's clock). */
export const timerEvents = {
  'session.timer_started': z.strictObject({ ...ref, subject: timerSubjectSchema, seconds: z.number().int().positive() }),
  'session.timer_paused': z.strictObject(ref),
  'session.timer_resumed': z.strictObject(ref),
  'session.timer_extended': z.strictObject({ ...ref, seconds: z.number().int().positive() }),
  'session.timer_reset': z.strictObject(ref),
};

const bySession = (d: { sessionId: string }) => d.sessionId;
export const timerSubjects = {
  'session.timer_started': bySession,
  'session.timer_paused': bySession,
  'session.timer_resumed': bySession,
  'session.timer_extended': bySession,
  'session.timer_reset': bySession,
};

type TimerSlice = { sessionTimers: Record<string, SessionTimer> };
type In<T extends keyof typeof timerEvents> = { data: z.infer<(typeof timerEvents)[T]>; at: string };

function changeTimer(s: TimerSlice, sessionId: string, change: (timer: SessionTimer) => SessionTimer): void {
  const timer = s.sessionTimers[sessionId];
  if (timer) s.sessionTimers[sessionId] = change(timer);
}

export const timerReducers = {
  'session.timer_started': (s: TimerSlice, e: In<'session.timer_started'>) => {
    s.sessionTimers[e.data.sessionId] = startTimer(e.data.subject, e.data.seconds * 1000, e.at);
  },
  'session.timer_paused': (s: TimerSlice, e: In<'session.timer_paused'>) => changeTimer(s, e.data.sessionId, (t) => pauseTimer(t, e.at)),
  'session.timer_resumed': (s: TimerSlice, e: In<'session.timer_resumed'>) => changeTimer(s, e.data.sessionId, (t) => resumeTimer(t, e.at)),
  'session.timer_extended': (s: TimerSlice, e: In<'session.timer_extended'>) => changeTimer(s, e.data.sessionId, (t) => extendTimer(t, e.data.seconds * 1000, e.at)),
  'session.timer_reset': (s: TimerSlice, e: In<'session.timer_reset'>) => changeTimer(s, e.data.sessionId, resetTimer),
};
