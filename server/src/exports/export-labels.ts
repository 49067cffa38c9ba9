import type { PositionAddressee, PositionStatus } from '@verbund/shared/features/positions/positions-feature';
import type { ExportLanguage } from '@verbund/shared/http';

/** The words an export prints around the text, in the reader's language (P44); the text itself is as written. */
export type ExportLabels = {
  locale: string;
  addressee: string;
  lead: string;
  status: string;
  due: string;
  initiatives: string;
  exportedAt: string;
  none: string;
  noDueDate: string;
  unknownPartner: string;
  emptyText: string;
  statuses: Record<PositionStatus, string>;
  addresseeKinds: Record<PositionAddressee['kind'], string>;
  page: (page: number, pages: number) => string;
  /** An instant as this language writes it, on the clock of the cooperation (Europe/Berlin). */
  instant: (at: Date) => string;
  /** A calendar day (`YYYY-MM-DD`) as this language writes it. */
  day: (isoDate: string) => string;
};

const TIME_ZONE = 'Europe/Berlin';

const dateTime = (locale: string, at: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(at);
const calendarDay = (locale: string, isoDate: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

export const EXPORT_LABELS: Record<ExportLanguage, ExportLabels> = {
  de: {
    locale: 'de-DE',
    addressee: 'Adressat',
    lead: 'Federführung',
    status: 'Status',
    due: 'Fällig am',
    initiatives: 'Initiativen',
    exportedAt: 'Stand',
    none: 'keine',
    noDueDate: 'ohne Termin',
    unknownPartner: 'unbekannter Partner',
    emptyText: 'Noch kein Text.',
    statuses: { draft: 'Entwurf', in_review: 'in Abstimmung', adopted: 'beschlossen', sent: 'versendet', answered: 'beantwortet', done: 'erledigt' },
    addresseeKinds: { land: 'Land', it_provider: 'Kommunaler IT-Dienstleister', other: 'Andere Stelle' },
    page: (page, pages) => `Seite ${page} von ${pages}`,
    instant: (at) => `${dateTime('de-DE', at)} Uhr`,
    day: (isoDate) => calendarDay('de-DE', isoDate),
  },
  en: {
    locale: 'en-GB',
    addressee: 'Addressee',
    lead: 'Lead partner',
    status: 'Status',
    due: 'Due on',
    initiatives: 'Initiatives',
    exportedAt: 'As of',
    none: 'none',
    noDueDate: 'no due date',
    unknownPartner: 'unknown partner',
    emptyText: 'No text yet.',
    statuses: { draft: 'Draft', in_review: 'In sign-off', adopted: 'Adopted', sent: 'Sent', answered: 'Answered', done: 'Done' },
    addresseeKinds: { land: 'State', it_provider: 'Municipal IT service provider', other: 'Other body' },
    page: (page, pages) => `Page ${page} of ${pages}`,
    instant: (at) => `${dateTime('en-GB', at)} (Berlin time)`,
    day: (isoDate) => calendarDay('en-GB', isoDate),
  },
};
