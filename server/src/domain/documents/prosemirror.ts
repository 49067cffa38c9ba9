import * as Y from 'yjs';
import type { PmDoc, PmMark, PmNode } from '@verbund/shared/rich-text';
import { EDITOR_FIELD } from './paragraphs.js';

/**
 * A document's content as ProseMirror JSON, read from the editor's fragment the way y-prosemirror
 * writes it: each XmlElement is a node named by its nodeName with its attributes as attrs, each
 * XmlText a run of text nodes whose formatting attributes are the marks. This is the one place that
 * reads a document's structure: exports, versions and the sign-off all see the same tree.
 */
export function docToProseMirror(doc: Y.Doc): PmDoc {
  return { type: 'doc', content: childrenOf(doc.getXmlFragment(EDITOR_FIELD)) };
}

function childrenOf(parent: Y.XmlFragment | Y.XmlElement): PmNode[] {
  return parent.toArray().flatMap((child): PmNode[] => {
    if (child instanceof Y.XmlElement) return [elementNode(child)];
    if (child instanceof Y.XmlText) return textNodes(child);
    return [];
  });
}

function elementNode(element: Y.XmlElement): PmNode {
  const node: PmNode = { type: element.nodeName };
  const attrs = definedOnly(element.getAttributes());
  if (attrs) node.attrs = attrs;
  const content = childrenOf(element);
  if (content.length > 0) node.content = content;
  return node;
}

type DeltaOp = { insert?: unknown; attributes?: Record<string, unknown> };

function textNodes(text: Y.XmlText): PmNode[] {
  return (text.toDelta() as DeltaOp[]).flatMap((op): PmNode[] => {
    if (typeof op.insert !== 'string' || op.insert.length === 0) return [];
    const node: PmNode = { type: 'text', text: op.insert };
    const marks = marksOf(op.attributes);
    if (marks.length > 0) node.marks = marks;
    return [node];
  });
}

/**
 * y-prosemirror stores a mark as a formatting attribute named by the mark (`{ link: { href } }`,
 * `{ bold: {} }`); a mark that may overlap itself gets a `--<hash>` suffix, which is not part of its name.
 */
function marksOf(attributes: Record<string, unknown> | undefined): PmMark[] {
  return Object.entries(attributes ?? {}).flatMap(([key, value]): PmMark[] => {
    if (value === null || value === undefined) return [];
    const type = key.replace(/--[A-Za-z0-9+/=]+$/, '');
    const attrs = typeof value === 'object' && !Array.isArray(value) ? definedOnly(value as Record<string, unknown>) : undefined;
    return [attrs ? { type, attrs } : { type }];
  });
}

/** Attributes with a value, or nothing when none has one (ProseMirror's JSON leaves empty attrs out). */
function definedOnly(attributes: Record<string, unknown>): Record<string, unknown> | undefined {
  const entries = Object.entries(attributes).filter(([, value]) => value !== undefined && value !== null);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
