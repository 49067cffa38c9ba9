import { refusal } from '@verbund/shared/errors';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { EMPTY_SPEAKER_BOOK, speakingNow } from '@verbund/shared/features/sessions/speakers';
import type { SessionTimer, TimerSubject } from '@verbund/shared/features/sessions/timer';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../actor.js';
import { accept, reject, type Deciders, type Decision } from '../decision.js';
import type { Policies } from '../feature.js';
import { anyMember } from '../roles.js';
import { whileRunning, withRunnable } from './guards.js';

export type TimerCommand = 'session.start_timer' | 'session.pause_timer' | 'session.resume_timer' | 'session.extend_timer' | 'session.reset_timer';

/** M30: the timer is the runners' while the session runs. */
const asRunner = (state: WorkspaceState, sessionId: string, actor: Actor, then: (session: ModeratedSession) => Decision) =>
  withRunnable(state, sessionId, actor, (session) => whileRunning(session, then));

/** M31–M33: there is a timer to change. */
function withTimer(state: WorkspaceState, sessionId: string, actor: Actor, then: (timer: SessionTimer) => Decision): Decision {
  return asRunner(state, sessionId, actor, (session) => {
    const timer = state.sessionTimers[session.id];
    return timer ? then(timer) : reject(refusal('conflict', 'no_timer', 'the session has no timer'));
  });
}

/** M30: an item of this agenda not deferred, or the person speaking now. */
function subjectValid(state: WorkspaceState, session: ModeratedSession, subject: TimerSubject): boolean {
  if (subject.kind === 'item') return session.items.some((i) => i.id === subject.itemId && !i.deferred);
  return speakingNow(state.sessionSpeakers[session.id] ?? EMPTY_SPEAKER_BOOK, session.currentItemId)?.personId === subject.personId;
}

const timerDeciders: Deciders<TimerCommand> = {
  // M30: a new start replaces whatever the timer showed.
  'session.start_timer': (state, { payload }, actor) =>
    asRunner(state, payload.sessionId, actor, (session) =>
      subjectValid(state, session, payload.subject)
        ? accept({ type: 'session.timer_started', data: payload })
        : reject(refusal('invalid_payload', 'timer_subject_invalid', 'a timer runs for an item of this agenda or for the person speaking')),
    ),
  'session.pause_timer': (state, { payload }, actor) =>
    withTimer(state, payload.sessionId, actor, (timer) =>
      timer.status === 'running' ? accept({ type: 'session.timer_paused', data: payload }) : reject(refusal('conflict', 'timer_paused', 'the timer is paused')),
    ),
  'session.resume_timer': (state, { payload }, actor) =>
    withTimer(state, payload.sessionId, actor, (timer) =>
      timer.status === 'paused' ? accept({ type: 'session.timer_resumed', data: payload }) : reject(refusal('conflict', 'timer_running', 'the timer is running')),
    ),
  'session.extend_timer': (state, { payload }, actor) => withTimer(state, payload.sessionId, actor, () => accept({ type: 'session.timer_extended', data: payload })),
  'session.reset_timer': (state, { payload }, actor) => withTimer(state, payload.sessionId, actor, () => accept({ type: 'session.timer_reset', data: payload })),
};

/** Every member may send them; only the session's runners are accepted (M1), by the deciders. */
const timerPolicy: Policies<TimerCommand> = {
  'session.start_timer': anyMember,
  'session.pause_timer': anyMember,
  'session.resume_timer': anyMember,
  'session.extend_timer': anyMember,
  'session.reset_timer': anyMember,
};

export { timerDeciders, timerPolicy };
