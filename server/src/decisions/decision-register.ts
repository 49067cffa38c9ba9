import { asSingleLine } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { DecisionEntry, DecisionsQuery } from '@verbund/shared/vote-wire';
import { voteCardIds, type ClosedVote } from '@verbund/shared/votes';
import { csvCell } from '../audit/audit-filter.js';

/**
 * The decision register ("Beschlüsse"): every closed vote whose outcome is recorded (D28), derived
 * from the votes in the state, never stored twice. Newest decision first.
 */
export function decisionEntries(state: Readonly<WorkspaceState>, filter: Omit<DecisionsQuery, 'format'> = {}): DecisionEntry[] {
  return Object.values(state.votes)
    .filter((v): v is ClosedVote & { decisionId: string; outcome: NonNullable<ClosedVote['outcome']> } =>
      v.status === 'closed' && v.decisionId !== null && v.outcome !== null,
    )
    .map((v) => ({
      id: v.decisionId,
      voteId: v.id,
      title: v.settings.title,
      kind: v.settings.config.kind,
      cardIds: voteCardIds(v.settings),
      verdict: v.result.verdict,
      reason: v.result.reason,
      counting: v.settings.counting,
      openedBy: v.openedBy,
      closedAt: v.closedAt,
      closedBy: v.closedBy,
      statement: v.outcome,
      tally: v.result.tally,
    }))
    .filter((d) => matches(d, filter))
    .sort((a, b) => (a.statement.at < b.statement.at ? 1 : a.statement.at > b.statement.at ? -1 : a.id < b.id ? -1 : 1));
}

/** Filters of the register; dates are calendar days of the closing, `to` inclusive. */
function matches(entry: DecisionEntry, filter: Omit<DecisionsQuery, 'format'>): boolean {
  if (filter.cardId && !entry.cardIds.includes(filter.cardId)) return false;
  if (filter.verdict && entry.verdict !== filter.verdict) return false;
  const day = entry.closedAt.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  return true;
}

/** Names for the export; ids that are not known (an erased person) print as a dash. */
export type Names = { person: (id: string | null) => string; card: (id: string) => string; workspace: string };

const VERDICT_DE: Record<DecisionEntry['verdict'], string> = {
  passed: 'angenommen',
  rejected: 'abgelehnt',
  no_quorum: 'nicht beschlussfähig (Quorum verfehlt)',
  ranked: 'Rangfolge',
};
const POSITION_DE: Record<string, string> = { agree: 'Zustimmung', abstain: 'Enthaltung', disagree: 'Ablehnung', block: 'Veto' };

const CSV_COLUMNS = ['decisionId', 'voteId', 'title', 'verdict', 'reason', 'counting', 'closedAt', 'cards', 'tally', 'statement', 'recordedBy', 'recordedAt'];

function tallyText(entry: DecisionEntry, label: (key: string) => string, separator: string): string {
  return Object.entries(entry.tally.options)
    .map(([key, n]) => `${label(key)}: ${n}`)
    .join(separator);
}

/** CSV for spreadsheets; every cell goes through the audit export's formula defusing. */
export function decisionsCsv(entries: readonly DecisionEntry[], names: Names, optionLabel: (entry: DecisionEntry, key: string) => string): string {
  const rows = entries.map((d) =>
    [
      d.id,
      d.voteId,
      d.title,
      d.verdict,
      d.reason,
      d.counting,
      d.closedAt,
      d.cardIds.map(names.card).join('; '),
      tallyText(d, (key) => optionLabel(d, key), '; '),
      d.statement.text,
      names.person(d.statement.by),
      d.statement.at,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * People's text in the Markdown register is shown as typed, never interpreted: each mark that can
 * start inline markup (emphasis, code, links, images, HTML, entities, tables) is backslash-escaped,
 * and so is a start that could begin a block (list, quote, heading, setext line). Line breaks (only
 * in data stored before titles became single-line) become spaces, so no text can add a line of its
 * own, such as a forged "Ergebnis".
 */
export function escapeMarkdown(text: string): string {
  return asSingleLine(text)
    .replace(/[\\`*_{}[\]<>#|~!&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A readable document of the decisions, in German (the language of the cooperation's minutes). */
export function decisionsMarkdown(
  entries: readonly DecisionEntry[],
  names: Names,
  optionLabel: (entry: DecisionEntry, key: string) => string,
  generatedAt: string,
): string {
  const lines = [`# Beschlüsse – ${escapeMarkdown(names.workspace)}`, '', `Stand: ${generatedAt.slice(0, 16).replace('T', ' ')} UTC`, ''];
  if (entries.length === 0) lines.push('Keine Beschlüsse.', '');
  for (const d of entries) {
    const label = (key: string) => escapeMarkdown(d.kind === 'proposal' ? (POSITION_DE[key] ?? key) : optionLabel(d, key));
    lines.push(
      `## ${escapeMarkdown(d.title)}`,
      '',
      `- **Ergebnis:** ${VERDICT_DE[d.verdict]}`,
      `- **Abgestimmt:** ${d.counting === 'partner' ? 'je Partner eine Stimme' : 'je Person eine Stimme'}, beendet ${d.closedAt.slice(0, 16).replace('T', ' ')} UTC${d.closedBy === null ? ' (zum Abstimmungsende)' : ''}`,
      `- **Stimmen:** ${tallyText(d, label, ', ')}`,
    );
    if (d.cardIds.length > 0) lines.push(`- **Betrifft:** ${d.cardIds.map((id) => escapeMarkdown(names.card(id))).join('; ')}`);
    lines.push(
      `- **Festgehalten von:** ${escapeMarkdown(names.person(d.statement.by))}, ${d.statement.at.slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `> ${escapeMarkdown(d.statement.text)}`,
      '',
    );
  }
  return lines.join('\n');
}
