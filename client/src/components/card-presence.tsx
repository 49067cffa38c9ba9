import { useTranslation } from 'react-i18next';
import type { Partner } from '@verbund/shared/model';
import type { CardPresence as Presence } from '../lib/presence-store';
import { Avatar } from './avatar';

type Props = { presence: Presence; partners: Record<string, Partner> };

/** Who else has this card open, and who is typing in it. */
export function CardPresence({ presence, partners }: Props) {
  const { t } = useTranslation();
  const { viewers, editors } = presence;
  if (viewers.length === 0 && editors.length === 0) return null;
  const names = (list: Presence['viewers']) => list.map((p) => p.name).join(', ');
  return (
    <span className="card-presence">
      {editors.map((p) => (
        <Avatar key={p.personId} name={p.name} partnerId={p.partnerId} partners={partners} size="small" editing />
      ))}
      {viewers.map((p) => (
        <Avatar key={p.personId} name={p.name} partnerId={p.partnerId} partners={partners} size="small" />
      ))}
      <span className="card-presence-text">
        {editors.length > 0 && <span>{t('presence.editing', { names: names(editors) })}</span>}
        {editors.length > 0 && viewers.length > 0 && ' · '}
        {viewers.length > 0 && <span>{t('presence.viewing', { names: names(viewers) })}</span>}
      </span>
    </span>
  );
}
