import { describe, expect, it } from 'vitest';
import type { PmDoc, PmNode } from '@verbund/shared/rich-text';
import { diffTexts } from './text-diff';

const doc = (...paragraphs: string[]): PmDoc => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

/** The runs of text carrying the diff mark of `kind`, in order. */
function marked(node: PmNode, kind: 'deleted' | 'inserted'): string[] {
  if (node.type === 'text') return node.marks?.some((m) => m.type === 'diff' && m.attrs?.kind === kind) ? [node.text ?? ''] : [];
  return (node.content ?? []).flatMap((child) => marked(child, kind));
}

describe('comparing two versions (P9)', () => {
  it('P9 marks what the newer version put in and what it took out, word by word', () => {
    const diff = diffTexts(doc('Die Partner fordern einen Zeitplan.', 'Bis 2027.'), doc('Die Partner fordern gemeinsam einen Zeitplan.', 'Bis Ende 2028.'));
    expect(marked(diff.newer, 'inserted').join('|')).toContain('gemeinsam');
    expect(marked(diff.newer, 'inserted').join('|')).toContain('2028');
    expect(marked(diff.older, 'deleted').join('|')).toContain('2027');
    expect(marked(diff.older, 'deleted').join('|')).not.toContain('Partner');
    expect(diff.insertions).toBeGreaterThanOrEqual(2);
  });

  it('P9 two equal versions have no change', () => {
    const same = doc('Unverändert.');
    const diff = diffTexts(same, same);
    expect([diff.insertions, diff.deletions]).toEqual([0, 0]);
    expect(marked(diff.newer, 'inserted')).toEqual([]);
  });

  it('P9 a removed paragraph shows as deleted in the older version only', () => {
    const diff = diffTexts(doc('Bleibt.', 'Fällt weg.'), doc('Bleibt.'));
    expect(marked(diff.older, 'deleted').join('')).toContain('Fällt weg.');
    expect(marked(diff.newer, 'inserted')).toEqual([]);
  });
});
