import { useEffect, useId, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { remainingMs, TIMER_LIMITS, type SessionTimer as Timer } from '@verbund/shared/features/sessions/timer';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { mayRunSession, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { useAnnouncer } from '../../lib/announcer-store';
import { nameOf } from '../../lib/person-name';
import { serverNow, useServerClock } from '../../lib/server-clock';
import { useCommand } from '../../lib/use-command';
import { formatRemaining, timerMoment } from './timer-view';

type Props = { state: WorkspaceState; session: ModeratedSession; people: Person[]; meId: string };

const TICK_MS = 250;
const isoAt = (ms: number) => new Date(ms).toISOString();

const leftAt = (timer: Timer | undefined, offsetMs: number) => (timer ? remainingMs(timer, isoAt(serverNow(offsetMs))) : 0);

/** The remaining time on the server's clock (M34), re-read a few times a second so each screen turns the same second. */
function useRemaining(timer: Timer | undefined): number {
  const offsetMs = useServerClock((s) => s.offsetMs);
  // Only re-renders: what is left is always read afresh from the end and the server's clock.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (timer?.status !== 'running') return;
    const handle = setInterval(rerender, TICK_MS);
    return () => clearInterval(handle);
  }, [timer]);
  return leftAt(timer, offsetMs);
}

/**
 * The shared timer (M30–M35): the same second on every screen, from an end stored on the server;
 * spoken at its start, with one minute left and at time up, never every second.
 */
export function SessionTimer({ state, session, people, meId }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const id = useId().replace(/:/g, '');
  // The timer belongs to the running session; once it ended, what it showed is no longer current.
  const timer = session.state === 'running' ? state.sessionTimers[session.id] : undefined;
  const left = useRemaining(timer);
  const mayRun = mayRunSession(meId, session) && session.state === 'running';
  const [minutes, setMinutes] = useState('5');
  const before = useRef({ timer, remainingMs: left });
  const subject = !timer
    ? ''
    : timer.subject.kind === 'speaker'
      ? t('sessions.timer.forSpeaker', { name: nameOf(t, people, state.partners, timer.subject.personId) })
      : t('sessions.timer.forItem', { title: session.items.find((i) => i.id === (timer.subject.kind === 'item' ? timer.subject.itemId : ''))?.title ?? '' });

  useEffect(() => {
    const moment = timerMoment(before.current, { timer, remainingMs: left });
    before.current = { timer, remainingMs: left };
    if (moment === 'started' && timer) useAnnouncer.getState().announce(t('sessions.timer.started', { subject, time: formatRemaining(timer.durationMs) }));
    if (moment === 'one_minute') useAnnouncer.getState().announce(t('sessions.timer.oneMinute', { subject }));
    if (moment === 'time_up') useAnnouncer.getState().announce(t('sessions.timer.timeUp', { subject }));
  }, [timer, left, subject, t]);

  const sessionId = session.id;
  const startSeconds = Math.round(Number(minutes.replace(',', '.')) * 60);
  const validStart = Number.isFinite(startSeconds) && startSeconds >= TIMER_LIMITS.minSeconds && startSeconds <= TIMER_LIMITS.maxSeconds;
  const itemId = session.currentItemId;

  return (
    <section className="panel session-timer" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('sessions.timer.heading')}</h3>
      {timer ? (
        <>
          <p className="muted">{subject}</p>
          {/* role=timer is not live by default: the moments above are spoken, not each second. */}
          <p role="timer" aria-labelledby={`${id}-heading`} className={left === 0 ? 'timer-display timer-up' : 'timer-display'}>
            {formatRemaining(left)}
          </p>
          <p className="muted">{timer.status === 'paused' ? t('sessions.timer.paused') : left === 0 ? t('sessions.timer.up') : t('sessions.timer.running')}</p>
        </>
      ) : (
        <p className="muted">{t('sessions.timer.none')}</p>
      )}
      {mayRun && (
        <div className="button-row">
          {timer?.status === 'running' && (
            <button type="button" className="button button-secondary" onClick={() => command.mutate({ type: 'session.pause_timer', payload: { sessionId } })}>
              {t('sessions.timer.pause')}
            </button>
          )}
          {timer?.status === 'paused' && (
            <button type="button" className="button button-secondary" onClick={() => command.mutate({ type: 'session.resume_timer', payload: { sessionId } })}>
              {t('sessions.timer.resume')}
            </button>
          )}
          {timer && (
            <>
              <button type="button" className="button button-secondary" onClick={() => command.mutate({ type: 'session.extend_timer', payload: { sessionId, seconds: 60 } })}>
                {t('sessions.timer.extend')}
              </button>
              <button type="button" className="button button-quiet" onClick={() => command.mutate({ type: 'session.reset_timer', payload: { sessionId } })}>
                {t('sessions.timer.reset')}
              </button>
            </>
          )}
        </div>
      )}
      {mayRun && itemId && (
        <form
          className="timer-start"
          onSubmit={(event) => {
            event.preventDefault();
            if (validStart) command.mutate({ type: 'session.start_timer', payload: { sessionId, subject: { kind: 'item', itemId }, seconds: startSeconds } });
          }}
        >
          <div className="field field-inline">
            <label htmlFor={`${id}-minutes`}>{t('sessions.timer.minutes')}</label>
            <input id={`${id}-minutes`} inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={!validStart} />
          </div>
          <button type="submit" className="button button-primary" disabled={!validStart || command.isPending}>
            {t('sessions.timer.startForItem')}
          </button>
        </form>
      )}
    </section>
  );
}
