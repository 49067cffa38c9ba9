/**
 * Sessions happen in the partners' offices, so their times are read and written in Europe/Berlin,
 * whatever zone the browser is in.
 */
const OFFICE_ZONE = 'Europe/Berlin';

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function officeParts(at: Date): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return parts;
}

/** The office's wall clock at an instant, as a date and a time input take it: `2027-03-04`, `14:30`. */
export function officeInputs(iso: string): { date: string; time: string } {
  const p = officeParts(new Date(iso));
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** The instant a wall-clock date and time in the office stand for; null when they are no date and time. */
export function officeInstant(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  // The zone's offset at the guess, then once more at the corrected instant (a change of summer time in between).
  let guess = wall;
  for (let i = 0; i < 2; i += 1) {
    const p = officeParts(new Date(guess));
    const shown = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
    guess += wall - shown;
  }
  return new Date(guess).toISOString();
}

/** An instant as the person's language writes a day and a time, on the office's clock. */
export function formatOfficeDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: OFFICE_ZONE }).format(new Date(iso));
}

const officeDateDeFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'full', timeZone: OFFICE_ZONE });
const officeClockDeFormat = new Intl.DateTimeFormat('de-DE', { timeStyle: 'short', timeZone: OFFICE_ZONE });
const calendarDayDeFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' });

/** An instant as a German date in the offices (`Donnerstag, 10. Dezember 2026`), for text the server writes. */
export const officeDateDe = (iso: string): string => officeDateDeFormat.format(new Date(iso));
/** An instant as the offices' time of day in German (`10:30`). */
export const officeClockDe = (iso: string): string => officeClockDeFormat.format(new Date(iso));
/** A calendar day (`YYYY-MM-DD`, a due date) in German (`31. Januar 2027`). */
export const calendarDayDe = (day: string): string => calendarDayDeFormat.format(new Date(`${day}T00:00:00Z`));

/** Minutes as a clock reads them: 75.5 → "75:30"; negative values get a minus sign. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const seconds = Math.floor(Math.abs(minutes) * 60);
  return `${sign}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
