import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents, type HandshakeAuth } from '@verbund/shared/protocol';

export type VerbundSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The one place a socket is created; the session cookie authenticates the handshake. */
export function createSocket(workspaceId: string): VerbundSocket {
  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION, workspaceId };
  return io({ auth, withCredentials: true, autoConnect: false, reconnectionDelayMax: 5_000 });
}
