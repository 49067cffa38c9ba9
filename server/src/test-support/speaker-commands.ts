import type { CommandOf } from '@verbund/shared/commands';
import type { SpeakingRules } from '@verbund/shared/features/sessions/speakers';
import type { TimerSubject } from '@verbund/shared/features/sessions/timer';
import { nextId } from './builders.js';

/** Builders of the speaker-queue and timer commands (M20–M36), bound to one workspace. */
export function speakerCommandsFor(workspaceId: string) {
  // Each builder's return type states the command it builds; the cast only joins envelope and payload.
  const envelope = (type: string, payload: unknown) => ({ id: nextId(), workspaceId, type, payload }) as never;
  return {
    raise: (sessionId: string, pointOfOrder = false): CommandOf<'session.raise_hand'> => envelope('session.raise_hand', { sessionId, pointOfOrder }),
    lower: (sessionId: string): CommandOf<'session.lower_hand'> => envelope('session.lower_hand', { sessionId }),
    remove: (sessionId: string, personId: string): CommandOf<'session.remove_hand'> => envelope('session.remove_hand', { sessionId, personId }),
    markPointOfOrder: (sessionId: string, personId: string): CommandOf<'session.mark_point_of_order'> => envelope('session.mark_point_of_order', { sessionId, personId }),
    callNext: (sessionId: string): CommandOf<'session.call_next_speaker'> => envelope('session.call_next_speaker', { sessionId }),
    endContribution: (sessionId: string): CommandOf<'session.end_contribution'> => envelope('session.end_contribution', { sessionId }),
    rules: (sessionId: string, rules: SpeakingRules): CommandOf<'session.set_speaking_rules'> => envelope('session.set_speaking_rules', { sessionId, rules }),
    startTimer: (sessionId: string, subject: TimerSubject, seconds: number): CommandOf<'session.start_timer'> => envelope('session.start_timer', { sessionId, subject, seconds }),
    pauseTimer: (sessionId: string): CommandOf<'session.pause_timer'> => envelope('session.pause_timer', { sessionId }),
    resumeTimer: (sessionId: string): CommandOf<'session.resume_timer'> => envelope('session.resume_timer', { sessionId }),
    extendTimer: (sessionId: string, seconds: number): CommandOf<'session.extend_timer'> => envelope('session.extend_timer', { sessionId, seconds }),
    resetTimer: (sessionId: string): CommandOf<'session.reset_timer'> => envelope('session.reset_timer', { sessionId }),
  };
}
