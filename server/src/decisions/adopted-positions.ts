import { adoptedRound, approvalsOf } from '@verbund/shared/features/positions/adoption';
import type { AdoptedPositionEntry, DecisionsQuery } from '@verbund/shared/decision-register';
import { officeDay } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { EXPORT_LABELS } from '../exports/export-labels.js';
import { addresseeText, signaturesOf } from '../exports/position-export.js';

/**
 * P56: the adopted positions of the register, one entry per position that is adopted or beyond, from
 * its last adopted round (`adoptedRound`, the round its exports sign) and that round's version. Who
 * approved is read by `approvalsOf`, exactly as the signature page reads it.
 */
export function adoptedPositionEntries(state: Readonly<WorkspaceState>, filter: Omit<DecisionsQuery, 'format'>): AdoptedPositionEntry[] {
  if (filter.verdict || filter.type === 'vote') return [];
  const partnerName = (id: string) => state.partners[id]?.name ?? EXPORT_LABELS.de.unknownPartner;
  return Object.values(state.positions).flatMap((position): AdoptedPositionEntry[] => {
    const round = adoptedRound(state, position.id);
    if (!round?.endedAt) return [];
    const adoptedOn = officeDay(new Date(round.endedAt));
    if ((filter.cardId && !position.cardIds.includes(filter.cardId)) || (filter.from && adoptedOn < filter.from) || (filter.to && adoptedOn > filter.to)) return [];
    const version = state.positionVersions[position.id]?.find((v) => v.id === round.versionId);
    return [
      {
        type: 'position',
        id: round.id,
        positionId: position.id,
        title: position.title,
        addressee: position.addressee,
        cardIds: position.cardIds,
        adoptedAt: round.endedAt,
        adoptedOn,
        version: { id: round.versionId, name: version?.name ?? '', hash: round.hash },
        approvals: approvalsOf(round, partnerName),
      },
    ];
  });
}

/** How the register's exports name people and partners (German, like the rest of the register). */
export type PositionNames = { signers: ReadonlyMap<string, string>; partner: (id: string) => string; card: (id: string) => string };

const LABELS = EXPORT_LABELS.de;

/** The signatures of an entry in the words of the signature page (P53, P54), German. */
const signatures = (entry: AdoptedPositionEntry, names: PositionNames) => signaturesOf(entry.approvals, names.signers, LABELS, names.partner);

/** An adopted position's cells under the register CSV's columns. */
export function adoptedPositionCells(entry: AdoptedPositionEntry, names: PositionNames): Record<string, string> {
  return {
    type: 'position',
    decisionId: entry.id,
    positionId: entry.positionId,
    title: entry.title,
    verdict: 'adopted',
    closedAt: entry.adoptedAt,
    cards: entry.cardIds.map(names.card).join('; '),
    addressee: addresseeText(entry.addressee, LABELS),
    version: entry.version.name,
    hash: entry.version.hash,
    approvals: signatures(entry, names)
      .map((s) => `${s.partner}: ${s.person}, ${s.capacity}, ${s.at}`)
      .join('; '),
  };
}

/** An adopted position in the Markdown register; `escape` shows people's text as typed. */
export function adoptedPositionMarkdown(entry: AdoptedPositionEntry, names: PositionNames, escape: (text: string) => string): string[] {
  const lines = [
    `## ${escape(entry.title)}`,
    '',
    `- **Art:** Gemeinsame Position, beschlossen am ${LABELS.dayOf(new Date(entry.adoptedAt))}`,
    `- **Adressat:** ${escape(addresseeText(entry.addressee, LABELS))}`,
    `- **Fassung:** ${escape(entry.version.name)}, SHA-256 \`${entry.version.hash}\``,
  ];
  if (entry.cardIds.length > 0) lines.push(`- **Betrifft:** ${entry.cardIds.map((id) => escape(names.card(id))).join('; ')}`);
  lines.push('- **Gezeichnet:**');
  for (const s of signatures(entry, names)) lines.push(`  - ${escape(s.partner)}: ${escape(s.person)}, ${escape(s.capacity)}, ${s.at}`);
  lines.push('');
  return lines;
}
