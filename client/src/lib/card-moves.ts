import { generateKeyBetween } from 'fractional-indexing';
import type { CommandOf } from '@verbund/shared/commands';
import { AREAS, STATUSES, type Area, type Card, type Status } from '@verbund/shared/model';
import { compareCards } from '@verbund/shared/projection';
import type { BoardView } from './ui-store';

export type ColumnKey = Area | Status;
export type Columns = ReadonlyMap<ColumnKey, readonly Card[]>;
export type MoveDirection = 'up' | 'down' | 'left' | 'right';

/** Where a card goes: its column, its new key, and its place there (1-based) for the announcement. */
export type Placement = { cardId: string; column: ColumnKey; position: string; index: number; total: number };

export function columnKeys(view: BoardView): readonly ColumnKey[] {
  return view === 'area' ? AREAS : STATUSES;
}

export function columnOf(card: Card, view: BoardView): ColumnKey {
  return view === 'area' ? card.area : card.status;
}

export function buildColumns(cards: Iterable<Card>, view: BoardView): Map<ColumnKey, Card[]> {
  const columns = new Map<ColumnKey, Card[]>(columnKeys(view).map((key) => [key, []]));
  for (const card of cards) columns.get(columnOf(card, view))?.push(card);
  for (const list of columns.values()) list.sort(compareCards);
  return columns;
}

/** A key between two neighbours; equal keys (two clients chose the same) cannot be split, so go after. */
export function keyBetween(prev: string | null, next: string | null): string {
  if (prev !== null && next !== null && prev >= next) return generateKeyBetween(prev, null);
  return generateKeyBetween(prev, next);
}

/** Key for inserting at `index` of `list` (which must not contain the moving card). */
function keyAt(list: readonly Card[], index: number): string {
  return keyBetween(list[index - 1]?.position ?? null, list[index]?.position ?? null);
}

export function positionAtEnd(list: readonly Card[]): string {
  return keyAt(list, list.length);
}

function place(columns: Columns, cardId: string, column: ColumnKey, index: number): Placement {
  const target = (columns.get(column) ?? []).filter((c) => c.id !== cardId);
  const clamped = Math.max(0, Math.min(index, target.length));
  return { cardId, column, position: keyAt(target, clamped), index: clamped + 1, total: target.length + 1 };
}

function locate(columns: Columns, cardId: string): { column: ColumnKey; index: number } | null {
  for (const [column, list] of columns) {
    const index = list.findIndex((c) => c.id === cardId);
    if (index >= 0) return { column, index };
  }
  return null;
}

/**
 * Alt+Arrow moves: up/down swap with the neighbour in the column, left/right go to the same place in
 * the neighbouring column. Null when the card is already at that edge.
 */
export function keyboardMove(columns: Columns, order: readonly ColumnKey[], cardId: string, direction: MoveDirection): Placement | null {
  const from = locate(columns, cardId);
  if (!from) return null;
  const list = columns.get(from.column) ?? [];
  if (direction === 'up') return from.index === 0 ? null : place(columns, cardId, from.column, from.index - 1);
  if (direction === 'down') return from.index >= list.length - 1 ? null : place(columns, cardId, from.column, from.index + 1);
  const next = order.indexOf(from.column) + (direction === 'left' ? -1 : 1);
  const column = order[next];
  if (column === undefined) return null;
  return place(columns, cardId, column, from.index);
}

/** Drag and drop: dropped on a card goes to that card's place; dropped on a column goes to its end. */
export function dropMove(columns: Columns, cardId: string, column: ColumnKey, overCardId: string | null): Placement | null {
  const target = columns.get(column) ?? [];
  const from = locate(columns, cardId);
  if (overCardId === cardId) return null;
  let index = overCardId === null ? target.length : target.findIndex((c) => c.id === overCardId);
  if (index < 0) index = target.length;
  if (from && from.column === column) {
    // Within a column the card's own slot disappears first, so the drop target's index shifts by one.
    if (overCardId === null) index = target.length - 1;
    if (index === from.index) return null;
  }
  return place(columns, cardId, column, index);
}

export function movePayload(view: BoardView, placement: Placement): CommandOf<'card.move'>['payload'] {
  const base = { cardId: placement.cardId, position: placement.position };
  return view === 'area' ? { ...base, area: placement.column as Area } : { ...base, status: placement.column as Status };
}
