import { describe, expect, it } from 'vitest';
import { dropIndex, grabStep, previewOrder, type Lifted } from './agenda-order';

const items = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const ids = items.map((i) => i.id);

describe('agenda order by keyboard (M4)', () => {
  it('Space lifts the item at its place; other keys do nothing until then', () => {
    expect(grabStep(null, ' ', 'b', 1, 4)).toEqual({ kind: 'lift', lifted: { itemId: 'b', from: 1, at: 1 } });
    expect(grabStep(null, 'ArrowDown', 'b', 1, 4)).toEqual({ kind: 'ignore' });
  });

  it('the arrows carry it within the agenda, Home and End to its ends', () => {
    const lifted: Lifted = { itemId: 'b', from: 1, at: 1 };
    expect(grabStep(lifted, 'ArrowDown', 'b', 1, 4)).toEqual({ kind: 'carry', lifted: { itemId: 'b', from: 1, at: 2 } });
    expect(grabStep({ ...lifted, at: 0 }, 'ArrowUp', 'b', 0, 4)).toEqual({ kind: 'carry', lifted: { itemId: 'b', from: 1, at: 0 } });
    expect(grabStep(lifted, 'End', 'b', 1, 4)).toEqual({ kind: 'carry', lifted: { itemId: 'b', from: 1, at: 3 } });
    expect(grabStep(lifted, 'Home', 'b', 1, 4)).toEqual({ kind: 'carry', lifted: { itemId: 'b', from: 1, at: 0 } });
  });

  it('Space drops it at the new index, or sends nothing when it is back where it was', () => {
    expect(grabStep({ itemId: 'b', from: 1, at: 3 }, ' ', 'b', 3, 4)).toEqual({ kind: 'drop', itemId: 'b', toIndex: 3 });
    expect(grabStep({ itemId: 'b', from: 1, at: 1 }, ' ', 'b', 1, 4)).toEqual({ kind: 'drop', itemId: 'b', toIndex: null });
  });

  it('Escape puts it back; keys on another item are ignored while one is lifted', () => {
    expect(grabStep({ itemId: 'b', from: 1, at: 3 }, 'Escape', 'b', 3, 4)).toEqual({ kind: 'cancel', itemId: 'b' });
    expect(grabStep({ itemId: 'b', from: 1, at: 3 }, ' ', 'c', 2, 4)).toEqual({ kind: 'ignore' });
  });

  it('the preview shows the carried item at its new place and the others in their order', () => {
    expect(previewOrder(items, { itemId: 'a', from: 0, at: 2 }).map((i) => i.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(previewOrder(items, null).map((i) => i.id)).toEqual(ids);
  });
});

describe('agenda order by drag and drop (M4)', () => {
  it('the dragged item takes the place of the one it is dropped on, like session.move_item reduces it', () => {
    expect(dropIndex(ids, 'a', 'c')).toBe(2);
    expect(previewOrder(items, { itemId: 'a', from: 0, at: 2 }).map((i) => i.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(dropIndex(ids, 'd', 'a')).toBe(0);
  });

  it('a drop on itself or outside the agenda moves nothing', () => {
    expect(dropIndex(ids, 'b', 'b')).toBeNull();
    expect(dropIndex(ids, 'b', null)).toBeNull();
    expect(dropIndex(ids, 'b', 'x')).toBeNull();
  });
});
