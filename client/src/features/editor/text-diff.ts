import { getSchema, Mark } from '@tiptap/core';
import { Node, type Schema } from '@tiptap/pm/model';
import { StepMap, Transform } from '@tiptap/pm/transform';
import { ChangeSet, simplifyChanges } from 'prosemirror-changeset';
import type { AuthorRun, PmDoc } from '@verbund/shared/rich-text';
import { textExtensions } from './extensions';

/** A passage's writer when the text records one but names nobody (the server's seed, a writer unknown: Y18). */
export const NOBODY = 'nobody';

/** How a passage's writer is shown: a visible label, who it is (with the partner), a title and the partner's colours. */
export type WriterLook = { label: string; who: string; title: string; fg: string; bg: string };
type DiffOptions = { lookOf: (writer: string) => WriterLook | null };

/**
 * Marks a passage as taken out of the older text or put into the newer one (`<del>`, `<ins>`), with its
 * writer when the version records who wrote it (`writer`: a person id or NOBODY; null when not recorded).
 * The name is said in text (a label and a title), the partner's colour only helps (WCAG 1.4.1).
 */
export const DiffMark = Mark.create<DiffOptions>({
  name: 'diff',
  addOptions: () => ({ lookOf: () => null }),
  addAttributes: () => ({ kind: { default: 'inserted' }, writer: { default: null } }),
  renderHTML({ HTMLAttributes }) {
    const kind = String(HTMLAttributes.kind);
    const look = typeof HTMLAttributes.writer === 'string' ? this.options.lookOf(HTMLAttributes.writer) : null;
    const attrs = look ? { class: `diff-${kind} diff-by`, 'data-writer': look.label, title: look.title, style: `--writer-fg: ${look.fg}; --writer-bg: ${look.bg}` } : { class: `diff-${kind}` };
    return [kind === 'deleted' ? 'del' : 'ins', attrs, 0];
  },
});

export const diffExtensions = (lookOf?: DiffOptions['lookOf']) => [...textExtensions(), lookOf ? DiffMark.configure({ lookOf }) : DiffMark];

let schema: Schema | null = null;
const diffSchema = () => (schema ??= getSchema(diffExtensions()));

/** A text and who wrote it (Y18: runs over its text nodes in reading order), null when not recorded. */
export type AuthoredText = { content: PmDoc; authors: AuthorRun[] | null };
/** One marked passage and its writer (a person id or NOBODY), in the order of its text. */
export type Passage = { kind: 'deleted' | 'inserted'; writer: string; text: string };
export type TextDiff = { older: PmDoc; newer: PmDoc; deletions: number; insertions: number; passages: Passage[] };

type Range = [number, number];
type WriterRange = { from: number; to: number; writer: string };

/** Where each run of a text's writers lies in its ProseMirror positions: the runs laid over its text nodes in order. */
function writerRanges(doc: Node, authors: readonly AuthorRun[]): WriterRange[] {
  const ranges: WriterRange[] = [];
  let run = 0;
  let left = authors[0]?.length ?? 0;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    let at = pos;
    let rest = node.nodeSize;
    while (rest > 0 && run < authors.length) {
      const take = Math.min(rest, left);
      const writer = authors[run]?.personId ?? NOBODY;
      const last = ranges.at(-1);
      if (last?.writer === writer && last.to === at) last.to = at + take;
      else ranges.push({ from: at, to: at + take, writer });
      [at, rest, left] = [at + take, rest - take, left - take];
      if (left === 0) left = authors[(run += 1)]?.length ?? 0;
    }
    return false;
  });
  return ranges;
}

/** A changed range cut where its writer changes; without recorded writers, the range as it is. */
function byWriter([from, to]: Range, writers: WriterRange[] | null): { range: Range; writer: string | null }[] {
  if (!writers) return [{ range: [from, to], writer: null }];
  return writers.filter((w) => w.to > from && w.from < to).map((w) => ({ range: [Math.max(from, w.from), Math.min(to, w.to)], writer: w.writer }));
}

/**
 * Two versions side by side: what the newer one took out is marked in the older, what it put in is
 * marked in the newer. prosemirror-changeset diffs the two texts token by token (one replace step of
 * the whole content, which it narrows down to the changed words), and the result is widened to whole
 * words where a word was partly changed, which reads better than half-struck words.
 */
export function diffTexts(olderText: AuthoredText, newerText: AuthoredText): TextDiff {
  const s = diffSchema();
  const diffMark = s.marks.diff;
  if (!diffMark) throw new Error('the diff schema lacks its mark');
  const older = Node.fromJSON(s, olderText.content);
  const newer = Node.fromJSON(s, newerText.content);
  const whole = new StepMap([0, older.content.size, newer.content.size]);
  const changes = simplifyChanges(ChangeSet.create(older).addSteps(newer, [whole], null).changes, newer);
  const passages: Passage[] = [];
  // Each passage is marked with its writer and listed; a passage two people wrote is two passages.
  const mark = (doc: Node, kind: Passage['kind'], ranges: Range[], authors: AuthorRun[] | null) => {
    const writers = authors ? writerRanges(doc, authors) : null;
    const tr = new Transform(doc);
    for (const { range: [from, to], writer } of ranges.flatMap((range) => byWriter(range, writers))) {
      tr.addMark(from, to, diffMark.create({ kind, writer }));
      if (writer) passages.push({ kind, writer, text: doc.textBetween(from, to, ' ') });
    }
    return tr.doc.toJSON() as PmDoc;
  };
  const deleted = changes.map((c): Range => [c.fromA, c.toA]).filter(([from, to]) => to > from);
  const inserted = changes.map((c): Range => [c.fromB, c.toB]).filter(([from, to]) => to > from);
  return {
    older: mark(older, 'deleted', deleted, olderText.authors),
    newer: mark(newer, 'inserted', inserted, newerText.authors),
    deletions: deleted.length,
    insertions: inserted.length,
    passages,
  };
}
