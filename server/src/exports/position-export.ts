import type { ExportFormat, ExportLanguage } from '@verbund/shared/http';
import { approvalsOf, type Approval } from '@verbund/shared/features/positions/adoption';
import type { PositionAddressee, SignoffRound } from '@verbund/shared/features/positions/positions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { PmDoc } from '@verbund/shared/rich-text';
import { EXPORT_LABELS, type ExportLabels } from './export-labels.js';

/** One line of the signature page (P53): a partner, who approved for it, in which capacity, when. */
export type Signature = { partner: string; person: string; capacity: string; at: string };

/** What an adopted export adds (P50–P54): the adopted version's hash, when it was adopted, and its signatures. */
export type Adoption = { hash: string; statement: string; signatures: Signature[] };

/** What every format renders (P41): the position's facts, labelled for the reader, and its text. */
export type PositionExport = {
  lang: ExportLanguage;
  labels: ExportLabels;
  title: string;
  workspace: string;
  facts: { label: string; value: string }[];
  exportedAt: Date;
  content: PmDoc;
  /** "Entwurf" on the export of a text not adopted (P55); null on an adopted one. */
  notice: string | null;
  adoption: Adoption | null;
};

/** The adopted round with the names of the people who answered in it (`names` holds only people not erased). */
export type Signed = { round: SignoffRound; names: ReadonlyMap<string, string> };

/** The export of a position that exists in `state` (the route has checked it), at `now`. */
export function positionExport(state: Readonly<WorkspaceState>, positionId: string, content: PmDoc, now: Date, lang: ExportLanguage, signed: Signed | null = null): PositionExport {
  const position = state.positions[positionId];
  if (!position) throw new Error(`position ${positionId} is not in the workspace`);
  const labels = EXPORT_LABELS[lang];
  const initiatives = position.cardIds.map((id) => state.cards[id]?.title).filter((title): title is string => title !== undefined);
  const partnerName = (id: string) => state.partners[id]?.name ?? labels.unknownPartner;
  const adoption = signed ? adoptionOf(signed, position.title, labels, partnerName) : null;
  return {
    lang,
    labels,
    title: position.title,
    workspace: state.name,
    facts: [
      { label: labels.addressee, value: addresseeText(position.addressee, labels) },
      { label: labels.lead, value: partnerName(position.leadPartnerId) },
      { label: labels.status, value: labels.statuses[position.status] },
      { label: labels.due, value: position.dueDate ? labels.day(position.dueDate) : labels.noDueDate },
      { label: labels.initiatives, value: initiatives.length > 0 ? initiatives.join('; ') : labels.none },
      ...(signed ? coverFacts(signed.round, state.name, labels, partnerName) : []),
      { label: labels.exportedAt, value: labels.instant(now) },
    ],
    exportedAt: now,
    content,
    notice: signed ? null : labels.draftNotice,
    adoption,
  };
}

/** The addressee by name, with its kind unless it is the Land (whose name says so). */
export const addresseeText = ({ kind, name }: PositionAddressee, labels: ExportLabels): string => (kind === 'land' ? name : `${name} (${labels.addresseeKinds[kind]})`);

/** P51: the cover's facts of an adopted position: the day of adoption in Berlin, the partners who signed, the cooperation, the hash. */
function coverFacts(round: SignoffRound, workspace: string, labels: ExportLabels, partnerName: (id: string) => string): PositionExport['facts'] {
  return [
    { label: labels.adoptedOn, value: adoptedDay(round, labels) },
    { label: labels.partners, value: sortedPartners(round, partnerName).map(partnerName).join(', ') },
    { label: labels.workspace, value: workspace },
    { label: labels.version, value: round.hash },
  ];
}

/** An adopted round has ended; its end is the answer that completed the approvals (P13). */
const adoptedDay = (round: SignoffRound, labels: ExportLabels) => labels.dayOf(new Date(round.endedAt ?? round.startedAt));

const sortedPartners = (round: SignoffRound, partnerName: (id: string) => string) => [...round.entitled].sort((a, b) => partnerName(a).localeCompare(partnerName(b), 'de'));

/** P53: the adopted round's signatures, from that round's approvals only (`approvalsOf`). */
function adoptionOf(signed: Signed, title: string, labels: ExportLabels, partnerName: (id: string) => string): Adoption {
  const { round, names } = signed;
  return { hash: round.hash, statement: labels.adoptedStatement(title, adoptedDay(round, labels)), signatures: signaturesOf(approvalsOf(round, partnerName), names, labels, partnerName) };
}

/**
 * P53, P54: approvals as signature lines, for the signature page and the decision register's exports.
 * An erased person shows as a former member of the partner (A12), never by a name the accounts no
 * longer hold (`names` holds only people not erased).
 */
export function signaturesOf(approvals: readonly Approval[], names: ReadonlyMap<string, string>, labels: ExportLabels, partnerName: (id: string) => string): Signature[] {
  return approvals.map((approval) => {
    const person = (id: string) => names.get(id) ?? labels.formerMember(partnerName(approval.partnerId));
    return {
      partner: partnerName(approval.partnerId),
      person: person(approval.by),
      capacity: approval.onBehalfOf ? labels.onBehalfOf(person(approval.onBehalfOf)) : labels.dezernent,
      at: labels.instant(new Date(approval.at)),
    };
  });
}

const FOLDED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/**
 * `<slug of the title>-<day in Berlin>.<format>`: ASCII only (umlauts spelled out, other accents
 * dropped), so the name survives every mail client and file share and needs no quoting in the header.
 */
export function exportFileName(title: string, at: Date, format: ExportFormat): string {
  const slug = title
    .replace(/[äöüßÄÖÜ]/g, (c) => FOLDED[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at);
  return `${slug || 'position'}-${day}.${format}`;
}
