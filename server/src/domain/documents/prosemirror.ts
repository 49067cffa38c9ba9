import * as Y from 'yjs';
import type { PmDoc, PmMark, PmNode } from '@verbund/shared/rich-text';
import { EDITOR_FIELD, SEED_CLIENT_ID } from './paragraphs.js';

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

/**
 * The inverse of `docToProseMirror`: ProseMirror JSON as the Yjs update y-prosemirror would have
 * written, for text the server writes itself (generated minutes, M50). Each run of text nodes is one
 * XmlText whose marks are formatting attributes; built under the seed's client id (Y8, Y18), so the
 * same content always gives the same bytes and the text is nobody's.
 */
export function proseMirrorToUpdate(content: PmDoc): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID;
  const fragment = doc.getXmlFragment(EDITOR_FIELD);
  fragment.insert(0, yChildren(content.content ?? []));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function yChildren(nodes: readonly PmNode[]): (Y.XmlElement | Y.XmlText)[] {
  const children: (Y.XmlElement | Y.XmlText)[] = [];
  let run: PmNode[] = [];
  const endRun = () => {
    if (run.length > 0) children.push(yText(run));
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'text') run.push(node);
    else {
      endRun();
      children.push(yElement(node));
    }
  }
  endRun();
  return children;
}

function yElement(node: PmNode): Y.XmlElement {
  const element = new Y.XmlElement(node.type);
  for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as string);
  element.insert(0, yChildren(node.content ?? []));
  return element;
}

/** One run of text nodes as one XmlText: its marks as formatting attributes (a text not yet in a document keeps the delta until it is). */
function yText(run: readonly PmNode[]): Y.XmlText {
  const text = new Y.XmlText();
  text.applyDelta(run.map((node) => ({ insert: node.text ?? '', attributes: Object.fromEntries((node.marks ?? []).map((m) => [m.type, m.attrs ?? {}])) })));
  return text;
}
