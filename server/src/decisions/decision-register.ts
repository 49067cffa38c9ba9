import { asSingleLine } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { DecisionsQuery, RegisterEntry } from '@verbund/shared/decision-register';
import type { DecisionEntry } from '@verbund/shared/vote-wire';
import { voteCardIds, type ClosedVote } from '@verbund/shared/votes';
import { csvCell } from '../audit/audit-filter.js';
import { adoptedPositionCells, adoptedPositionEntries, adoptedPositionMarkdown, type PositionNames } from './adopted-positions.js';

type Filter = Omit<DecisionsQuery, 'format'>;

/**
 * The decision register ("Beschlüsse", D36, P56): every closed vote whose outcome is recorded (D28)
 * and every adopted joint position, derived from the state, never stored twice. Newest first.
 */
export function registerEntries(state: Readonly<WorkspaceState>, filter: Filter = {}): RegisterEntry[] {
  const decidedAt = (entry: RegisterEntry) => (entry.type === 'vote' ? entry.statement.at : entry.adoptedAt);
  return [...decisionEntries(state, filter), ...adoptedPositionEntries(state, filter)].sort((a, b) =>
    decidedAt(a) < decidedAt(b) ? 1 : decidedAt(a) > decidedAt(b) ? -1 : a.id < b.id ? -1 : 1,
  );
}

/** The votes' decisions (D36). */
function decisionEntries(state: Readonly<WorkspaceState>, filter: Filter): DecisionEntry[] {
  if (filter.type === 'position') return [];
  return Object.values(state.votes)
    .filter((v): v is ClosedVote & { decisionId: string; outcome: NonNullable<ClosedVote['outcome']> } =>
      v.status === 'closed' && v.decisionId !== null && v.outcome !== null,
    )
    .map((v) => ({
      type: 'vote' as const,
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
    .filter((d) => matches(d, filter));
}

/** Filters of the register; dates are calendar days of the closing, `to` inclusive. */
function matches(entry: DecisionEntry, filter: Filter): boolean {
  if (filter.cardId && !entry.cardIds.includes(filter.cardId)) return false;
  if (filter.verdict && entry.verdict !== filter.verdict) return false;
  const day = entry.closedAt.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  return true;
}

/** Names for the export; ids that are not known (an erased person) print as a dash. */
export type Names = PositionNames & { person: (id: string | null) => string; workspace: string };

const VERDICT_DE: Record<DecisionEntry['verdict'], string> = {
  passed: 'angenommen',
  rejected: 'abgelehnt',
  no_quorum: 'nicht beschlussfähig (Quorum verfehlt)',
  ranked: 'Rangfolge',
};
const POSITION_DE: Record<string, string> = { agree: 'Zustimmung', abstain: 'Enthaltung', disagree: 'Ablehnung', block: 'Veto' };

/** One table for both kinds (P56): a position leaves the vote's columns empty, a vote the position's. */
const CSV_COLUMNS = ['type', 'decisionId', 'voteId', 'positionId', 'title', 'verdict', 'reason', 'counting', 'closedAt', 'cards', 'tally', 'statement', 'recordedBy', 'recordedAt', 'addressee', 'version', 'hash', 'approvals'];

function tallyText(entry: DecisionEntry, label: (key: string) => string, separator: string): string {
  return Object.entries(entry.tally.options)
    .map(([key, n]) => `${label(key)}: ${n}`)
    .join(separator);
}

/** CSV for spreadsheets; every cell goes through the audit export's formula defusing. */
export function decisionsCsv(entries: readonly RegisterEntry[], names: Names, optionLabel: (entry: DecisionEntry, key: string) => string): string {
  const rows = entries.map((entry) => {
    const cells = entry.type === 'vote' ? voteCells(entry, names, optionLabel) : adoptedPositionCells(entry, names);
    return CSV_COLUMNS.map((column) => csvCell(cells[column] ?? '')).join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

function voteCells(d: DecisionEntry, names: Names, optionLabel: (entry: DecisionEntry, key: string) => string): Record<string, string> {
  return {
    type: 'vote',
    decisionId: d.id,
    voteId: d.voteId,
    title: d.title,
    verdict: d.verdict,
    reason: d.reason,
    counting: d.counting,
    closedAt: d.closedAt,
    cards: d.cardIds.map(names.card).join('; '),
    tally: tallyText(d, (key) => optionLabel(d, key), '; '),
    statement: d.statement.text,
    recordedBy: names.person(d.statement.by),
    recordedAt: d.statement.at,
  };
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
  entries: readonly RegisterEntry[],
  names: Names,
  optionLabel: (entry: DecisionEntry, key: string) => string,
  generatedAt: string,
): string {
  const lines = [`# Beschlüsse – ${escapeMarkdown(names.workspace)}`, '', `Stand: ${generatedAt.slice(0, 16).replace('T', ' ')} UTC`, ''];
  if (entries.length === 0) lines.push('Keine Beschlüsse.', '');
  for (const d of entries) {
    if (d.type === 'position') {
      lines.push(...adoptedPositionMarkdown(d, names, escapeMarkdown));
      continue;
    }
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
