import { queryOptions, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SYSTEM_ACTOR_ID } from '@verbund/shared/events';
import type { Partner, Person } from '@verbund/shared/model';
import { PartnerBadge } from '../../components/partner-badge';
import { apiGet } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { personName } from '../../lib/person-name';
import { queryKeys } from '../../lib/query-keys';
import { useSession } from '../../lib/session-context';
import { storedEventsSchema } from '@verbund/shared/protocol';
import { describeEvent } from './describe-event';

/** The sync layer invalidates this key whenever an event about the card arrives. */
export function cardHistoryQueryOptions(workspaceId: string, cardId: string) {
  return queryOptions({
    queryKey: queryKeys.cardHistory(workspaceId, cardId),
    queryFn: () => apiGet(`/api/workspaces/${workspaceId}/cards/${cardId}/history`, storedEventsSchema),
  });
}

type Props = { cardId: string; people: Person[]; partners: Record<string, Partner> };

export function HistoryPanel({ cardId, people, partners }: Props) {
  const { t, i18n } = useTranslation();
  const { membership } = useSession();
  const id = useId().replace(/:/g, '');
  const history = useQuery(cardHistoryQueryOptions(membership.workspaceId, cardId));
  // Newest first: what just happened is what people look for.
  const events = [...(history.data ?? [])].reverse();

  return (
    <section className="dialog-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('history.heading')}</h3>
      {history.isPending && <p className="muted">{t('history.loading')}</p>}
      {history.isError && <p className="form-error">{t('history.failed')}</p>}
      {history.isSuccess && events.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {events.length > 0 && (
        <ol className="history-list">
          {events.map((event) => {
            // A description is written in its document; the server records it for the people who wrote (Y17).
            const actorIds = event.type === 'card.described' && event.data.writers.length > 0 ? event.data.writers : [event.actorId];
            const actorName = actorIds
              .map((actorId) => (actorId === SYSTEM_ACTOR_ID ? t('history.system') : personName(t, people.find((p) => p.id === actorId), partners)))
              .join(', ');
            return (
              <li key={event.seq} className="history-entry">
                <time dateTime={event.at} className="muted small">
                  {formatDateTime(event.at, i18n.language)}
                </time>
                <span>
                  <strong>{actorName}</strong> {event.partnerId && <PartnerBadge partners={partners} partnerId={event.partnerId} />} {describeEvent(t, event)}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
