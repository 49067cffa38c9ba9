import type { Partner } from '@verbund/shared/model';

/*
 * Background/foreground pairs, each above 4.5:1 contrast. Colour only helps to tell partners apart at
 * a glance; the short name is always printed on top.
 */
const PALETTE = [
  { bg: '#dbeafe', fg: '#1e3a8a' },
  { bg: '#dcfce7', fg: '#14532d' },
  { bg: '#fef3c7', fg: '#78350f' },
  { bg: '#fce7f3', fg: '#831843' },
  { bg: '#ede9fe', fg: '#4c1d95' },
  { bg: '#ccfbf1', fg: '#134e4a' },
  { bg: '#ffedd5', fg: '#7c2d12' },
  { bg: '#e5e7eb', fg: '#1f2937' },
] as const;

export type PartnerColor = (typeof PALETTE)[number];

/** Stable per partner across sessions: partners sorted by id get the palette in turn. */
export function partnerColor(partners: Record<string, Partner>, partnerId: string | null | undefined): PartnerColor {
  const fallback = PALETTE[PALETTE.length - 1] ?? PALETTE[0];
  if (!partnerId) return fallback;
  const index = Object.keys(partners).sort().indexOf(partnerId);
  return index < 0 ? fallback : (PALETTE[index % PALETTE.length] ?? fallback);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
