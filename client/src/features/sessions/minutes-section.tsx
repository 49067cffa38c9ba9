import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { docIdOf } from '@verbund/shared/docs';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { Partner } from '@verbund/shared/model';
import { CollabEditor } from '../editor/collab-editor';

type Props = { session: ModeratedSession; partners: Record<string, Partner> };

/**
 * M50: the minutes of an ended session, co-written in the positions' editor (carets, offline edits,
 * comments and proposals). The server generated their first text from the session's record; before
 * the end there are none, and the section says when they come.
 */
export function MinutesSection({ session, partners }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-minutes`}>
      <h3 id={`${id}-minutes`}>{t('sessions.minutes.heading')}</h3>
      {session.state === 'ended' ? (
        <>
          <p className="muted">{t('sessions.minutes.generated')}</p>
          <CollabEditor docId={docIdOf('session-minutes', session.id)} label={t('sessions.minutes.label')} hideLabel partners={partners} annotations />
        </>
      ) : (
        <p className="muted">{t('sessions.minutes.afterEnd')}</p>
      )}
    </section>
  );
}
