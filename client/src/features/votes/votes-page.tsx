import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { useSession } from '../../lib/session-context';
import { useVoter } from './use-voter';
import { OpenVoteForm } from './open-vote-form';
import { VotePanel } from './vote-panel';
import { waitingFor } from './vote-text';
import { useVotes } from './votes-api';

type Props = { state: WorkspaceState; people: Person[] };

/** Every vote of the workspace: first those waiting for one's voice, then the other open ones, then the closed. */
export function VotesPage({ state, people }: Props) {
  const { t } = useTranslation();
  const { membership } = useSession();
  const voter = useVoter();
  const [opening, setOpening] = useState(false);
  const views = useVotes();
  const waiting = waitingFor(views, voter);
  const waitingIds = new Set(waiting.map((v) => v.id));
  const otherOpen = views.filter((v) => v.status === 'open' && !waitingIds.has(v.id));
  const closed = views.filter((v) => v.status === 'closed');
  const cardTitle = (id: string) => state.cards[id]?.title ?? t('votes.unknownCard');
  const cards = Object.values(state.cards).filter((c) => !c.archived).sort((a, b) => a.title.localeCompare(b.title, 'de'));
  const panel = (v: (typeof views)[number]) => <VotePanel key={v.id} view={v} partners={state.partners} people={people} cardTitle={cardTitle} sessions={state.sessions} />;

  return (
    <div className="page votes-page">
      <h2 id="page-heading" tabIndex={-1}>
        {t('votes.heading')}
      </h2>
      {membership.abilities.includes('vote.start_workspace') &&
        (opening ? (
          <section className="panel">
            <OpenVoteForm cardId={null} cards={cards} onDone={() => setOpening(false)} />
          </section>
        ) : (
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => setOpening(true)}>
              {t('votes.open.startWorkspace')}
            </button>
          </div>
        ))}
      <section aria-labelledby="votes-waiting">
        <h3 id="votes-waiting">{t('votes.waitingHeading', { count: waiting.length })}</h3>
        {waiting.length === 0 ? <p className="muted">{t('votes.noneWaiting')}</p> : waiting.map(panel)}
      </section>
      {otherOpen.length > 0 && (
        <section aria-labelledby="votes-open">
          <h3 id="votes-open">{t('votes.openHeading')}</h3>
          {otherOpen.map(panel)}
        </section>
      )}
      <section aria-labelledby="votes-closed">
        <h3 id="votes-closed">{t('votes.closedHeading')}</h3>
        {closed.length === 0 ? <p className="muted">{t('votes.noneClosed')}</p> : closed.map(panel)}
      </section>
    </div>
  );
}
