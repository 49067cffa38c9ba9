import { formatOfficeDateTime } from '@verbund/shared/office-time';

/** Dates as the person's language writes them; due dates are calendar days without a time zone. */
export function formatDate(isoDate: string, language: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * An instant on the offices' clock (Europe/Berlin), wherever the browser is: a vote opened at ten
 * reads ten for every partner, as the session page, the minutes and the exports write it.
 */
export function formatDateTime(iso: string, language: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : formatOfficeDateTime(iso, language);
}

/** Only web links become clickable; anything else stays text. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
