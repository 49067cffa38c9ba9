import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { AuthorRun, PmNode } from '@verbund/shared/rich-text';
import { EDITOR_FIELD, paragraphsUpdate, SEED_CLIENT_ID } from './paragraphs.js';
import { docToProseMirror } from './prosemirror.js';
import { docAuthors } from './text-authors.js';
import { EDITOR_SCHEMA, RICH_DOCUMENT } from '../../test-support/rich-document.js';

const flat = (node: PmNode): string => (node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(flat).join(''));
/** The runs laid over the text as `docToProseMirror` reads it. */
const passages = (doc: Y.Doc, runs: AuthorRun[]): [string, string | null][] => {
  const all = flat(docToProseMirror(doc));
  let at = 0;
  return runs.map((run) => [all.slice(at, (at += run.length)), run.personId]);
};
const textIn = (doc: Y.Doc, ...path: number[]): Y.XmlText => {
  let node: unknown = doc.getXmlFragment(EDITOR_FIELD);
  for (const index of path) node = (node as Y.XmlElement).get(index);
  if (!(node instanceof Y.XmlText)) throw new Error(`no text at ${path.join('/')}`);
  return node;
};

describe('who wrote each run of a text (Y18)', () => {
  it('Y18 the runs cover the text exactly as docToProseMirror reads it: every node and mark of the editor, two writers, deletions', () => {
    const anna = prosemirrorJSONToYDoc(EDITOR_SCHEMA, RICH_DOCUMENT, EDITOR_FIELD);
    const lena = new Y.Doc();
    Y.applyUpdate(lena, Y.encodeStateAsUpdate(anna));
    // Lena writes inside Anna's second paragraph (between marked runs) and into the table; Anna deletes a word of her own.
    textIn(lena, 1, 0).insert('Die Partner '.length, 'alle ', { bold: {} });
    textIn(lena, 9, 2, 0, 0, 0).insert(0, 'Kreis ');
    textIn(anna, 0, 0).delete(0, 'Gemeinsame '.length);
    Y.applyUpdate(anna, Y.encodeStateAsUpdate(lena));
    const writers = new Map([
      [anna.clientID, 'anna'],
      [lena.clientID, 'lena'],
    ]);
    const runs = docAuthors(anna, (clientId) => writers.get(clientId) ?? null);

    expect(runs.reduce((sum, r) => sum + r.length, 0)).toBe(flat(docToProseMirror(anna)).length);
    expect(passages(anna, runs).filter(([, who]) => who === 'lena')).toEqual([
      ['alle ', 'lena'],
      ['Kreis ', 'lena'],
    ]);
    expect(passages(anna, runs)[0]).toEqual([expect.stringMatching(/^Stellungnahme/), 'anna']);
    expect(runs.every((r, i) => i === 0 || r.personId !== runs[i - 1]?.personId)).toBe(true);
  });

  it('Y18 the seed is nobody’s; an empty text has no runs', () => {
    const seeded = new Y.Doc();
    Y.applyUpdate(seeded, paragraphsUpdate('Vorlage'));
    expect(docAuthors(seeded, (clientId) => (clientId === SEED_CLIENT_ID ? null : 'someone'))).toEqual([{ length: 7, personId: null }]);
    expect(docAuthors(new Y.Doc(), () => 'someone')).toEqual([]);
  });
});
