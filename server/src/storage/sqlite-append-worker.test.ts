import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppendWriter, type AppendWriter } from './sqlite-append-worker.js';

const row = (seq: number) => ({ seq, type: 'card.created', subjectId: null, commandId: `c${seq}`, body: `{"seq":${seq}}` });

describe('SQLite writer thread (issue 8, item 9: never a server that answers but cannot write)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function writerOn(onFatal: (error: Error) => void): Promise<{ writer: AppendWriter; count: () => number }> {
    const dir = await mkdtemp(join(tmpdir(), 'verbund-writer-'));
    const file = join(dir, 'w.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE events (workspace_id TEXT, seq INTEGER, type TEXT, subject_id TEXT, command_id TEXT, body TEXT, PRIMARY KEY (workspace_id, seq))');
    const writer = startAppendWriter(file, { conflict: (seq) => new Error(`conflict at ${seq}`) }, { onFatal });
    cleanups.push(async () => {
      await writer.close();
      db.close();
      await rm(dir, { recursive: true, force: true });
    });
    return { writer, count: () => (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n };
  }

  const exited = (writer: AppendWriter) => new Promise<void>((resolve) => writer.thread().once('exit', () => resolve()));

  it('a killed writer thread is started again and the next append is stored', async () => {
    const { writer, count } = await writerOn(() => undefined);
    await writer.append('w', [row(1)]);
    const before = writer.thread();
    const gone = exited(writer);
    await before.terminate();
    await gone;
    expect(writer.thread()).not.toBe(before);
    await writer.append('w', [row(2)]);
    expect(count()).toBe(2);
    expect(writer.failure()).toBeNull();
  });

  it('a thread that keeps dying makes the writer give up and report it, and appends are refused', async () => {
    const fatal: Error[] = [];
    const { writer } = await writerOn((error) => fatal.push(error));
    for (let i = 0; i < 6; i += 1) {
      const gone = exited(writer);
      await writer.thread().terminate();
      await gone;
    }
    expect(fatal).toHaveLength(1);
    expect(writer.failure()).toBeInstanceOf(Error);
    await expect(writer.append('w', [row(1)])).rejects.toThrow(/writer stopped/);
  });
});
