import type { StoredEvent } from '@verbund/shared/events';

export type AuditFilter = { personId?: string; partnerId?: string; type?: string; from?: string; to?: string };

/** Whether an event matches the audit view's filters; dates are calendar days, `to` inclusive. */
export function matchesAudit(event: StoredEvent, filter: AuditFilter): boolean {
  if (filter.personId && event.actorId !== filter.personId) return false;
  if (filter.partnerId && event.partnerId !== filter.partnerId) return false;
  if (filter.type && event.type !== filter.type && !event.type.startsWith(`${filter.type}.`)) return false;
  const day = event.at.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  return true;
}

const CSV_COLUMNS = ['seq', 'at', 'type', 'actorId', 'partnerId', 'commandId', 'data', 'prevHash', 'hash'] as const;

/**
 * One CSV cell. Quotes what needs quoting, and defuses spreadsheet formulas: a cell a spreadsheet
 * would evaluate (=, +, -, @, tab, carriage return first) gets a leading apostrophe.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(events: readonly StoredEvent[]): string {
  const rows = events.map((e) =>
    [e.seq, e.at, e.type, e.actorId, e.partnerId, e.commandId, JSON.stringify(e.data), e.prevHash, e.hash].map(csvCell).join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
