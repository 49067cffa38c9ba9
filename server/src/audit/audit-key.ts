import { createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Storage } from '../storage/port.js';

export const AUDIT_KEY_BYTES = 32;
const KEY_TEXT = /^[0-9a-f]{64}$/;

/**
 * The audit key's uses, each under its own derived key, so a MAC made for one purpose (a snapshot)
 * can never pass as another (an event hash, a checkpoint). KeyObjects print no key material when
 * logged or serialised, unlike a Buffer.
 */
export type AuditKeys = { readonly chain: KeyObject; readonly snapshot: KeyObject; readonly checkpoint: KeyObject };

export function deriveAuditKeys(secret: Buffer): AuditKeys {
  if (secret.length !== AUDIT_KEY_BYTES) throw new Error(`the audit key must be ${AUDIT_KEY_BYTES} bytes`);
  const derive = (purpose: string) => createSecretKey(createHmac('sha256', secret).update(`verbund audit key: ${purpose} v1`).digest());
  return { chain: derive('event chain'), snapshot: derive('snapshot'), checkpoint: derive('checkpoint') };
}

/** HMAC-SHA256 as lowercase hex. */
export function macHex(key: KeyObject, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

/** Constant-time comparison of two MACs in hex, so answers never leak how much of a guess was right. */
export function sameMac(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * AUDIT_KEY_FILE's keys, or null when there is no such file yet. A file that others can read, or
 * that holds no valid key, stops start-up: a key anyone on the host can read protects nothing.
 */
export function readAuditKey(path: string): AuditKeys | null {
  const secret = readKeyFile(path);
  return secret ? deriveAuditKeys(secret) : null;
}

/**
 * Creates the key of a new installation: 32 random bytes, as hex, mode 0600. Refused when the
 * storage already holds workspaces: their events were sealed with a key this is not, so a missing
 * file means a lost or misplaced key, and a fresh one would only make the whole history unverifiable.
 */
export async function createAuditKey(path: string, storage: Pick<Storage, 'listWorkspaceIds'>): Promise<AuditKeys> {
  if ((await storage.listWorkspaceIds()).length > 0) {
    throw new Error(
      `AUDIT_KEY_FILE ${path} does not exist, but the database already holds sealed events: restore the key from its backup ` +
        '(or point AUDIT_KEY_FILE at it). For a key lost for good, or data from a version before the keyed chain, see docs/security.md, "The audit chain".',
    );
  }
  const created = createKeyFile(path);
  // Null: another process created it between our look and our write; use theirs.
  const secret = created ?? readKeyFile(path);
  if (!secret) throw new Error(`AUDIT_KEY_FILE ${path} vanished while it was being created`);
  return deriveAuditKeys(secret);
}

function readKeyFile(path: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`AUDIT_KEY_FILE ${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`AUDIT_KEY_FILE ${path} is not a file`);
    // POSIX permission bits mean nothing on Windows; there the directory's ACL has to protect it.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
      throw new Error(`AUDIT_KEY_FILE ${path} can be read by group or others (mode ${mode}); restrict it with: chmod 600 ${path}`);
    }
    const text = readFileSync(fd, 'utf8').trim();
    if (!KEY_TEXT.test(text)) throw new Error(`AUDIT_KEY_FILE ${path} holds no valid audit key (expected ${AUDIT_KEY_BYTES * 2} lowercase hex characters)`);
    return Buffer.from(text, 'hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the new key to a temporary file and links it into place: the key file appears complete
 * or not at all, and a second process starting at the same moment keeps the first one's key.
 * Null when another process was first.
 */
function createKeyFile(path: string): Buffer | null {
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(AUDIT_KEY_BYTES);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${secret.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}
