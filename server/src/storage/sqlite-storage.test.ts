import Database from 'better-sqlite3';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stableId } from '../seed/workspace-setup.js';
import type { Account } from './port.js';
import { ErasureIncompleteError, openSqliteStorage } from './sqlite-storage.js';
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

  describe('SQ3 after eraseAccount no file of the database holds the old name, email or password hash', () => {
    const person: Account = {
      id: stableId('sqlite-test/erasure/quirinius'),
      name: 'Quirinius Zwetschgenbaum-Erasetest',
      email: 'Quirinius.Zwetschgenbaum.4711@loesch-probe.example',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$UnverwechselbarerLoeschHash',
      createdAt: '2026-03-02T09:30:00.000Z',
      erasedAt: null,
    };
    const secrets = [person.name, person.email, person.email.toLowerCase(), person.passwordHash];
    const other: Account = {
      ...person,
      id: stableId('sqlite-test/erasure/other'),
      name: 'Bleibt Da',
      email: 'bleibt@example.org',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$bleibt',
    };

    /** The database file and its -wal/-shm companions, as they are on disk right now. */
    async function databaseFiles(file: string): Promise<Map<string, Buffer>> {
      const names = (await readdir(dirname(file))).filter((n) => n.startsWith(basename(file)));
      return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dirname(file), n))] as const)));
    }
    /** Which of the secrets occur, as UTF-8 bytes, in which file. */
    async function leaks(file: string): Promise<string[]> {
      const files = await databaseFiles(file);
      expect(files.has(basename(file))).toBe(true);
      return [...files].flatMap(([name, bytes]) => secrets.filter((s) => bytes.indexOf(Buffer.from(s, 'utf8')) !== -1).map((s) => `${name}: ${s}`));
    }

    async function writePersonalData(storage: ReturnType<typeof openSqliteStorage>, round: number): Promise<void> {
      for (let i = 0; i < 5; i++) {
        const minute = String(round * 10 + i).padStart(2, '0');
        await storage.createSession({
          tokenHash: `${round}${i}`.padEnd(64, 'a'),
          accountId: person.id,
          createdAt: `2026-03-02T10:${minute}:00.000Z`,
          lastSeenAt: `2026-03-02T10:${minute}:00.000Z`,
          expiresAt: '2099-01-01T00:00:00.000Z',
        });
        await storage.recordSecurityEvent({
          id: stableId(`sqlite-test/erasure/event/${round}/${i}`),
          accountId: person.id,
          kind: i % 2 ? 'sign_in_failed' : 'sign_in_succeeded',
          address: '198.51.100.23',
          at: `2026-03-02T10:${minute}:00.000Z`,
        });
      }
    }

    it('SQ3a while the storage is still open, and after close', async () => {
      const { file, removeDir } = await tempFile();
      cleanups.push(removeDir);
      const storage = openSqliteStorage(file);
      try {
        await storage.createAccount(other);
        await storage.createAccount(person);
        await writePersonalData(storage, 1);
        // The test would prove nothing if the values were never in the files.
        expect(await leaks(file)).not.toEqual([]);
        await storage.eraseAccount(person.id, '2026-04-01T12:00:00.000Z');
        expect(await leaks(file)).toEqual([]);
        // Writing on after the erasure brings nothing back.
        await storage.createSession({ tokenHash: 'b'.repeat(64), accountId: other.id, createdAt: person.createdAt, lastSeenAt: person.createdAt, expiresAt: '2099-01-01T00:00:00.000Z' });
        expect(await leaks(file)).toEqual([]);
        expect(await storage.findAccountById(other.id)).toEqual(other);
      } finally {
        await storage.close();
      }
      expect(await leaks(file)).toEqual([]);
    });

    it('SQ3b also when the values were already checkpointed into the main file before the erasure', async () => {
      const { file, removeDir } = await tempFile();
      cleanups.push(removeDir);
      const first = openSqliteStorage(file);
      await first.createAccount(person);
      await writePersonalData(first, 1);
      await first.close(); // the last connection's close checkpoints the WAL into the main file
      const main = await readFile(file);
      expect(main.indexOf(Buffer.from(person.name, 'utf8'))).not.toBe(-1);

      const storage = openSqliteStorage(file);
      try {
        await storage.createAccount(other);
        await writePersonalData(storage, 2);
        await storage.eraseAccount(person.id, '2026-04-01T12:00:00.000Z');
        expect(await leaks(file)).toEqual([]);
        expect(await storage.listSessions(person.id)).toEqual([]);
        expect(await storage.listSecurityEvents(person.id)).toEqual([]);
      } finally {
        await storage.close();
      }
      expect(await leaks(file)).toEqual([]);
      const reopened = openSqliteStorage(file);
      try {
        expect(await reopened.findAccountById(other.id)).toEqual(other);
        expect(await reopened.findAccountByEmail(person.email)).toBeNull();
      } finally {
        await reopened.close();
      }
    });

    it('SQ3c a reader on another connection that keeps the WAL busy makes the erasure fail loudly; erasing again completes it', async () => {
      const { file, removeDir } = await tempFile();
      cleanups.push(removeDir);
      const storage = openSqliteStorage(file);
      const reader = new Database(file, { readonly: true });
      try {
        await storage.createAccount(person);
        await writePersonalData(storage, 1);
        reader.exec('BEGIN');
        reader.prepare('SELECT count(*) FROM accounts').get(); // holds a read snapshot of the WAL
        // busy_timeout (5 s) passes before the checkpoint gives up.
        await expect(storage.eraseAccount(person.id, '2026-04-01T12:00:00.000Z')).rejects.toBeInstanceOf(ErasureIncompleteError);
        expect(await leaks(file)).not.toEqual([]);
        reader.exec('COMMIT');
        await storage.eraseAccount(person.id, '2026-04-01T12:00:00.000Z');
        expect(await leaks(file)).toEqual([]);
        expect(await storage.findAccountById(person.id)).toMatchObject({ name: '', passwordHash: '', erasedAt: '2026-04-01T12:00:00.000Z' });
      } finally {
        reader.close();
        await storage.close();
      }
      expect(await leaks(file)).toEqual([]);
    });
  });
});
