import type { CommandOf } from '@verbund/shared/commands';
import { nextId } from './builders.js';

/** Builders of the checklist commands, bound to one workspace. Deterministic ids (see `nextId`). */
export function checklistCommandsFor(workspaceId: string) {
  // Each builder's return type states the command it builds; the cast only joins envelope and payload.
  const envelope = (type: string, payload: unknown) => ({ id: nextId(), workspaceId, type, payload }) as never;
  return {
    add: (cardId: string, text: string, itemId: string = nextId()): CommandOf<'checklist.add_item'> => envelope('checklist.add_item', { cardId, itemId, text }),
    rename: (cardId: string, itemId: string, text: string): CommandOf<'checklist.rename_item'> => envelope('checklist.rename_item', { cardId, itemId, text }),
    tick: (cardId: string, itemId: string, done = true): CommandOf<'checklist.tick_item'> => envelope('checklist.tick_item', { cardId, itemId, done }),
    move: (cardId: string, itemId: string, position: string): CommandOf<'checklist.move_item'> => envelope('checklist.move_item', { cardId, itemId, position }),
    remove: (cardId: string, itemId: string): CommandOf<'checklist.remove_item'> => envelope('checklist.remove_item', { cardId, itemId }),
  };
}
