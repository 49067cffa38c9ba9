/**
 * Reordering the agenda by keyboard, as a grab button does it: Space lifts the item, the arrows
 * carry it, Space puts it down (one `session.move_item`), Escape puts it back. Pure, so the rules of
 * the gesture are tested without a browser; the agenda renders `previewOrder` while an item is lifted.
 */
export type Lifted = { itemId: string; from: number; at: number };

export type GrabStep =
  | { kind: 'ignore' }
  | { kind: 'lift'; lifted: Lifted }
  | { kind: 'carry'; lifted: Lifted }
  /** Put down: `toIndex` is null when it landed where it was lifted (nothing to send). */
  | { kind: 'drop'; itemId: string; toIndex: number | null }
  | { kind: 'cancel'; itemId: string };

export function grabStep(lifted: Lifted | null, key: string, itemId: string, index: number, count: number): GrabStep {
  if (!lifted) return key === ' ' ? { kind: 'lift', lifted: { itemId, from: index, at: index } } : { kind: 'ignore' };
  if (lifted.itemId !== itemId) return { kind: 'ignore' };
  if (key === ' ' || key === 'Enter') return { kind: 'drop', itemId, toIndex: lifted.at === lifted.from ? null : lifted.at };
  if (key === 'Escape') return { kind: 'cancel', itemId };
  const by = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : key === 'Home' ? -count : key === 'End' ? count : 0;
  if (by === 0) return { kind: 'ignore' };
  const at = Math.max(0, Math.min(count - 1, lifted.at + by));
  return { kind: 'carry', lifted: { ...lifted, at } };
}

/** The agenda as it looks while an item is carried: the item at its new place, the others in their order. */
export function previewOrder<T extends { id: string }>(items: readonly T[], lifted: Lifted | null): T[] {
  const moving = lifted && items.find((item) => item.id === lifted.itemId);
  if (!lifted || !moving) return [...items];
  const rest = items.filter((item) => item.id !== lifted.itemId);
  return [...rest.slice(0, lifted.at), moving, ...rest.slice(lifted.at)];
}

/** Drag and drop: dropped on another item, the dragged one takes that item's place (M4); null for no move. */
export function dropIndex(ids: readonly string[], activeId: string, overId: string | null): number | null {
  if (overId === null || overId === activeId) return null;
  const to = ids.indexOf(overId);
  return to < 0 || !ids.includes(activeId) ? null : to;
}
