import * as Y from 'yjs';
import { DocProvider } from '@verbund/shared/doc-provider';
import { docIdOf, type DocOpened, type DocUpdated } from '@verbund/shared/docs';
import type { Ack } from '@verbund/shared/protocol';
import { EDITOR_FIELD } from '../domain/documents/paragraphs.js';
import { eventually, type TestClient } from './test-server.js';

export const descriptionOf = (cardId: string) => docIdOf('card-description', cardId);

/** Sends any value on a doc event, bypassing the typed event map as a hostile client would. */
export function emitRaw<T>(socket: TestClient, event: 'doc:open' | 'doc:update' | 'doc:close', payload: unknown): Promise<Ack<T>> {
  const untyped = socket as unknown as { emitWithAck: (event: string, payload: unknown) => Promise<Ack<T>> };
  return untyped.emitWithAck(event, payload);
}
export const openDoc = (socket: TestClient, docId: string) => emitRaw<DocOpened>(socket, 'doc:open', { docId });
export const sendUpdate = (socket: TestClient, docId: string, updateId: string, update: unknown) => emitRaw<DocUpdated>(socket, 'doc:update', { docId, updateId, update });

/** A provider on a test socket, resolved once it is open and settled. */
export async function provide(socket: TestClient, docId: string): Promise<DocProvider> {
  const provider = new DocProvider(socket, docId);
  await provider.settled();
  return provider;
}

/** The editor content as comparable JSON (paragraphs and their text). */
export const contentOf = (doc: Y.Doc): string => doc.getXmlFragment(EDITOR_FIELD).toJSON();

/** A Yjs update that appends `text` to the document's first paragraph, made on a copy of `base`. */
export function typedUpdate(base: Uint8Array, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment(EDITOR_FIELD);
  let paragraph = fragment.get(0);
  if (!(paragraph instanceof Y.XmlElement)) {
    paragraph = new Y.XmlElement('paragraph');
    fragment.insert(0, [paragraph]);
  }
  const first = paragraph.get(0);
  if (first instanceof Y.XmlText) first.insert(first.length, text);
  else paragraph.insert(0, [new Y.XmlText(text)]);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Waits until every document shows the same content. */
export async function converged(docs: Y.Doc[], timeoutMs = 10_000): Promise<void> {
  await eventually(() => new Set(docs.map(contentOf)).size === 1, timeoutMs);
}
