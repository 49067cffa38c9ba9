import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { mayRunRound, openRound } from '@verbund/shared/features/positions/positions-feature';
import { officeDay, type Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useAnnouncer } from '../../lib/announcer-store';
import { toastRefusal } from '../../lib/error-messages';
import { formatDateTime } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { useSession } from '../../lib/session-context';
import { useCommand } from '../../lib/use-command';
import { SignoffAnswerForm } from './signoff-answer';
import { startSignoff } from './signoff-api';
import { EarlierRounds, partnerName, RoundFacts, RoundOutcome, RoundTable, RoundVersion } from './signoff-round';
import { answerableFor } from './signoff-view';

type Props = { positionId: string; state: WorkspaceState; people: Person[] };

/**
 * "Zeichnung" (P10–P14): start a round that freezes the text, every partner active then signs or
 * declines that exact version through its Dezernent or a deputy, the round is withdrawn or ends
 * adopted or declined. All of it is workspace state, so everyone sees each answer as it is given.
 */
export function SignoffSection({ positionId, state, people }: Props) {
  const { t, i18n } = useTranslation();
  const { me, membership } = useSession();
  const command = useCommand();
  const id = useId().replace(/:/g, '');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState<'start' | 'withdraw' | null>(null);
  const focusHeading = () => headingRef.current?.focus();
  const start = useMutation({
    mutationFn: () => startSignoff(state.workspaceId, positionId, t('signoff.versionName', { date: formatDateTime(new Date().toISOString(), i18n.language) })),
    onSuccess: (version) => {
      useAnnouncer.getState().announce(t('signoff.started', { name: version.name }));
      focusHeading();
    },
    onError: toastRefusal,
  });

  const position = state.positions[positionId];
  if (!position) return null;
  const rounds = state.positionRounds[positionId] ?? [];
  const running = openRound(rounds);
  // The open round, if any, is the latest (P10: at most one runs); the table shows the latest either way.
  const latest = rounds.at(-1) ?? null;
  const mayRun = mayRunRound(membership, position);
  const answerable = running ? answerableFor(state, me.id, running, officeDay(new Date())) : null;
  const name = (personId: string) => nameOf(t, people, state.partners, personId);

  return (
    <section className="panel signoff" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('signoff.heading')}
      </h3>
      <p className="muted">{t('signoff.intro')}</p>

      {latest && !running && (
        <p role="status" className={latest.outcome === 'adopted' ? 'signoff-outcome signoff-adopted' : 'signoff-outcome'}>
          <strong>{t(`signoff.outcomeLabel.${latest.outcome ?? 'withdrawn'}`)}</strong> <RoundOutcome round={latest} state={state} people={people} />{' '}
          <span>
            ({t('signoff.version')} <RoundVersion positionId={positionId} round={latest} state={state} />)
          </span>
        </p>
      )}

      {running && (
        <>
          <p className="signoff-running">
            <span className="badge signoff-open">{t('signoff.running')}</span>
          </p>
          <RoundFacts positionId={positionId} round={running} state={state} people={people} />
        </>
      )}

      {latest && <RoundTable round={latest} state={state} people={people} />}

      {running && answerable && (
        <SignoffAnswerForm
          key={running.id}
          positionId={positionId}
          round={running}
          partnerId={answerable.partnerId}
          partnerName={partnerName(t, state, answerable.partnerId)}
          onBehalfOfName={answerable.onBehalfOf ? name(answerable.onBehalfOf) : null}
          onAnswered={focusHeading}
        />
      )}

      {running && mayRun && (
        <div className="form-actions">
          <button type="button" className="button button-secondary" disabled={command.isPending} onClick={() => setConfirming('withdraw')}>
            {t('signoff.withdraw')}
          </button>
        </div>
      )}

      {!running &&
        position.status === 'draft' &&
        (mayRun ? (
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={start.isPending} onClick={() => setConfirming('start')}>
              {t('signoff.start')}
            </button>
          </div>
        ) : (
          <p className="notice">{t('signoff.notRunner', { lead: partnerName(t, state, position.leadPartnerId) })}</p>
        ))}

      <EarlierRounds positionId={positionId} rounds={rounds.slice(0, -1)} state={state} people={people} />

      {confirming === 'start' && (
        <ConfirmDialog
          title={t('signoff.startTitle')}
          confirmLabel={t('signoff.startConfirm')}
          cancelLabel={t('signoff.cancel')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            start.mutate();
          }}
        >
          <p>{t('signoff.startFreeze')}</p>
          <p>{t('signoff.startEvery', { count: Object.values(state.partners).filter((p) => p.active).length })}</p>
          <p>{t('signoff.startBack')}</p>
        </ConfirmDialog>
      )}
      {confirming === 'withdraw' && running && (
        <ConfirmDialog
          title={t('signoff.withdrawTitle')}
          confirmLabel={t('signoff.withdrawConfirm')}
          cancelLabel={t('signoff.cancel')}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            command.mutate(
              { type: 'position.withdraw_signoff', payload: { positionId, roundId: running.id }, done: t('signoff.withdrawn') },
              { onSuccess: focusHeading },
            );
          }}
        >
          <p>{t('signoff.withdrawText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
