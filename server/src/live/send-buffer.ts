import type { Socket } from 'socket.io';

/**
 * What a connection has queued but its client has not taken yet: engine.io's packets waiting for a
 * writable transport plus, on WebSocket, the bytes `ws` holds for the TCP socket. Neither is in
 * socket.io's types, so both are read through the narrow shapes below.
 */
type EngineConnection = {
  writeBuffer: ReadonlyArray<{ data?: unknown }>;
  transport: { name: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
  close: (discard?: boolean) => void;
};

const engineOf = (socket: Socket): EngineConnection => socket.conn as unknown as EngineConnection;

function packetBytes(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

export function bufferedBytes(socket: Socket): number {
  const engine = engineOf(socket);
  const queued = engine.writeBuffer.reduce((sum, packet) => sum + packetBytes(packet.data), 0);
  return queued + (engine.transport.socket?.bufferedAmount ?? 0);
}

/**
 * Drops a connection whose client stopped reading (issue 8, item 5). A polite close would wait for
 * the queue to drain, which never happens: the WebSocket is terminated, a polling one discarded.
 */
export function dropIfStalled(socket: Socket, maxBytes: number): boolean {
  if (bufferedBytes(socket) <= maxBytes) return false;
  const engine = engineOf(socket);
  const terminate = engine.transport.socket?.terminate;
  if (engine.transport.name === 'websocket' && terminate) terminate.call(engine.transport.socket);
  else engine.close(true);
  return true;
}
