import { useTranslation } from 'react-i18next';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { useFollow } from './use-follow';

type Props = { state: Pick<WorkspaceState, 'sessionLeads'>; session: ModeratedSession | null; myPersonId: string };

/**
 * "Sie folgen der Moderation" (M49): shown while a running session has someone else's focus;
 * mounted once for the session a person takes part in, on every page, so following can move them.
 */
export function FollowBanner({ state, session, myPersonId }: Props) {
  const { t } = useTranslation();
  const follow = useFollow(state, session, myPersonId);
  if (!follow.offered) return null;
  return (
    <div className={`follow-banner${follow.following ? ' follow-banner-on' : ''}`} role="region" aria-label={t('sessions.follow.region')}>
      <p>
        <strong>{follow.following ? t('sessions.follow.following') : t('sessions.follow.notFollowing')}</strong>{' '}
        <span className="muted">{follow.following ? t('sessions.follow.keyStop') : t('sessions.follow.keyResume')}</span>
      </p>
      {follow.following ? (
        <button type="button" className="button" aria-keyshortcuts="F" onClick={follow.stop}>
          {t('sessions.follow.stop')}
        </button>
      ) : (
        <button type="button" className="button button-primary" aria-keyshortcuts="F" onClick={follow.resume}>
          {t('sessions.follow.resume')}
        </button>
      )}
    </div>
  );
}
