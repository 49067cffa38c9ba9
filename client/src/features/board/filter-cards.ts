import type { Card } from '@verbund/shared/model';
import type { CardFilter } from '../../lib/ui-store';

function normalise(text: string): string {
  return text.toLocaleLowerCase('de').normalize('NFC');
}

/** A card matches when every filter that is set matches; an empty filter matches everything. */
export function matchesFilter(card: Card, filter: CardFilter): boolean {
  if (filter.partnerId && card.leadPartnerId !== filter.partnerId && !card.partnerIds.includes(filter.partnerId)) return false;
  if (filter.status && card.status !== filter.status) return false;
  if (filter.tag && !card.tags.some((tag) => normalise(tag) === normalise(filter.tag))) return false;
  const needle = normalise(filter.text.trim());
  if (needle && !normalise(card.title).includes(needle) && !normalise(card.description).includes(needle)) return false;
  return true;
}

export function filterCards(cards: Iterable<Card>, filter: CardFilter, showArchived: boolean): Card[] {
  const result: Card[] = [];
  for (const card of cards) if ((showArchived || !card.archived) && matchesFilter(card, filter)) result.push(card);
  return result;
}

/** Every tag in use, once, sorted as a German reader expects. */
export function tagsInUse(cards: Iterable<Card>): string[] {
  const tags = new Map<string, string>();
  for (const card of cards) for (const tag of card.tags) if (!tags.has(normalise(tag))) tags.set(normalise(tag), tag);
  return [...tags.values()].sort((a, b) => a.localeCompare(b, 'de'));
}

export function isFilterActive(filter: CardFilter): boolean {
  return Boolean(filter.partnerId || filter.status || filter.tag || filter.text.trim());
}
