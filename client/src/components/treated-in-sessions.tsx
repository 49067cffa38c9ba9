import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionsTreating, type ItemLinks, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { formatOfficeDateTime } from '@verbund/shared/office-time';
import { onLinkClick, routePath } from '../lib/router';

type Props = {
  sessions: Readonly<Record<string, ModeratedSession>>;
  kind: keyof ItemLinks;
  id: string;
  /** Before following a link, e.g. to close the card dialog the link is in. */
  onOpen?: () => void;
};

/** One line on a card or a vote: the sessions whose agenda treats it, each a link to the session. */
export function TreatedInSessions({ sessions, kind, id, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const treating = sessionsTreating(sessions, kind, id);
  if (treating.length === 0) return null;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onOpen?.();
    onLinkClick(event);
  };
  return (
    <p className="muted small treated-in-sessions">
      {t('sessions.treatedIn')}{' '}
      {treating.map((s, index) => (
        <span key={s.id}>
          {index > 0 && ', '}
          <a href={routePath({ name: 'session', sessionId: s.id })} onClick={follow}>
            {s.title}
          </a>{' '}
          ({formatOfficeDateTime(s.startsAt, i18n.language)}, {t(`sessions.state.${s.state}`)})
        </span>
      ))}
    </p>
  );
}
