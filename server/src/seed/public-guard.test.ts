import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../storage/sqlite-storage.js';
import type { Storage } from '../storage/port.js';
import { TEST_AUDIT_KEYS } from '../test-support/audit-keys.js';
import { seedDemo } from './demo.js';
import { isLoopback, publicListenRefusal } from './public-guard.js';

const REPO = resolve(import.meta.dirname, '../../..');

describe('safe defaults for a first start (issue 8, item 3)', () => {
  let dir: string;
  let storage: Storage;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verbund-guard-'));
    storage = openSqliteStorage(join(dir, 'verbund.sqlite'));
    await seedDemo(storage, TEST_AUDIT_KEYS, new Date());
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1'])('%s is loopback', (host) => {
    expect(isLoopback(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '192.0.2.10', 'example.org', '128.0.0.1'])('%s is not loopback', (host) => {
    expect(isLoopback(host)).toBe(false);
  });

  it('listening on loopback with the demo accounts is allowed', async () => {
    expect(await publicListenRefusal(storage, '127.0.0.1', false)).toBeNull();
  });

  it('listening on every interface with the published demo password is refused, saying how to proceed', async () => {
    const message = await publicListenRefusal(storage, '0.0.0.0', false);
    expect(message).toMatch(/published password/);
    expect(message).toMatch(/SEED_DEMO=false/);
    expect(message).toMatch(/DEMO_PUBLIC=true/);
  });

  it('DEMO_PUBLIC=true allows a deliberate public demo', async () => {
    expect(await publicListenRefusal(storage, '0.0.0.0', true)).toBeNull();
  });

  it('an installation without demo accounts may listen publicly', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'verbund-guard-empty-'));
    const empty = openSqliteStorage(join(emptyDir, 'verbund.sqlite'));
    try {
      expect(await publicListenRefusal(empty, '0.0.0.0', false)).toBeNull();
    } finally {
      await empty.close();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });

  it('the real server exits with the message when HOST opens it up on the demo data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verbund-guard-main-'));
    try {
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = execFile(
          process.execPath,
          ['--conditions=@verbund/source', '--import', 'tsx', 'server/src/main.ts'],
          { cwd: REPO, env: { ...process.env, HOST: '0.0.0.0', PORT: '0', DATA_DIR: dataDir }, timeout: 60_000 },
          (_error, _stdout, err) => done({ code: child.exitCode, stderr: err }),
        );
      });
      expect(code).toBe(1);
      expect(stderr).toMatch(/refusing to listen on 0\.0\.0\.0/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
