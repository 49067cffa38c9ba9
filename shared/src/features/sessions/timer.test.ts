import { describe, expect, it } from 'vitest';
import { extendTimer, pauseTimer, remainingMs, resetTimer, resumeTimer, startTimer } from './timer.js';

const T0 = Date.parse('2026-12-10T09:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const item = { kind: 'item', itemId: '00000000-0000-4000-8000-000000000001' } as const;

describe('timer arithmetic (docs/session-rules.md, M30–M34)', () => {
  it('M30 a started timer is an end on the server clock; M34 what is left is read at any instant, never below zero', () => {
    const timer = startTimer(item, 300_000, at(0));
    expect(timer).toEqual({ status: 'running', subject: item, durationMs: 300_000, endsAt: at(300) });
    expect(remainingMs(timer, at(0))).toBe(300_000);
    expect(remainingMs(timer, at(120.5))).toBe(179_500);
    expect(remainingMs(timer, at(301))).toBe(0);
  });

  it('M31 pausing keeps what was left; resuming ends it that much after the resume', () => {
    const paused = pauseTimer(startTimer(item, 300_000, at(0)), at(100));
    expect(paused).toMatchObject({ status: 'paused', remainingMs: 200_000 });
    expect(remainingMs(paused, at(5_000))).toBe(200_000);
    expect(pauseTimer(paused, at(200))).toBe(paused);
    const resumed = resumeTimer(paused, at(1_000));
    expect(resumed).toMatchObject({ status: 'running', endsAt: at(1_200) });
    expect(resumeTimer(resumed, at(1_100))).toBe(resumed);
  });

  it('M32 extending adds time, running or paused; a timer that ran out counts the extension from now', () => {
    const running = startTimer(item, 60_000, at(0));
    expect(extendTimer(running, 30_000, at(10))).toMatchObject({ endsAt: at(90) });
    expect(extendTimer(pauseTimer(running, at(20)), 30_000, at(500))).toMatchObject({ status: 'paused', remainingMs: 70_000 });
    expect(extendTimer(running, 30_000, at(100))).toMatchObject({ endsAt: at(130) });
  });

  it('M33 reset goes back to the started duration, paused', () => {
    const extended = extendTimer(startTimer(item, 60_000, at(0)), 30_000, at(10));
    expect(resetTimer(extended)).toEqual({ status: 'paused', subject: item, durationMs: 60_000, remainingMs: 60_000 });
  });
});
