import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { paragraphsUpdate, EDITOR_FIELD } from './paragraphs.js';
import { docToProseMirror, proseMirrorToUpdate } from './prosemirror.js';
import { EDITOR_SCHEMA, RICH_DOCUMENT } from '../../test-support/rich-document.js';

/** The document the editor's own Yjs binding (y-tiptap, the one Collaboration uses) writes for `json`. */
const writtenByEditor = (json: object) => prosemirrorJSONToYDoc(EDITOR_SCHEMA, json, EDITOR_FIELD);

describe('Yjs fragment → ProseMirror JSON (the one reader of a document’s structure)', () => {
  it('reads back exactly what the editor wrote: every node and mark of StarterKit and the table', () => {
    const read = docToProseMirror(writtenByEditor(RICH_DOCUMENT));
    // Node.eq compares structure, attrs (defaults filled in) and marks as sets, as the editor would.
    expect(EDITOR_SCHEMA.nodeFromJSON(read).eq(EDITOR_SCHEMA.nodeFromJSON(RICH_DOCUMENT))).toBe(true);
  });

  it('keeps attrs that carry a value and leaves out empty ones, like ProseMirror’s own JSON', () => {
    const read = docToProseMirror(
      writtenByEditor({
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Ziel', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org' } }] }] },
          { type: 'paragraph' },
        ],
      }),
    );
    expect(read.content?.[0]?.attrs).toEqual({ level: 3 });
    expect(read.content?.[0]?.content?.[0]?.marks).toContainEqual({ type: 'bold' });
    expect(read.content?.[0]?.content?.[0]?.marks).toContainEqual({ type: 'link', attrs: { href: 'https://example.org', target: '_blank', rel: 'noopener noreferrer nofollow' } });
    expect(read.content?.[1]).toEqual({ type: 'paragraph' });
  });

  it('reads a server-seeded text as its paragraphs, and an empty document as an empty doc', () => {
    const seeded = new Y.Doc();
    Y.applyUpdate(seeded, paragraphsUpdate('erste Zeile\n\nÄnderung'));
    expect(docToProseMirror(seeded)).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'erste Zeile' }] }, { type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: 'Änderung' }] }],
    });
    expect(docToProseMirror(new Y.Doc())).toEqual({ type: 'doc', content: [] });
  });

  it('takes a mark that may overlap itself (stored as `name--hash`) by its name', () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    doc.getXmlFragment(EDITOR_FIELD).insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'markiert', { 'comment--a1B2+c3=': { id: 'k1' } });
    expect(docToProseMirror(doc).content?.[0]?.content).toEqual([{ type: 'text', text: 'markiert', marks: [{ type: 'comment', attrs: { id: 'k1' } }] }]);
  });
});

describe('ProseMirror JSON → Yjs update (text the server writes itself)', () => {
  const docOf = (update: Uint8Array) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    return doc;
  };

  it('M50 the editor’s own binding reads it as the very document: every node and mark of StarterKit and the table', () => {
    const doc = docOf(proseMirrorToUpdate(RICH_DOCUMENT as Parameters<typeof proseMirrorToUpdate>[0]));
    const asTheEditorReadsIt = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(EDITOR_FIELD), EDITOR_SCHEMA);
    expect(asTheEditorReadsIt.eq(EDITOR_SCHEMA.nodeFromJSON(RICH_DOCUMENT))).toBe(true);
    expect(EDITOR_SCHEMA.nodeFromJSON(docToProseMirror(doc)).eq(EDITOR_SCHEMA.nodeFromJSON(RICH_DOCUMENT))).toBe(true);
  });

  it('M50 the same content gives the same bytes, written under the seed’s client id (nobody’s text, Y18)', () => {
    const content = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Protokoll' }] }] };
    expect(proseMirrorToUpdate(content)).toEqual(proseMirrorToUpdate(content));
    expect([...Y.parseUpdateMeta(proseMirrorToUpdate(content)).from.keys()]).toEqual([0]);
  });
});
