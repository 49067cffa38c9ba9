import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { DocProvider, type DocStatus } from '@verbund/shared/doc-provider';
import type { AppError } from '@verbund/shared/errors';
import { useLiveSocket } from '../../lib/live-socket';
import { localTextName } from '../../lib/local-texts';
import { useSession } from '../../lib/session-context';

export type CollabDoc = { doc: Y.Doc; provider: DocProvider };

const NOT_OPEN: DocStatus = { synced: false, access: null, pending: 0 };
const noSubscription = () => () => undefined;

/**
 * One document of the `doc:*` stream, kept in the browser too (y-indexeddb): what was typed offline
 * survives a reload and is sent once the socket is back. The local copy is loaded before the
 * provider opens, so the open asks the server only for what is missing and sends only what the
 * server lacks. An update the server refuses for good (the text became read-only) is dropped with
 * the local copy, and the document opens again from the server's.
 */
export function useCollabDoc(docId: string): { collab: CollabDoc | null; status: DocStatus; refused: AppError | null } {
  const socket = useLiveSocket();
  const { me, membership } = useSession();
  const [collab, setCollab] = useState<CollabDoc | null>(null);
  const [refused, setRefused] = useState<AppError | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!socket) return;
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(localTextName(membership.workspaceId, me.id, docId), doc);
    let provider: DocProvider | null = null;
    let ended = false;
    const onRefused = (error: AppError) => {
      setRefused(error);
      void local.clearData().finally(() => !ended && setGeneration((g) => g + 1));
    };
    const start = () => {
      if (ended) return;
      provider = new DocProvider(socket, docId, doc, { onRefused });
      setCollab({ doc, provider });
    };
    // Without IndexedDB (a private window may lack it) the text is still live, only not kept offline.
    local.whenSynced.then(start, start);
    return () => {
      ended = true;
      provider?.destroy();
      void local.destroy();
      doc.destroy();
      setCollab(null);
    };
  }, [socket, docId, membership.workspaceId, me.id, generation]);

  const provider = collab?.provider;
  const subscribe = useMemo(() => (provider ? (listener: () => void) => provider.subscribe(listener) : noSubscription), [provider]);
  const status = useSyncExternalStore(subscribe, () => provider?.status ?? NOT_OPEN);
  return { collab, status, refused };
}
