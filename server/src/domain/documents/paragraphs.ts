import * as Y from 'yjs';

/** The fragment Tiptap's Collaboration extension binds to (its `field` option's default). */
export const EDITOR_FIELD = 'default';

/**
 * Plain text as the rich-text shape the editor reads: one `paragraph` per line, each holding its text;
 * an empty text is one empty paragraph, so people who start writing at once write into the same one
 * (each editor would otherwise create a first paragraph of its own). Built under a fixed client id, so the same text always gives the same bytes: two servers seeding
 * the same document at once produce one content, not two copies (Yjs merges identical items).
 */
export function paragraphsUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID;
  const fragment = doc.getXmlFragment(EDITOR_FIELD);
  const lines = text.split(/\r\n|\n|\r/);
  fragment.insert(
    0,
    lines.map((line) => {
      const paragraph = new Y.XmlElement('paragraph');
      if (line.length > 0) paragraph.insert(0, [new Y.XmlText(line)]);
      return paragraph;
    }),
  );
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The text of an editor fragment, a line per paragraph (the inverse of `paragraphsUpdate` for plain text). */
export function paragraphsText(doc: Y.Doc): string {
  return doc
    .getXmlFragment(EDITOR_FIELD)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => (child instanceof Y.XmlText ? child.toJSON() : '')).join('') : ''))
    .join('\n');
}

/**
 * Never chosen by a client: Yjs picks random 32-bit ids, and 0 only with odds of one in four billion.
 * The seed's text is the server's: nobody may claim this id as theirs (Y18).
 */
export const SEED_CLIENT_ID = 0;
