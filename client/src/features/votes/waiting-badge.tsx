import { useTranslation } from 'react-i18next';
import { useVoter } from './use-voter';
import { waitingFor } from './vote-text';
import { useVotes } from './votes-api';

/** "Wartet auf Ihre Stimme": how many open votes still need this person's voice (D16, D32). */
export function WaitingBadge() {
  const { t } = useTranslation();
  const count = waitingFor(useVotes(), useVoter()).length;
  if (count === 0) return null;
  return (
    <span className="badge badge-waiting" title={t('votes.waitingBadge', { count })}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('votes.waitingBadge', { count })}</span>
    </span>
  );
}
