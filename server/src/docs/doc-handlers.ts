import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { docAwarenessSchema, docCloseSchema, docOpenSchema, docUpdateSchema, type AwarenessUser, type DocOpened, type DocRef, type DocUpdated } from '@verbund/shared/docs';
import { appError, invalidPayload, refusal, type AppError } from '@verbund/shared/errors';
import type { Ack } from '@verbund/shared/protocol';
import { documentKind } from '../domain/documents/document-kinds.js';
import type { DocumentKind } from '../domain/feature.js';
import type { FloodControl } from '../live/flood-control.js';
import type { LiveSocket } from '../live/socket-server.js';

import type { EngineRegistry } from '../sync/engine-registry.js';
import type { DocMirror } from './doc-mirror.js';
import type { DocRegistry } from './doc-registry.js';
import { InvalidAwarenessError, stampAwareness } from './awareness-stamp.js';
import { DocQuotaError, ForeignWriterError, InvalidUpdateError, ReadOnlyNowError, type LiveDoc } from './live-doc.js';

export type DocDeps = {
  docs: DocRegistry;
  mirror: DocMirror;
  engines: EngineRegistry;
  flood: FloodControl;
  /** Rule S17 for documents: false (and the socket closed) when the session has ended. */
  stillSignedIn: () => Promise<boolean>;
  log: (message: string, error?: unknown) => void;
};

const docRoomOf = (workspaceId: string, docId: string) => `doc:${workspaceId}:${docId}`;
/** `mayWrite` asks again, without I/O, when an update's turn to be stored comes (Y6, P10). */
type Resolved = { kind: DocumentKind; access: 'write' | 'read'; mayWrite: () => boolean } | { error: AppError };

/**
 * The `doc:*` stream of one connection (docs/protocol.md, Y1–Y14). The socket is bound to its
 * workspace (S2), so a document id names an entity of that workspace only; the owning feature's
 * `access` decides on open and again on every update.
 */
export function registerDocHandlers(socket: LiveSocket, deps: DocDeps): void {
  const { personId, workspaceId } = socket.data;
  const speaker: Speaker = { socketId: socket.id, user: { personId, name: socket.data.name, partnerId: socket.data.partnerId } };
  /** The documents this connection opened, and the awareness client ids it spoke for in each. */
  const opened = new Map<string, Set<number>>();

  const resolve = async (ref: DocRef): Promise<Resolved> => {
    if (!(await deps.stillSignedIn())) return { error: appError('unauthenticated', 'the session has ended') };
    const engine = await deps.engines.get(workspaceId);
    const actor = engine?.actorFor(personId);
    if (!engine || !actor) return { error: appError('forbidden', 'not a member of this workspace') };
    const kind = documentKind(ref.kind);
    const access = kind?.access(engine.peek(), actor, ref.entityId) ?? 'none';
    if (!kind || access === 'none') return { error: appError('not_found', 'document not found') };
    const mayWrite = () => {
      const now = engine.actorFor(personId);
      return now !== null && kind.access(engine.peek(), now, ref.entityId) === 'write';
    };
    return { kind, access, mayWrite };
  };

  const answer = <T>(ack: unknown, run: () => Promise<Ack<T>>) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (answer: Ack<T>) => void;
    run().then(reply, (error: unknown) => {
      deps.log('doc handler failed', error);
      reply({ ok: false, error: appError('internal', 'something went wrong on the server') });
    });
  };

  socket.on('doc:open', (raw, ack) =>
    answer<DocOpened>(ack, async () => {
      const admitted = await deps.flood.admitDoc(personId, raw, docOpenSchema, 'doc:open');
      if (!admitted.ok) return admitted;
      const { docId, stateVector } = admitted.value;
      const resolved = await resolve(admitted.value.docId);
      if ('error' in resolved) return { ok: false, error: resolved.error };
      const engine = await deps.engines.get(workspaceId);
      const seedFrom = engine?.peek();
      if (!seedFrom) return { ok: false, error: appError('not_found', 'workspace not found') };
      const live = await deps.docs.acquire(workspaceId, docId.docId, { kind: resolved.kind, state: seedFrom, entityId: docId.entityId }, socket.id);
      if (!socket.connected) {
        deps.docs.release(workspaceId, docId.docId, socket.id);
        return { ok: false, error: appError('unauthenticated', 'the connection has closed') };
      }
      let update: Uint8Array;
      try {
        update = Y.encodeStateAsUpdate(live.doc, stateVector);
      } catch {
        if (!opened.has(docId.docId)) deps.docs.release(workspaceId, docId.docId, socket.id);
        return { ok: false, error: appError('invalid_payload', 'the state vector is not a Yjs state vector', [{ path: 'stateVector', message: 'not a state vector' }]) };
      }
      if (!opened.has(docId.docId)) opened.set(docId.docId, new Set());
      deps.mirror.check(workspaceId, docId.docId, docId.entityId, resolved.kind, live);
      void socket.join(docRoomOf(workspaceId, docId.docId));
      const others = [...live.awareness.getStates().keys()];
      if (others.length > 0) socket.emit('doc:awareness-changed', { docId: docId.docId, update: encodeAwarenessUpdate(live.awareness, others) });
      return { ok: true, value: { docId: docId.docId, access: resolved.access, update, stateVector: Y.encodeStateVector(live.doc) } };
    }),
  );

  socket.on('doc:update', (raw, ack) =>
    answer<DocUpdated>(ack, async () => {
      const admitted = await deps.flood.admitDoc(personId, raw, docUpdateSchema, 'doc:update');
      if (!admitted.ok) return admitted;
      const { docId, updateId, update } = admitted.value;
      const held = deps.docs.held(workspaceId, docId.docId, socket.id);
      if (!held) return { ok: false, error: refusal('conflict', 'document_not_open', 'open the document before sending updates') };
      // Rule Y6: asked again for every update, so a role change, a deactivation or an archived card counts at once.
      const resolved = await resolve(docId);
      if ('error' in resolved) return { ok: false, error: resolved.error };
      if (resolved.access !== 'write') return { ok: false, error: refusal('forbidden', 'document_read_only', 'this document is read-only for you') };
      const live = await held;
      try {
        const relay = () => socket.to(docRoomOf(workspaceId, docId.docId)).emit('doc:updated', { docId: docId.docId, update });
        const outcome = await live.write(updateId, update, relay, resolved.mayWrite, personId);
        if (outcome === 'stored') deps.mirror.wrote(workspaceId, docId.docId, docId.entityId, resolved.kind, live, personId);
      } catch (error) {
        if (error instanceof InvalidUpdateError) return { ok: false, error: appError('invalid_payload', 'the update is not a Yjs update', [{ path: 'update', message: 'not a Yjs update' }]) };
        if (error instanceof ReadOnlyNowError) return { ok: false, error: refusal('forbidden', 'document_read_only', 'this document is read-only for you') };
        if (error instanceof ForeignWriterError) return { ok: false, error: refusal('forbidden', 'foreign_writer', 'the update writes under a client id that is someone else’s') };
        if (error instanceof DocQuotaError) return { ok: false, error: refusal('payload_too_large', 'document_full', 'the document has reached its size limit') };
        throw error;
      }
      return { ok: true, value: { docId: docId.docId, updateId } };
    }),
  );

  socket.on('doc:awareness', (raw) => {
    const parsed = docAwarenessSchema.safeParse(raw);
    if (!parsed.success) return;
    const { docId, update } = parsed.data;
    const held = deps.docs.held(workspaceId, docId.docId, socket.id);
    const speaksFor = opened.get(docId.docId);
    if (!held || !speaksFor) return;
    void Promise.all([held, deps.flood.admitAwareness(socket.id)])
      .then(([live, admitted]) => {
        if (!admitted || !socket.connected) return;
        relayAwareness(live, update, speaker, speaksFor, (stamped) =>
          socket.to(docRoomOf(workspaceId, docId.docId)).emit('doc:awareness-changed', { docId: docId.docId, update: stamped }),
        );
      })
      .catch((error: unknown) => deps.log('awareness relay failed', error));
  });

  const close = (docId: string) => {
    const speaksFor = opened.get(docId);
    const held = deps.docs.held(workspaceId, docId, socket.id);
    opened.delete(docId);
    void socket.leave(docRoomOf(workspaceId, docId));
    deps.docs.release(workspaceId, docId, socket.id);
    if (!held || !speaksFor || speaksFor.size === 0) return;
    // The others drop this connection's carets at once instead of after awareness' 30 s timeout.
    void held.then((live) => {
      for (const clientId of speaksFor) live.claims.delete(clientId);
      removeAwarenessStates(live.awareness, [...speaksFor], 'server');
      socket.to(docRoomOf(workspaceId, docId)).emit('doc:awareness-changed', { docId, update: encodeAwarenessUpdate(live.awareness, [...speaksFor]) });
    }, () => undefined);
  };

  socket.on('doc:close', (raw, ack) =>
    answer<null>(ack, () => {
      const parsed = docCloseSchema.safeParse(raw);
      if (!parsed.success) return Promise.resolve({ ok: false, error: invalidPayload(parsed.error, 'doc:close') });
      close(parsed.data.docId.docId);
      return Promise.resolve({ ok: true, value: null });
    }),
  );

  socket.on('disconnect', () => {
    for (const docId of [...opened.keys()]) close(docId);
  });
}

type Speaker = { socketId: string; user: AwarenessUser };

/**
 * Applies an awareness update stamped with the speaker (Y16) and relays the stamped bytes; garbage
 * is dropped, not relayed. Notes whose states this connection sets, so they are its alone until it closes.
 */
function relayAwareness(live: LiveDoc, update: Uint8Array, speaker: Speaker, speaksFor: Set<number>, relay: (stamped: Uint8Array) => void): void {
  let stamped: Uint8Array | null;
  try {
    stamped = stampAwareness(update, speaker.user, (clientId) => (live.claims.get(clientId) ?? speaker.socketId) === speaker.socketId);
  } catch (error) {
    if (error instanceof InvalidAwarenessError) return;
    throw error;
  }
  if (!stamped) return;
  const seen = ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
    if (origin !== live) return;
    for (const clientId of [...added, ...updated]) {
      speaksFor.add(clientId);
      live.claims.set(clientId, speaker.socketId);
    }
  };
  live.awareness.on('update', seen);
  try {
    applyAwarenessUpdate(live.awareness, stamped, live);
  } finally {
    live.awareness.off('update', seen);
  }
  relay(stamped);
}
