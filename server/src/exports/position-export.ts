import type { ExportFormat, ExportLanguage } from '@verbund/shared/http';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { PmDoc } from '@verbund/shared/rich-text';
import { EXPORT_LABELS, type ExportLabels } from './export-labels.js';

/** What every format renders (P41): the position's facts, labelled for the reader, and its text as stored. */
export type PositionExport = {
  lang: ExportLanguage;
  labels: ExportLabels;
  title: string;
  workspace: string;
  facts: { label: string; value: string }[];
  exportedAt: Date;
  content: PmDoc;
};

/** The export of a position that exists in `state` (the route has checked it), at `now`. */
export function positionExport(state: Readonly<WorkspaceState>, positionId: string, content: PmDoc, now: Date, lang: ExportLanguage): PositionExport {
  const position = state.positions[positionId];
  if (!position) throw new Error(`position ${positionId} is not in the workspace`);
  const labels = EXPORT_LABELS[lang];
  const { kind, name } = position.addressee;
  const initiatives = position.cardIds.map((id) => state.cards[id]?.title).filter((title): title is string => title !== undefined);
  return {
    lang,
    labels,
    title: position.title,
    workspace: state.name,
    facts: [
      { label: labels.addressee, value: kind === 'land' ? name : `${name} (${labels.addresseeKinds[kind]})` },
      { label: labels.lead, value: state.partners[position.leadPartnerId]?.name ?? labels.unknownPartner },
      { label: labels.status, value: labels.statuses[position.status] },
      { label: labels.due, value: position.dueDate ? labels.day(position.dueDate) : labels.noDueDate },
      { label: labels.initiatives, value: initiatives.length > 0 ? initiatives.join('; ') : labels.none },
      { label: labels.exportedAt, value: labels.instant(now) },
    ],
    exportedAt: now,
    content,
  };
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
