import { createHash, randomBytes } from 'node:crypto';
import type { Account, Storage } from '../storage/port.js';

export const SESSION_COOKIE = 'verbund_session';
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Only the token's hash is stored: a copy of the database does not hand out live sessions. */
export async function startSession(storage: Storage, accountId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await storage.createSession({
    tokenHash: hashToken(token),
    accountId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
  });
  return token;
}

export async function resolveSession(storage: Storage, token: string | undefined, now: Date): Promise<Account | null> {
  if (!token || token.length > 200) return null;
  const session = await storage.findSession(hashToken(token));
  if (!session) return null;
  if (session.expiresAt <= now.toISOString()) {
    await storage.deleteSession(session.tokenHash);
    return null;
  }
  return storage.findAccountById(session.accountId);
}

export async function endSession(storage: Storage, token: string | undefined): Promise<void> {
  if (token) await storage.deleteSession(hashToken(token));
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function sessionCookie(token: string, secure: boolean): string {
  const maxAge = Math.floor(SESSION_TTL_MS / 1000);
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}
