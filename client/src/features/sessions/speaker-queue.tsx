import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { SPEAKER_LIMITS } from '@verbund/shared/features/sessions/speakers';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { PartnerBadge } from '../../components/partner-badge';
import { formatDateTime } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { useCommand } from '../../lib/use-command';
import { speakerQueueView } from './speaker-queue-view';

type Props = { state: WorkspaceState; session: ModeratedSession; people: Person[]; meId: string };

/**
 * Raised hands and the speaker queue (M20–M28): everyone sees the queue of the current item in the
 * server's order and their own place; the runners call the next speaker, take hands off, mark points
 * of order and set the speaking rules.
 */
export function SpeakerQueue({ state, session, people, meId }: Props) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const id = useId().replace(/:/g, '');
  const view = speakerQueueView(state, session, meId);
  const name = (personId: string) => nameOf(t, people, state.partners, personId);
  const sessionId = session.id;
  const send = (variables: Parameters<typeof command.mutate>[0]) => command.mutate(variables);
  const mine = view.entries.find((e) => e.personId === meId);

  return (
    <section className="panel speaker-queue" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('sessions.speakers.heading')}</h3>
      {!view.open && <p className="muted">{t('sessions.speakers.closed')}</p>}
      {view.speaking && (
        <p className="speaker-now" aria-live="polite">
          <strong>{t('sessions.speakers.speaking', { name: name(view.speaking.personId) })}</strong>{' '}
          <PartnerBadge partners={state.partners} partnerId={view.speaking.partnerId} />{' '}
          {view.speaking.pointOfOrder && <span className="badge">{t('sessions.speakers.pointOfOrderShort')}</span>}{' '}
          <span className="muted">{t('sessions.speakers.since', { time: formatDateTime(view.speaking.from, i18n.language) })}</span>
        </p>
      )}
      {view.mayRaise && (
        <div className="button-row">
          {mine ? (
            <button type="button" className="button button-secondary" disabled={command.isPending} onClick={() => send({ type: 'session.lower_hand', payload: { sessionId }, done: t('sessions.speakers.lowered') })}>
              {t('sessions.speakers.lower')}
            </button>
          ) : (
            <>
              <button type="button" className="button button-primary" disabled={command.isPending} onClick={() => send({ type: 'session.raise_hand', payload: { sessionId, pointOfOrder: false }, done: t('sessions.speakers.raised') })}>
                {t('sessions.speakers.raise')}
              </button>
              <button type="button" className="button button-secondary" disabled={command.isPending} onClick={() => send({ type: 'session.raise_hand', payload: { sessionId, pointOfOrder: true }, done: t('sessions.speakers.raised') })}>
                {t('sessions.speakers.raisePointOfOrder')}
              </button>
            </>
          )}
        </div>
      )}
      {view.myPlace !== null && (
        <p className="speaker-my-place" aria-live="polite">
          {t('sessions.speakers.myPlace', { place: view.myPlace, count: view.entries.length })}
        </p>
      )}
      {view.open && view.entries.length === 0 && <p className="muted">{t('sessions.speakers.empty')}</p>}
      {view.entries.length > 0 && (
        <ol className="speaker-list" aria-label={t('sessions.speakers.listLabel', { count: view.entries.length })}>
          {view.entries.map((entry) => (
            <li key={entry.personId} aria-current={entry.personId === meId ? 'true' : undefined}>
              <span>{name(entry.personId)}</span> <PartnerBadge partners={state.partners} partnerId={entry.partnerId} />{' '}
              {entry.pointOfOrder && <span className="badge">{t('sessions.speakers.pointOfOrderShort')}</span>}
              {entry.personId === view.next?.personId && <span className="muted"> {t('sessions.speakers.isNext')}</span>}
              {view.mayRun && (
                <span className="button-row speaker-actions">
                  {!entry.pointOfOrder && (
                    <button type="button" className="button button-quiet" onClick={() => send({ type: 'session.mark_point_of_order', payload: { sessionId, personId: entry.personId } })}>
                      {t('sessions.speakers.markPointOfOrder', { name: name(entry.personId) })}
                    </button>
                  )}
                  <button type="button" className="button button-quiet" onClick={() => send({ type: 'session.remove_hand', payload: { sessionId, personId: entry.personId } })}>
                    {t('sessions.speakers.remove', { name: name(entry.personId) })}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {view.mayRun && view.open && (
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={!view.next || command.isPending}
            onClick={() => view.next && send({ type: 'session.call_next_speaker', payload: { sessionId }, done: t('sessions.speakers.called', { name: name(view.next.personId) }) })}
          >
            {view.next ? t('sessions.speakers.callNext', { name: name(view.next.personId) }) : t('sessions.speakers.callNextNone')}
          </button>
          {view.speaking && (
            <button type="button" className="button button-secondary" disabled={command.isPending} onClick={() => send({ type: 'session.end_contribution', payload: { sessionId } })}>
              {t('sessions.speakers.endContribution')}
            </button>
          )}
        </div>
      )}
      {view.mayRun && session.state !== 'ended' && <SpeakingRulesForm key={JSON.stringify(view.rules)} sessionId={sessionId} rules={view.rules} />}
      {view.spoken.length > 0 && (
        <details>
          <summary>{t('sessions.speakers.spoken', { count: view.spoken.length })}</summary>
          <ol>
            {view.spoken.map((c) => (
              <li key={`${c.personId}-${c.from}`}>
                {name(c.personId)} <PartnerBadge partners={state.partners} partnerId={c.partnerId} /> <span className="muted">{formatDateTime(c.from, i18n.language)}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

/** M26, M28: the speaking-time limit (minutes, empty for none) and partner balance. */
function SpeakingRulesForm({ sessionId, rules }: { sessionId: string; rules: { limitSeconds: number | null; partnerBalance: boolean } }) {
  const { t } = useTranslation();
  const command = useCommand();
  const id = useId().replace(/:/g, '');
  const [limit, setLimit] = useState(rules.limitSeconds === null ? '' : String(rules.limitSeconds / 60));
  const [balance, setBalance] = useState(rules.partnerBalance);
  const minutes = limit.trim() === '' ? null : Number(limit.replace(',', '.'));
  const seconds = minutes === null ? null : Math.round(minutes * 60);
  const valid = seconds === null || (Number.isFinite(seconds) && seconds >= SPEAKER_LIMITS.minLimitSeconds && seconds <= SPEAKER_LIMITS.maxLimitSeconds);
  return (
    <form
      className="speaking-rules"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) command.mutate({ type: 'session.set_speaking_rules', payload: { sessionId, rules: { limitSeconds: seconds, partnerBalance: balance } }, done: t('sessions.speakers.rulesSaved') });
      }}
    >
      <fieldset className="fieldset">
        <legend>{t('sessions.speakers.rules')}</legend>
        <div className="field">
          <label htmlFor={`${id}-limit`}>{t('sessions.speakers.limit')}</label>
          <input id={`${id}-limit`} inputMode="decimal" value={limit} onChange={(e) => setLimit(e.target.value)} aria-invalid={!valid} aria-describedby={`${id}-limit-hint`} />
          <span id={`${id}-limit-hint`} className="muted">
            {t('sessions.speakers.limitHint')}
          </span>
        </div>
        <label>
          <input type="checkbox" checked={balance} onChange={(e) => setBalance(e.target.checked)} /> {t('sessions.speakers.balance')}
        </label>
        <div className="button-row">
          <button type="submit" className="button button-secondary" disabled={!valid || command.isPending}>
            {t('sessions.speakers.saveRules')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
