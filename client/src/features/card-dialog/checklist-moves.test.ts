import { describe, expect, it } from 'vitest';
import { compareItems } from '@verbund/shared/features/checklists/checklist-items';
import { positionForMove } from './checklist-moves';

const list = (...positions: string[]) => positions.map((position, i) => ({ id: String(i), position }));
/** The ids in order after the item at `index` takes `position`. */
const orderAfter = (items: ReturnType<typeof list>, index: number, position: string) =>
  items.map((item, i) => (i === index ? { ...item, position } : item)).sort(compareItems).map((item) => item.id);

describe('positionForMove (C4)', () => {
  const items = list('a0', 'a1', 'a2');

  it('moves an item one place up or down, between its new neighbours', () => {
    expect(orderAfter(items, 2, positionForMove(items, 2, 'up') ?? '')).toEqual(['0', '2', '1']);
    expect(orderAfter(items, 1, positionForMove(items, 1, 'up') ?? '')).toEqual(['1', '0', '2']);
    expect(orderAfter(items, 0, positionForMove(items, 0, 'down') ?? '')).toEqual(['1', '0', '2']);
    expect(orderAfter(items, 1, positionForMove(items, 1, 'down') ?? '')).toEqual(['0', '2', '1']);
  });

  it('goes nowhere past the edges', () => {
    expect(positionForMove(items, 0, 'up')).toBeNull();
    expect(positionForMove(items, 2, 'down')).toBeNull();
    expect(positionForMove(list('a0'), 0, 'down')).toBeNull();
  });
});
