import { createContext, useContext } from 'react';
import type { VerbundSocket } from './socket';

/** The workspace's one socket, for the editors' `doc:*` stream; null while it is being created. */
export const LiveSocketContext = createContext<VerbundSocket | null>(null);

export const useLiveSocket = (): VerbundSocket | null => useContext(LiveSocketContext);
