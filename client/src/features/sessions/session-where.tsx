import { useTranslation } from 'react-i18next';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { isWebUrl } from '../../lib/format';

/** Where a session takes place: a room, a video call, or both (M3). */
export function SessionWhere({ session }: { session: Pick<ModeratedSession, 'place' | 'link'> }) {
  const { t } = useTranslation();
  if (!session.place && !session.link) return <span className="muted">{t('sessions.noPlace')}</span>;
  return (
    <>
      {session.place}
      {session.place && session.link && ' · '}
      {session.link && isWebUrl(session.link) && (
        <a href={session.link} target="_blank" rel="noopener noreferrer">
          {t('sessions.videoLink')}
        </a>
      )}
    </>
  );
}
