import { describe, expect, it } from 'vitest';
import { remainingMs } from '@verbund/shared/features/sessions/timer';
import { outcome } from '../../test-support/decide-pure.js';
import { after, RS_WS, runningSession } from '../../test-support/running-session.js';
import { speakerCommandsFor } from '../../test-support/speaker-commands.js';

const q = speakerCommandsFor(RS_WS);

describe('shared timer deciders (docs/session-rules.md, M30–M33)', () => {
  it('M30 a runner starts the timer for an item of the agenda or for the person speaking, while the session runs', () => {
    const planned = runningSession({ planned: true });
    const subject = { kind: 'item', itemId: planned.items[0] ?? '' } as const;
    expect(outcome(planned.run('claudia', q.startTimer(planned.sessionId, subject, 300), after(0)))).toBe('conflict:session_not_running');

    const { run, sessionId, items, state, id } = runningSession();
    const item = { kind: 'item', itemId: items[1] ?? '' } as const;
    expect(outcome(run('anna', q.startTimer(sessionId, item, 300), after(0)))).toBe('forbidden:not_session_runner');
    expect(outcome(run('claudia', q.startTimer(sessionId, { kind: 'item', itemId: id('anna') }, 300), after(0)))).toBe('invalid_payload:timer_subject_invalid');
    expect(outcome(run('claudia', q.startTimer(sessionId, { kind: 'speaker', personId: id('anna') }, 60), after(0)))).toBe('invalid_payload:timer_subject_invalid');
    run('anna', q.raise(sessionId), after(1));
    run('claudia', q.callNext(sessionId), after(2));
    expect(outcome(run('claudia', q.startTimer(sessionId, { kind: 'speaker', personId: id('anna') }, 60), after(3)))).toBe('accepted');
    expect(outcome(run('claudia', q.startTimer(sessionId, item, 300), after(10)))).toBe('accepted');
    expect(state.sessionTimers[sessionId]).toEqual({ status: 'running', subject: item, durationMs: 300_000, endsAt: after(310) });
  });

  it('M31 M32 M33 pause, resume, extend and reset, each on the server clock at the moment decided', () => {
    const { run, sessionId, items, state } = runningSession();
    const timer = () => state.sessionTimers[sessionId];
    expect(outcome(run('claudia', q.pauseTimer(sessionId), after(0)))).toBe('conflict:no_timer');
    run('claudia', q.startTimer(sessionId, { kind: 'item', itemId: items[0] ?? '' }, 300), after(0));
    expect(outcome(run('claudia', q.resumeTimer(sessionId), after(10)))).toBe('conflict:timer_running');
    expect(outcome(run('claudia', q.pauseTimer(sessionId), after(100)))).toBe('accepted');
    expect(outcome(run('claudia', q.pauseTimer(sessionId), after(101)))).toBe('conflict:timer_paused');
    expect(outcome(run('jonas', q.extendTimer(sessionId, 60), after(150)))).toBe('forbidden:not_session_runner');
    expect(outcome(run('claudia', q.extendTimer(sessionId, 60), after(150)))).toBe('accepted');
    expect(outcome(run('claudia', q.resumeTimer(sessionId), after(200)))).toBe('accepted');
    const now = timer();
    if (!now) throw new Error('the timer is missing');
    expect(remainingMs(now, after(200))).toBe(260_000);
    expect(now).toMatchObject({ status: 'running', endsAt: after(460) });
    expect(outcome(run('claudia', q.resetTimer(sessionId), after(300)))).toBe('accepted');
    expect(timer()).toMatchObject({ status: 'paused', remainingMs: 300_000 });
  });
});
