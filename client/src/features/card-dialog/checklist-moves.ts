import { keyBetween } from '../../lib/card-moves';

type Placed = { position: string };

/**
 * The key that moves `items[index]` one place up or down in the ordered list: between its new
 * neighbours (C4), computed on the list without it. Null at that edge.
 */
export function positionForMove(items: readonly Placed[], index: number, direction: 'up' | 'down'): string | null {
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= items.length) return null;
  const others = items.filter((_, i) => i !== index);
  return keyBetween(others[target - 1]?.position ?? null, others[target]?.position ?? null);
}
