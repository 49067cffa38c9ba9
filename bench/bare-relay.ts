/**
 * The physical limit of our stack: a bare Socket.IO relay with no validation, no storage and no
 * authentication. One room; a `relay` message goes to everybody else in it and is acknowledged
 * with a copy of itself, which is the shape and size of Verbund's own broadcast and ack.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

type Ack = (answer: unknown) => void;
type RelaySocket = {
  join: (room: string) => unknown;
  to: (room: string) => { emit: (event: string, payload: unknown) => unknown };
  on: (event: string, listener: (...args: unknown[]) => void) => unknown;
};
type RelayServer = { on: (event: 'connection', listener: (socket: RelaySocket) => void) => unknown; close: () => unknown };
type ServerClass = new (http: unknown, options: Record<string, unknown>) => RelayServer;

// The very same socket.io package (and version) the Verbund server runs on.
const requireFromServer = createRequire(new URL('../server/package.json', import.meta.url));
const { Server } = requireFromServer('socket.io') as { Server: ServerClass };

const ROOM = 'board';
const isAck = (value: unknown): value is Ack => typeof value === 'function';

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 2 * 1024 * 1024 });
io.on('connection', (socket) => {
  socket.on('join', (ack) => {
    void socket.join(ROOM);
    if (isAck(ack)) ack({ ok: true, value: { kind: 'events', events: [] } });
  });
  socket.on('relay', (payload, ack) => {
    socket.to(ROOM).emit('events:appended', payload);
    if (isAck(ack)) ack({ ok: true, value: { seq: 0, events: payload } });
  });
});

process.on('SIGUSR2', () => {
  globalThis.gc?.();
  console.log(`verbund-memory ${JSON.stringify(process.memoryUsage())}`);
});
process.once('SIGTERM', () => {
  io.close();
  process.exit(0);
});

const port = Number(process.env.PORT ?? 0);
httpServer.listen(port, process.env.HOST ?? '127.0.0.1', () => console.log(`bare relay listening on ${port}`));
