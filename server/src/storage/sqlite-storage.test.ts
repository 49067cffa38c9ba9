import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStorage } from './sqlite-storage.js';
import { storageContract } from '../test-support/storage-contract.js';

async function tempFile(): Promise<{ file: string; removeDir: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'verbund-sqlite-'));
  return { file: join(dir, 'data', 'verbund.sqlite'), removeDir: () => rm(dir, { recursive: true, force: true }) };
}

storageContract('SQLite', async () => {
  const { file, removeDir } = await tempFile();
  return {
    storage: openSqliteStorage(file),
    reopen: () => Promise.resolve(openSqliteStorage(file)),
    cleanup: removeDir,
  };
});

describe('SQLite adapter', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('SQ1 the file is in WAL mode, so readers do not block the writer', async () => {
    const { file, removeDir } = await tempFile();
    cleanups.push(removeDir);
    await openSqliteStorage(file).close();
    // journal_mode=WAL is stored in the file itself, so a fresh connection sees it.
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('SQ2 the adapter’s own connection commits with synchronous=FULL (2): durable across a power cut', async () => {
    const { file, removeDir } = await tempFile();
    cleanups.push(removeDir);
    // synchronous is per connection, so it is read on the adapter's Database instance (captured
    // through a spy) rather than through a port method that only tests would use.
    const spy = vi.spyOn(Database.prototype, 'pragma');
    const storage = openSqliteStorage(file);
    const db = spy.mock.contexts[0] as Database.Database | undefined;
    spy.mockRestore();
    try {
      expect(db).toBeDefined();
      expect(db?.pragma('synchronous', { simple: true })).toBe(2);
      expect(db?.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      await storage.close();
    }
  });
});
