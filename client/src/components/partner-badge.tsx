import type { Partner } from '@verbund/shared/model';
import { partnerColor } from '../lib/partner-colors';

type Props = { partners: Record<string, Partner>; partnerId: string; emphasis?: boolean };

/** Short name in the partner's colour; the text carries the meaning, the colour only helps. */
export function PartnerBadge({ partners, partnerId, emphasis = false }: Props) {
  const partner = partners[partnerId];
  const color = partnerColor(partners, partnerId);
  return (
    <span
      className={emphasis ? 'badge badge-partner badge-lead' : 'badge badge-partner'}
      style={{ backgroundColor: color.bg, color: color.fg, borderColor: color.fg }}
      title={partner?.name}
    >
      {partner?.shortName ?? '?'}
    </span>
  );
}
