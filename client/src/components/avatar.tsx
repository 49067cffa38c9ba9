import type { Partner } from '@verbund/shared/model';
import { initials, partnerColor } from '../lib/partner-colors';

type Props = { name: string; partnerId: string; partners: Record<string, Partner>; size?: 'small' | 'normal'; editing?: boolean };

/** Initials only; the full name is always given next to it or in the surrounding text. */
export function Avatar({ name, partnerId, partners, size = 'normal', editing = false }: Props) {
  const color = partnerColor(partners, partnerId);
  const classes = ['avatar', size === 'small' ? 'avatar-small' : '', editing ? 'avatar-editing' : ''].filter(Boolean).join(' ');
  return (
    <span className={classes} style={{ backgroundColor: color.bg, color: color.fg, borderColor: color.fg }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
