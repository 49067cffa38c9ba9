import { useTranslation } from 'react-i18next';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { VoteView } from '@verbund/shared/votes';
import { VotePanel } from './vote-panel';
import { useVotes } from './votes-api';

type Props = {
  voteIds: readonly string[];
  state: WorkspaceState;
  people: readonly Person[];
  /** `full`: each vote as on the votes page, to vote and close; `result`: one line each, its status or verdict. */
  mode: 'full' | 'result';
};

/** The votes an agenda item links (M62), as this person may see them: live on the current item, the outcome on the others. */
export function ItemVotes({ voteIds, state, people, mode }: Props) {
  const { t } = useTranslation();
  const views = useVotes();
  const linked = voteIds.flatMap((id) => views.filter((view) => view.id === id));
  if (linked.length === 0) return null;
  const cardTitle = (id: string) => state.cards[id]?.title ?? t('votes.unknownCard');
  if (mode === 'full') return linked.map((view) => <VotePanel key={view.id} view={view} partners={state.partners} people={people} cardTitle={cardTitle} headingLevel={4} />);
  return (
    <ul className="item-vote-results small" aria-label={t('sessions.votes.resultsLabel')}>
      {linked.map((view) => (
        <li key={view.id} data-vote-id={view.id}>
          {view.settings.title}: <strong>{resultText(t, view)}</strong>
          {view.outcome && <span> – {view.outcome.text}</span>}
        </li>
      ))}
    </ul>
  );
}

function resultText(t: (key: string) => string, view: VoteView): string {
  if (view.status === 'open') return t('votes.status.open');
  return view.result ? t(`votes.verdict.${view.result.verdict}`) : t('votes.status.closed');
}
