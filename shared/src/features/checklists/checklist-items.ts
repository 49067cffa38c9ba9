import { generateKeyBetween } from 'fractional-indexing';
import { LIMITS, positionSchema } from '../../model.js';

/** What ordering needs of an item. */
type Placed = { id: string; position: string };

/** Checklist order, the same rule as cards (S13): by fractional position, ties (two clients chose the same key) by id. */
export function compareItems(a: Placed, b: Placed): number {
  if (a.position < b.position) return -1;
  if (a.position > b.position) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function orderedItems<T extends Placed>(items: Readonly<Record<string, T>> | undefined): T[] {
  return Object.values(items ?? {}).sort(compareItems);
}

/** How many of a card's items are ticked, of how many; null for a card without a checklist. */
export function checklistProgress(items: Readonly<Record<string, { done: boolean }>> | undefined): { done: number; total: number } | null {
  const all = Object.values(items ?? {});
  return all.length === 0 ? null : { done: all.filter((item) => item.done).length, total: all.length };
}

/**
 * The key a new item gets at the end of the list, or null when there is none that fits
 * `positionSchema`: after a crafted key near the top of the key space each key grows, and a stored
 * key that does not parse would make every later snapshot and replay fail.
 */
export function positionAfter(items: readonly Placed[]): string | null {
  const last = items.reduce<string | null>((max, item) => (max === null || item.position > max ? item.position : max), null);
  const key = generateKeyBetween(last, null);
  return key.length <= LIMITS.positionKey ? key : null;
}

/**
 * A key fractional-indexing accepts. Checklist moves must send one: the server computes the key
 * after the last item from the stored keys (`positionAfter`), which a malformed one would break.
 */
export const orderKeySchema = positionSchema.refine((key) => {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}, 'must be a fractional index key');
