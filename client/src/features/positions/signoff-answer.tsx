import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignoffRound } from '@verbund/shared/features/positions/positions-feature';
import { FormError } from '../../components/form-parts';
import { useCommand } from '../../lib/use-command';

type Props = {
  positionId: string;
  round: SignoffRound;
  partnerId: string;
  partnerName: string;
  /** The Dezernent a deputy answers for ("in Vertretung für"), or null for the Dezernent. */
  onBehalfOfName: string | null;
  /** Called once the answer is stored, to move focus away from the buttons that are then gone. */
  onAnswered: () => void;
};

/** P12: sign or decline (with a reason) for one partner, on exactly the round's hash. */
export function SignoffAnswerForm({ positionId, round, partnerId, partnerName, onBehalfOfName, onAnswered }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const id = useId().replace(/:/g, '');
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (declining) reasonRef.current?.focus();
  }, [declining]);

  const answer = (decision: 'approve' | 'decline') =>
    command.mutate(
      {
        type: 'position.answer_signoff',
        payload: { positionId, roundId: round.id, partnerId, hash: round.hash, decision, reason: decision === 'decline' ? reason.trim() : null },
        done: t(decision === 'approve' ? 'signoff.approved' : 'signoff.declined', { partner: partnerName }),
      },
      { onSuccess: onAnswered },
    );
  const submitDecline = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) return setError('signoff.reasonMissing');
    setError(null);
    answer('decline');
  };

  return (
    <div className="signoff-answer" role="group" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('signoff.answerHeading', { partner: partnerName })}</h4>
      <p>{onBehalfOfName ? t('signoff.answerAsDeputy', { name: onBehalfOfName }) : t('signoff.answerAsDezernent')}</p>
      {declining ? (
        <form onSubmit={submitDecline} noValidate>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('signoff.reason')}</label>
            <textarea
              ref={reasonRef}
              id={`${id}-reason`}
              rows={3}
              maxLength={2000}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-error`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <FormError id={`${id}-error`} messageKey={error} />
          <div className="form-actions">
            <button type="submit" className="button button-danger" disabled={command.isPending}>
              {t('signoff.declineSend')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => (setDeclining(false), setError(null))}>
              {t('signoff.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={command.isPending} onClick={() => answer('approve')}>
            {t('signoff.approve')}
          </button>
          <button type="button" className="button button-secondary" disabled={command.isPending} onClick={() => setDeclining(true)}>
            {t('signoff.decline')}
          </button>
        </div>
      )}
    </div>
  );
}
