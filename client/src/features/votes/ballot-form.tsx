import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BALLOT_POSITIONS, type BallotChoice, type BallotPosition, type VoteView } from '@verbund/shared/votes';
import { useCommand } from '../../lib/use-command';

type Props = { view: VoteView; cardTitle: (id: string) => string };

/** The ballot of one vote, per kind (D7–D9). Casting again replaces one's voice (D12). */
export function BallotForm({ view, cardTitle }: Props) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const command = useCommand();
  const config = view.settings.config;
  const own = view.ownBallot?.choice;
  const [position, setPosition] = useState<BallotPosition | null>(own?.kind === 'proposal' ? own.position : null);
  const [reason, setReason] = useState(own?.kind === 'proposal' ? (own.reason ?? '') : '');
  const [picked, setPicked] = useState<string[]>(own?.kind === 'choice' ? own.optionIds : []);
  const [points, setPoints] = useState<Record<string, number>>(own?.kind === 'prioritisation' ? own.allocations : {});
  const [problem, setProblem] = useState<string | null>(null);
  const spent = Object.values(points).reduce((a, b) => a + b, 0);

  const choice = (): BallotChoice | string => {
    switch (config.kind) {
      case 'proposal': {
        if (!position) return 'votes.ballot.pickPosition';
        const text = reason.trim();
        if (config.reasonMode === 'required' && !text) return 'refusals.reason_required';
        return config.reasonMode !== 'off' && text ? { kind: 'proposal', position, reason: text } : { kind: 'proposal', position };
      }
      case 'choice':
        return picked.length > config.maxChoices ? 'refusals.too_many_choices' : { kind: 'choice', optionIds: picked };
      case 'prioritisation':
        return spent > config.points ? 'refusals.too_many_points' : { kind: 'prioritisation', allocations: points };
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = choice();
    if (typeof result === 'string') return setProblem(result);
    setProblem(null);
    command.mutate({ type: 'vote.cast', payload: { voteId: view.id, choice: result }, done: t('votes.ballot.cast') });
  };

  return (
    <form className="ballot-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-legend`}>
      <fieldset className="fieldset">
        <legend id={`${id}-legend`}>{view.ownBallot ? t('votes.ballot.change') : t('votes.ballot.heading')}</legend>
        {config.kind === 'proposal' && (
          <div className="toggle-group ballot-positions">
            {BALLOT_POSITIONS.map((p) => (
              <label key={p} className={`ballot-position ballot-${p}`}>
                <input type="radio" name={`${id}-position`} value={p} checked={position === p} onChange={() => setPosition(p)} />
                {t(`votes.position.${p}`)}
              </label>
            ))}
          </div>
        )}
        {config.kind === 'proposal' && config.reasonMode !== 'off' && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>
              {config.reasonMode === 'required' ? t('votes.ballot.reasonRequired') : t('votes.ballot.reasonOptional')}
            </label>
            <textarea id={`${id}-reason`} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} required={config.reasonMode === 'required'} />
          </div>
        )}
        {config.kind === 'choice' && (
          <div className="checkbox-list">
            <p className="hint" id={`${id}-hint`}>{t('votes.ballot.pickUpTo', { count: config.maxChoices })}</p>
            {config.options.map((o) => (
              <label key={o.id} className="checkbox">
                <input
                  type={config.maxChoices === 1 ? 'radio' : 'checkbox'}
                  name={`${id}-option`}
                  checked={picked.includes(o.id)}
                  aria-describedby={`${id}-hint`}
                  onChange={(e) =>
                    setPicked((current) =>
                      config.maxChoices === 1 ? [o.id] : e.target.checked ? [...current, o.id] : current.filter((x) => x !== o.id),
                    )
                  }
                />
                {o.label}
              </label>
            ))}
          </div>
        )}
        {config.kind === 'prioritisation' && (
          <div className="field-grid">
            <p className="hint" id={`${id}-hint`} aria-live="polite">
              {t('votes.ballot.pointsLeft', { left: config.points - spent, total: config.points })}
            </p>
            {config.cardIds.map((cardId) => (
              <div className="field" key={cardId}>
                <label htmlFor={`${id}-${cardId}`}>{cardTitle(cardId)}</label>
                <input
                  id={`${id}-${cardId}`}
                  type="number"
                  min={0}
                  max={config.points}
                  value={points[cardId] ?? 0}
                  aria-describedby={`${id}-hint`}
                  onChange={(e) => setPoints((p) => ({ ...p, [cardId]: Math.max(0, Math.floor(Number(e.target.value) || 0)) }))}
                />
              </div>
            ))}
          </div>
        )}
      </fieldset>
      {problem && (
        <p role="alert" className="form-error">
          {t(problem)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={command.isPending}>
          {view.ownBallot ? t('votes.ballot.submitAgain') : t('votes.ballot.submit')}
        </button>
      </div>
    </form>
  );
}
