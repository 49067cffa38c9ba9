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
  /** Printed on every export of a text not (yet) adopted, so a draft is never taken for the signed paper. */
  draftNotice: string;
  adoptedOn: string;
  partners: string;
  workspace: string;
  version: string;
  signatures: string;
  partner: string;
  signedBy: string;
  capacity: string;
  signedAt: string;
  dezernent: string;
  onBehalfOf: (dezernent: string) => string;
  formerMember: (partner: string) => string;
  /** Quotes the title as the language does: „…“ in German, “…” in English. */
  adoptedStatement: (title: string, day: string) => string;
  statuses: Record<PositionStatus, string>;
  addresseeKinds: Record<PositionAddressee['kind'], string>;
  page: (page: number, pages: number) => string;
  /** An instant as this language writes it, on the clock of the cooperation (Europe/Berlin). */
  instant: (at: Date) => string;
  /** A calendar day (`YYYY-MM-DD`) as this language writes it. */
  day: (isoDate: string) => string;
  /** The calendar day of an instant in Berlin (`4. Dezember 2026`). */
  dayOf: (at: Date) => string;
};

const TIME_ZONE = 'Europe/Berlin';
/** Quotes inside the quoted title become single ones, as each language nests them: „… ‚…‘ …“, “… ‘…’ …”. */
const germanQuote = (text: string) => `„${text.replace(/„/g, '‚').replace(/“/g, '‘')}“`;
const englishQuote = (text: string) => `“${text.replace(/“/g, '‘').replace(/”/g, '’')}”`;

const dateTime = (locale: string, at: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(at);
const dayInBerlin = (locale: string, at: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }).format(at);
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
    draftNotice: 'Entwurf – nicht beschlossen',
    adoptedOn: 'Beschlossen am',
    partners: 'Partner',
    workspace: 'Verbund',
    version: 'Version (SHA-256)',
    signatures: 'Zeichnung',
    partner: 'Partner',
    signedBy: 'Gezeichnet von',
    capacity: 'Funktion',
    signedAt: 'Zeitpunkt',
    dezernent: 'Dezernent',
    onBehalfOf: (dezernent) => `in Vertretung für ${dezernent}`,
    formerMember: (partner) => `ehemaliges Mitglied von ${partner}`,
    adoptedStatement: (title, day) => `${germanQuote(title)} wurde am ${day} von allen Partnern in der Fassung mit dieser Prüfsumme beschlossen.`,
    statuses: { draft: 'Entwurf', in_review: 'in Abstimmung', adopted: 'beschlossen', sent: 'versendet', answered: 'beantwortet', done: 'erledigt' },
    addresseeKinds: { land: 'Land', it_provider: 'Kommunaler IT-Dienstleister', other: 'Andere Stelle' },
    page: (page, pages) => `Seite ${page} von ${pages}`,
    instant: (at) => `${dateTime('de-DE', at)} Uhr`,
    day: (isoDate) => calendarDay('de-DE', isoDate),
    dayOf: (at) => dayInBerlin('de-DE', at),
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
    draftNotice: 'Draft – not adopted',
    adoptedOn: 'Adopted on',
    partners: 'Partners',
    workspace: 'Cooperation',
    version: 'Version (SHA-256)',
    signatures: 'Signatures',
    partner: 'Partner',
    signedBy: 'Signed by',
    capacity: 'Capacity',
    signedAt: 'Time',
    dezernent: 'Head of department (Dezernent)',
    onBehalfOf: (dezernent) => `on behalf of ${dezernent}`,
    formerMember: (partner) => `former member of ${partner}`,
    adoptedStatement: (title, day) => `${englishQuote(title)} was adopted by every partner on ${day} in the version with this checksum.`,
    statuses: { draft: 'Draft', in_review: 'In sign-off', adopted: 'Adopted', sent: 'Sent', answered: 'Answered', done: 'Done' },
    addresseeKinds: { land: 'State', it_provider: 'Municipal IT service provider', other: 'Other body' },
    page: (page, pages) => `Page ${page} of ${pages}`,
    instant: (at) => `${dateTime('en-GB', at)} (Berlin time)`,
    day: (isoDate) => calendarDay('en-GB', isoDate),
    dayOf: (at) => dayInBerlin('en-GB', at),
  },
};
