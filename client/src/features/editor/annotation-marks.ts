import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { relativePositionSchema, type Anchor, type Annotation } from '@verbund/shared/features/annotations/annotations-feature';
import type { Passage } from '../../lib/passage-store';

type MarksStorage = { annotations: readonly Annotation[]; active: string | null; shown: Passage | null };

declare module '@tiptap/core' {
  interface Storage {
    annotationMarks: MarksStorage;
  }
}

type SyncState = { binding: { mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] }; type: Y.XmlFragment; doc: Y.Doc } | undefined;

const syncOf = (editor: Editor): SyncState => ySyncPluginKey.getState(editor.state) as SyncState;

/** The selected passage as an anchor of Yjs relative positions (it stays on its words while others write around it). */
export function anchorOfSelection(editor: Editor): Anchor | null {
  const sync = syncOf(editor);
  const { from, to, empty } = editor.state.selection;
  if (!sync || empty) return null;
  // y-tiptap types its answer loosely; it is a Y.RelativePosition.
  const relative = (pos: number) => {
    const position: Y.RelativePosition = absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping) as Y.RelativePosition;
    return relativePositionSchema.parse(Y.relativePositionToJSON(position));
  };
  return { from: relative(from), to: relative(to), quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 1_000) };
}

/** Where an anchor is in the text now, or null when its passage was deleted. */
export function rangeOfAnchor(editor: Editor, anchor: Passage): { from: number; to: number } | null {
  const sync = syncOf(editor);
  if (!sync) return null;
  const absolute = (json: Anchor['from']) => relativePositionToAbsolutePosition(sync.doc, sync.type, Y.createRelativePositionFromJSON(json), sync.binding.mapping);
  const from = absolute(anchor.from);
  const to = absolute(anchor.to);
  return from === null || to === null || to <= from ? null : { from, to };
}

const key = new PluginKey<DecorationSet>('annotation-marks');

/**
 * Marks the passages of open annotations in the text (a comment's, a proposal's), and the passage the
 * moderation shows (`showPassage`), recomputed from their anchors on every change, so a mark follows
 * its words. `setAnnotations` gives the current list.
 */
export const AnnotationMarks = Extension.create<Record<string, never>, MarksStorage>({
  name: 'annotationMarks',
  addStorage: () => ({ annotations: [], active: null, shown: null }),
  addProseMirrorPlugins() {
    const { editor, storage } = this;
    return [
      new Plugin({
        key,
        props: {
          decorations: (state) => {
            const marks = storage.annotations.flatMap((annotation) => {
              const range = rangeOfAnchor(editor, annotation.anchor);
              if (!range) return [];
              const classes = `annotation-mark annotation-${annotation.kind}${storage.active === annotation.id ? ' annotation-active' : ''}`;
              return [Decoration.inline(range.from, range.to, { class: classes, 'data-annotation': annotation.id })];
            });
            const shown = storage.shown && rangeOfAnchor(editor, storage.shown);
            if (shown) marks.push(Decoration.inline(shown.from, shown.to, { class: 'passage-shown' }));
            return DecorationSet.create(state.doc, marks);
          },
        },
      }),
    ];
  },
});

/** Hands the open annotations to the marks and redraws them. */
export function setAnnotations(editor: Editor, annotations: readonly Annotation[], active: string | null): void {
  const storage = editor.storage.annotationMarks;
  if (editor.isDestroyed) return;
  storage.annotations = annotations;
  storage.active = active;
  editor.view.dispatch(editor.state.tr.setMeta(key, true));
}

/** Marks the passage the moderation shows everyone (M45) and scrolls it into view; false when it was deleted meanwhile. */
export function showPassage(editor: Editor, passage: Passage): boolean {
  if (editor.isDestroyed) return false;
  editor.storage.annotationMarks.shown = passage;
  editor.view.dispatch(editor.state.tr.setMeta(key, true));
  const range = rangeOfAnchor(editor, passage);
  if (!range) return false;
  const { node } = editor.view.domAtPos(range.from);
  (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: 'center' });
  return true;
}
