import { describe, expect, it } from 'vitest';
import type { PmDoc, PmNode } from '@verbund/shared/rich-text';
import { diffTexts, NOBODY, type AuthoredText } from './text-diff';

const pm = (...paragraphs: string[]): PmDoc => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
/** A text without recorded writers (a version named before Y18). */
const doc = (...paragraphs: string[]): AuthoredText => ({ content: pm(...paragraphs), authors: null });

/** The runs of text carrying the diff mark of `kind`, in order. */
function marked(node: PmNode, kind: 'deleted' | 'inserted'): string[] {
  return markedWith(node, kind).map(([text]) => text);
}
/** The same, each with the writer its mark names. */
function markedWith(node: PmNode, kind: 'deleted' | 'inserted'): [string, unknown][] {
  const diff = node.marks?.find((m) => m.type === 'diff' && m.attrs?.kind === kind);
  if (node.type === 'text') return diff ? [[node.text ?? '', diff.attrs?.writer]] : [];
  return (node.content ?? []).flatMap((child) => markedWith(child, kind));
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

  it('P9 Y18 without recorded writers, passages name nobody and none is listed', () => {
    const diff = diffTexts(doc('Alt.'), doc('Neu.'));
    expect(diff.passages).toEqual([]);
    expect(markedWith(diff.newer, 'inserted').map(([, writer]) => writer)).toEqual([null]);
  });
});

describe('who wrote which passage (P9, Y18)', () => {
  const ANNA = '00000000-0000-4000-8000-00000000a001';
  const LENA = '00000000-0000-4000-8000-00000000b002';
  const older: AuthoredText = { content: pm('Die Partner fordern einen Zeitplan.', 'Bis 2027.'), authors: [{ length: 35, personId: ANNA }, { length: 9, personId: null }] };
  // Lena wrote "Kommunen" over Anna's "Partner"; Anna added a paragraph.
  const newer: AuthoredText = {
    content: pm('Die Kommunen fordern einen Zeitplan.', 'Bis 2027.', 'Mit Kostenplan.'),
    authors: [
      { length: 4, personId: ANNA },
      { length: 8, personId: LENA },
      { length: 24, personId: ANNA },
      { length: 9, personId: null },
      { length: 15, personId: ANNA },
    ],
  };

  it('P9 Y18 each inserted passage of the newer text names its writer', () => {
    const inserted = markedWith(diffTexts(older, newer).newer, 'inserted');
    expect(inserted).toContainEqual(['Kommunen', LENA]);
    expect(inserted.filter(([, writer]) => writer === ANNA).map(([text]) => text).join('')).toContain('Kostenplan');
    expect(inserted.some(([text, writer]) => text.includes('Kostenplan') && writer !== ANNA)).toBe(false);
  });

  it('P9 Y18 a passage two people wrote is cut where the writer changes', () => {
    const mixed: AuthoredText = { content: pm('Die Partner fordern einen Zeitplan.', 'Bis 2027.', 'Neu von beiden.'), authors: [{ length: 44, personId: ANNA }, { length: 8, personId: LENA }, { length: 7, personId: ANNA }] };
    expect(markedWith(diffTexts(older, mixed).newer, 'inserted')).toEqual([
      ['Neu von ', LENA],
      ['beiden.', ANNA],
    ]);
  });

  it('P9 Y18 each deleted passage of the older text names who wrote it there; seed text names nobody', () => {
    expect(markedWith(diffTexts(older, newer).older, 'deleted')).toEqual([['Partner', ANNA]]);
    const seedRemoved = diffTexts(older, { content: pm('Die Partner fordern einen Zeitplan.'), authors: [{ length: 35, personId: ANNA }] });
    expect(markedWith(seedRemoved.older, 'deleted')).toEqual([['Bis 2027.', NOBODY]]);
  });

  it('P9 Y18 the passages are listed with kind, writer and text, the older text’s first', () => {
    const { passages } = diffTexts(older, newer);
    expect(passages[0]).toEqual({ kind: 'deleted', writer: ANNA, text: 'Partner' });
    expect(passages.slice(1)).toContainEqual({ kind: 'inserted', writer: LENA, text: 'Kommunen' });
    expect(passages.slice(1).every((p) => p.kind === 'inserted')).toBe(true);
  });
});
