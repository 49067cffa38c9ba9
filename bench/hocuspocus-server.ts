/**
 * The peer for the document benchmark: @hocuspocus/server 3.x with its Database extension, storing
 * each document's merged Yjs state in SQLite (better-sqlite3, WAL, synchronous=FULL: the same
 * engine and durability setting as Verbund's store). Hocuspocus acknowledges an update once it is
 * applied in memory and stores the whole state debounced (its defaults: 2 s, at most 10 s), so its
 * acknowledgement promises less than Verbund's, which comes only after the update is stored.
 */
import { createRequire } from 'node:module';
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';

type Statement = { run: (...args: unknown[]) => unknown; get: (...args: unknown[]) => unknown };
type SqliteDatabase = { pragma: (pragma: string) => unknown; exec: (sql: string) => unknown; prepare: (sql: string) => Statement; close: () => void };
type SqliteClass = new (file: string) => SqliteDatabase;

// The very same better-sqlite3 build the Verbund server stores with.
const requireFromServer = createRequire(new URL('../server/package.json', import.meta.url));
const Sqlite = requireFromServer('better-sqlite3') as SqliteClass;

const file = process.env.HOCUSPOCUS_DB;
if (!file) throw new Error('HOCUSPOCUS_DB names the SQLite file');
const db = new Sqlite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
const read = db.prepare('SELECT data FROM documents WHERE name = ?');
const write = db.prepare('INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data');
/** Bytes handed to the store since start: Hocuspocus rewrites a document's whole state on every store. */
let writtenBytes = 0;

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [
    new Database({
      fetch: ({ documentName }) => {
        const row = read.get(documentName) as { data: Uint8Array } | undefined;
        return Promise.resolve(row ? new Uint8Array(row.data) : null);
      },
      store: ({ documentName, state }) => {
        writtenBytes += state.byteLength;
        write.run(documentName, state);
        return Promise.resolve();
      },
    }),
  ],
});

process.on('SIGUSR2', () => {
  globalThis.gc?.();
  console.log(`verbund-memory ${JSON.stringify({ ...process.memoryUsage(), writtenBytes })}`);
});
process.once('SIGTERM', () => {
  void server.destroy().finally(() => {
    db.close();
    process.exit(0);
  });
});

await server.listen();
console.log(`hocuspocus listening on ${server.address.port}`);
