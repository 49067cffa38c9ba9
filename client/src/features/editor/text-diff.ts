import { getSchema, Mark } from '@tiptap/core';
import { Node, type Schema } from '@tiptap/pm/model';
import { StepMap, Transform } from '@tiptap/pm/transform';
import { ChangeSet, simplifyChanges } from 'prosemirror-changeset';
import type { PmDoc } from '@verbund/shared/rich-text';
import { textExtensions } from './extensions';

/** Marks a passage as taken out of the older text or put into the newer one (`<del>`, `<ins>`). */
export const DiffMark = Mark.create({
  name: 'diff',
  addAttributes: () => ({ kind: { default: 'inserted' } }),
  renderHTML: ({ HTMLAttributes }) => [HTMLAttributes.kind === 'deleted' ? 'del' : 'ins', { class: `diff-${String(HTMLAttributes.kind)}` }, 0],
});

export const diffExtensions = () => [...textExtensions(), DiffMark];

let schema: Schema | null = null;
const diffSchema = () => (schema ??= getSchema(diffExtensions()));

export type TextDiff = { older: PmDoc; newer: PmDoc; deletions: number; insertions: number };

/**
 * Two versions side by side: what the newer one took out is marked in the older, what it put in is
 * marked in the newer. prosemirror-changeset diffs the two texts token by token (one replace step of
 * the whole content, which it narrows down to the changed words), and the result is widened to whole
 * words where a word was partly changed, which reads better than half-struck words.
 */
export function diffTexts(olderJson: PmDoc, newerJson: PmDoc): TextDiff {
  const s = diffSchema();
  const diffMark = s.marks.diff;
  if (!diffMark) throw new Error('the diff schema lacks its mark');
  const older = Node.fromJSON(s, olderJson);
  const newer = Node.fromJSON(s, newerJson);
  const whole = new StepMap([0, older.content.size, newer.content.size]);
  const changes = simplifyChanges(ChangeSet.create(older).addSteps(newer, [whole], null).changes, newer);
  const mark = (doc: Node, kind: 'deleted' | 'inserted', ranges: [number, number][]) => {
    const tr = new Transform(doc);
    for (const [from, to] of ranges) if (to > from) tr.addMark(from, to, diffMark.create({ kind }));
    return tr.doc.toJSON() as PmDoc;
  };
  const deleted = changes.map((c): [number, number] => [c.fromA, c.toA]).filter(([from, to]) => to > from);
  const inserted = changes.map((c): [number, number] => [c.fromB, c.toB]).filter(([from, to]) => to > from);
  return { older: mark(older, 'deleted', deleted), newer: mark(newer, 'inserted', inserted), deletions: deleted.length, insertions: inserted.length };
}
