import type { CommandOf } from '@verbund/shared/commands';
import type { Anchor } from '@verbund/shared/features/annotations/annotations-feature';
import { nextId } from './builders.js';

/** An anchor as the editor makes it (Yjs relative positions as JSON). */
export const ANCHOR: Anchor = { from: { item: { client: 7, clock: 3 }, assoc: 0 }, to: { item: { client: 7, clock: 10 }, assoc: 0 }, quote: 'das Land' };

/** Builders of the annotation commands, bound to one workspace. Deterministic ids (see `nextId`). */
export function annotationCommandsFor(workspaceId: string) {
  // Each builder's return type states the command it builds; the cast only joins envelope and payload.
  const envelope = (type: string, payload: unknown) => ({ id: nextId(), workspaceId, type, payload }) as never;
  return {
    comment: (docId: string, body = 'Abgestimmt?', annotationId: string = nextId()): CommandOf<'annotation.comment'> =>
      envelope('annotation.comment', { annotationId, docId, anchor: ANCHOR, body }),
    propose: (docId: string, replacement = 'Land und Kommunen', annotationId: string = nextId()): CommandOf<'annotation.propose'> =>
      envelope('annotation.propose', { annotationId, docId, anchor: ANCHOR, replacement, body: '' }),
    reply: (annotationId: string, body = 'Ja.'): CommandOf<'annotation.reply'> => envelope('annotation.reply', { annotationId, replyId: nextId(), body }),
    resolve: (annotationId: string, resolved = true): CommandOf<'annotation.resolve'> => envelope('annotation.resolve', { annotationId, resolved }),
    decide: (annotationId: string, outcome: 'accepted' | 'rejected' = 'accepted'): CommandOf<'annotation.decide'> => envelope('annotation.decide', { annotationId, outcome }),
  };
}
