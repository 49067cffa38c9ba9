import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { voteCardIds } from '@verbund/shared/votes';
import { useSession } from '../../lib/session-context';
import { OpenVoteForm } from './open-vote-form';
import { VotePanel } from './vote-panel';
import { useVotes } from './votes-api';

type Props = { cardId: string; state: WorkspaceState; people: Person[] };

/** The card dialog's votes and decisions (D28): open votes first, then the decided ones. */
export function CardVotes({ cardId, state, people }: Props) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const [opening, setOpening] = useState(false);
  const views = useVotes().filter((v) => voteCardIds(v.settings).includes(cardId));
  const open = views.filter((v) => v.status === 'open');
  const closed = views.filter((v) => v.status === 'closed');
  const cardTitle = (id: string) => state.cards[id]?.title ?? t('votes.unknownCard');
  const archived = state.cards[cardId]?.archived ?? false;

  return (
    <section className="dialog-section card-votes" aria-labelledby="card-votes-heading">
      <h3 id="card-votes-heading">{t('votes.cardHeading')}</h3>
      {views.length === 0 && <p className="muted">{t('votes.noneOnCard')}</p>}
      {open.map((v) => (
        <VotePanel key={v.id} view={v} partners={state.partners} people={people} cardTitle={cardTitle} sessions={state.sessions} />
      ))}
      {closed.length > 0 && (
        <>
          <h4 className="form-heading">{t('votes.cardDecisions')}</h4>
          {closed.map((v) => (
            <VotePanel key={v.id} view={v} partners={state.partners} people={people} cardTitle={cardTitle} sessions={state.sessions} />
          ))}
        </>
      )}
      {membership.abilities.includes('vote.start') && !archived && (
        opening ? (
          <OpenVoteForm cardId={cardId} onDone={() => setOpening(false)} />
        ) : (
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={() => setOpening(true)}>
              {t('votes.open.start')}
            </button>
          </div>
        )
      )}
    </section>
  );
}
