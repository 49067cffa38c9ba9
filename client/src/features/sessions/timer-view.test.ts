import { describe, expect, it } from 'vitest';
import { pauseTimer, resetTimer, startTimer } from '@verbund/shared/features/sessions/timer';
import { formatRemaining, timerMoment } from './timer-view';

const AT = '2026-12-10T09:00:00.000Z';
const item = { kind: 'item', itemId: '00000000-0000-4000-8000-000000000001' } as const;
const speaker = { kind: 'speaker', personId: '00000000-0000-4000-8000-000000000002' } as const;

describe('timer display and announcements (docs/session-rules.md, M34, M35)', () => {
  it('M34 the remaining time reads m:ss, a started second counted whole, h:mm:ss past an hour', () => {
    expect(formatRemaining(300_000)).toBe('5:00');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(59_000)).toBe('0:59');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(3_725_000)).toBe('1:02:05');
  });

  it('M35 spoken at a start, with one minute left and at time up, and at no other tick', () => {
    const running = startTimer(item, 120_000, AT);
    expect(timerMoment({ timer: undefined, remainingMs: 0 }, { timer: running, remainingMs: 120_000 })).toBe('started');
    expect(timerMoment({ timer: running, remainingMs: 120_000 }, { timer: running, remainingMs: 119_750 })).toBeNull();
    expect(timerMoment({ timer: running, remainingMs: 60_100 }, { timer: running, remainingMs: 59_900 })).toBe('one_minute');
    expect(timerMoment({ timer: running, remainingMs: 59_900 }, { timer: running, remainingMs: 59_650 })).toBeNull();
    expect(timerMoment({ timer: running, remainingMs: 200 }, { timer: running, remainingMs: 0 })).toBe('time_up');
    expect(timerMoment({ timer: running, remainingMs: 0 }, { timer: running, remainingMs: 0 })).toBeNull();
    // Another speaker's timer, or the same one started again after a reset, is a new start; a paused one is silent.
    const next = startTimer(speaker, 120_000, AT);
    expect(timerMoment({ timer: running, remainingMs: 30_000 }, { timer: next, remainingMs: 120_000 })).toBe('started');
    const reset = resetTimer(running);
    expect(timerMoment({ timer: reset, remainingMs: 120_000 }, { timer: startTimer(item, 120_000, AT), remainingMs: 120_000 })).toBe('started');
    expect(timerMoment({ timer: running, remainingMs: 61_000 }, { timer: pauseTimer(running, AT), remainingMs: 59_000 })).toBeNull();
  });
});
