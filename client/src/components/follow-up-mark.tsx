import { useTranslation } from 'react-i18next';
import { isOverdue } from '@verbund/shared/features/positions/dispatch';
import { officeDay } from '@verbund/shared/model';
import { formatDate } from '../lib/format';

/**
 * "Wiedervorlage <date>" on a card a sent position concerns (P37). Overdue is the office's today
 * (Europe/Berlin) past the date, worked out here at render: the date is state, the flag needs no timer.
 */
export function FollowUpMark({ day }: { day: string }) {
  const { t, i18n } = useTranslation();
  const overdue = isOverdue(day, officeDay(new Date()));
  return (
    <span className={overdue ? 'card-line follow-up follow-up-overdue' : 'card-line follow-up'}>
      {t('dispatch.boardFollowUp', { date: formatDate(day, i18n.language) })}
      {overdue && <strong className="badge badge-overdue">{t('dispatch.overdue')}</strong>}
    </span>
  );
}
