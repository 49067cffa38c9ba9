import * as Y from 'yjs';
import type { AuthorRun } from '@verbund/shared/rich-text';
import { EDITOR_FIELD } from './paragraphs.js';

/**
 * Who wrote each character of a document's text (Y18), as runs in the order `docToProseMirror` reads
 * its text nodes (depth first, each XmlText's text in order), so the runs line up with that content:
 * each visible string item is written by the person its Yjs client id belongs to.
 */
export function docAuthors(doc: Y.Doc, writerOf: (clientId: number) => string | null): AuthorRun[] {
  const runs: AuthorRun[] = [];
  const add = (length: number, personId: string | null) => {
    const last = runs.at(-1);
    if (last?.personId === personId) last.length += length;
    else runs.push({ length, personId });
  };
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) walk(child);
      else if (child instanceof Y.XmlText) {
        for (let item = child._start; item; item = item.right) {
          if (!item.deleted && item.content instanceof Y.ContentString && item.length > 0) add(item.length, writerOf(item.id.client));
        }
      }
    }
  };
  walk(doc.getXmlFragment(EDITOR_FIELD));
  return runs;
}
