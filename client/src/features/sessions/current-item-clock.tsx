import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actualMinutes, type AgendaItem } from '@verbund/shared/features/sessions/sessions-feature';
import { formatMinutes } from '@verbund/shared/office-time';

/**
 * The current item's actual time and overrun, counted from its spans (M5). Only this element
 * re-renders every second; it is no live region, so a screen reader is not told every second.
 */
export function CurrentItemClock({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 1000);
    return () => clearInterval(timer);
  }, []);
  const actual = actualMinutes(item, now);
  const overrun = actual - item.plannedMinutes;
  return (
    <span className="current-item-clock">
      <span className="clock-actual">{t('sessions.run.actualOf', { actual: formatMinutes(actual), planned: item.plannedMinutes })}</span>
      {overrun > 0 && <span className="badge badge-overrun"> {t('sessions.run.overrun', { overrun: formatMinutes(overrun) })}</span>}
    </span>
  );
}
