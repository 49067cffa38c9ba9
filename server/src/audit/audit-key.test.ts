import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/demo.js';
import { openSqliteStorage } from '../storage/sqlite-storage.js';
import type { Storage } from '../storage/port.js';
import { TEST_AUDIT_KEYS } from '../test-support/audit-keys.js';
import { createAuditKey, deriveAuditKeys, macHex, readAuditKey, sameMac, type AuditKeys } from './audit-key.js';

const REPO = resolve(import.meta.dirname, '../../..');
let dir: string;
let empty: Storage;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbund-audit-key-'));
  empty = openSqliteStorage(join(dir, 'empty', 'verbund.sqlite'));
});
afterEach(async () => {
  await empty.close();
  rmSync(dir, { recursive: true, force: true });
});

const fingerprint = (keys: AuditKeys | null) => (keys ? macHex(keys.chain, 'probe') : null);

describe('the audit key file (AUDIT_KEY_FILE)', () => {
  it.skipIf(process.platform === 'win32')('is created on first start with 32 random bytes, readable by the owner only', async () => {
    const path = join(dir, 'nested', 'audit.key');
    expect(readAuditKey(path)).toBeNull();
    const first = await createAuditKey(path, empty);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(fingerprint(readAuditKey(path))).toBe(fingerprint(first));
    expect(fingerprint(await createAuditKey(join(dir, 'other.key'), empty))).not.toBe(fingerprint(first));
  });

  it('a missing key file on a database that holds workspaces stops start-up instead of making a new key', async () => {
    await seedDemo(empty, TEST_AUDIT_KEYS, new Date());
    const path = join(dir, 'audit.key');
    await expect(createAuditKey(path, empty)).rejects.toThrow(/AUDIT_KEY_FILE .* does not exist, but the database already holds sealed events: restore the key/);
    expect(existsSync(path)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('a key file that group or others can read stops start-up, naming the fix', async () => {
    const path = join(dir, 'audit.key');
    await createAuditKey(path, empty);
    chmodSync(path, 0o640);
    expect(() => readAuditKey(path)).toThrow(/AUDIT_KEY_FILE .* can be read by group or others \(mode 640\); restrict it with: chmod 600/);
  });

  it.each([
    ['empty', ''],
    ['too short', 'ab'.repeat(16)],
    ['too long', 'ab'.repeat(33)],
    ['not hex', 'zz'.repeat(32)],
  ])('a key file that is %s stops start-up instead of being replaced', (_what, content) => {
    const path = join(dir, 'audit.key');
    writeFileSync(path, content, { mode: 0o600 });
    expect(() => readAuditKey(path)).toThrow(/holds no valid audit key/);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('a directory in its place is refused', () => {
    expect(() => readAuditKey(dir)).toThrow(/is not a file/);
  });

  it('each purpose has its own derived key, and no form of the keys prints the secret', () => {
    const secret = Buffer.alloc(32, 9);
    const keys = deriveAuditKeys(secret);
    const macs = [keys.chain, keys.snapshot, keys.checkpoint].map((key) => macHex(key, 'same text'));
    expect(new Set(macs).size).toBe(3);
    const hex = secret.toString('hex');
    for (const printed of [inspect(keys, { depth: 5 }), JSON.stringify(keys)]) expect(printed).not.toContain(hex);
    expect(() => deriveAuditKeys(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('MACs are compared by value, whatever their length', () => {
    expect(sameMac('ab'.repeat(32), 'ab'.repeat(32))).toBe(true);
    expect(sameMac('ab'.repeat(32), 'ac'.repeat(32))).toBe(false);
    expect(sameMac('ab'.repeat(32), '')).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('the real server refuses to start on a key file others can read', async () => {
    const keyFile = join(dir, 'audit.key');
    writeFileSync(keyFile, `${'cd'.repeat(32)}\n`, { mode: 0o644 });
    chmodSync(keyFile, 0o644);
    const { code, stderr } = await startMain({ DATA_DIR: join(dir, 'data'), AUDIT_KEY_FILE: keyFile });
    expect(code).toBe(1);
    expect(stderr).toMatch(/AUDIT_KEY_FILE .*audit\.key can be read by group or others/);
    expect(stderr).not.toContain('cd'.repeat(32));
    expect(existsSync(join(dir, 'data')), 'no database was created').toBe(false);
  }, 60_000);

  it('the real server does not start on existing data whose key file is missing', async () => {
    const dataDir = join(dir, 'empty');
    await seedDemo(empty, TEST_AUDIT_KEYS, new Date());
    const { code, stderr } = await startMain({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/audit\.key does not exist, but the database already holds sealed events/);
    expect(existsSync(join(dataDir, 'audit.key'))).toBe(false);
  }, 60_000);
});

/** Runs the real entry point until it exits (a refused start exits at once). */
function startMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--conditions=@verbund/source', '--import', 'tsx', 'server/src/main.ts'],
      { cwd: REPO, env: { ...process.env, PORT: '0', ...env }, timeout: 60_000 },
      (_error, _stdout, stderr) => done({ code: child.exitCode, stderr }),
    );
  });
}
