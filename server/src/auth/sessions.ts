import { createHash, randomBytes } from 'node:crypto';
import type { Account, Session, Storage } from '../storage/port.js';

export const SESSION_COOKIE = 'verbund_session';
/** Behind HTTPS the cookie is `__Host-`: Secure, Path=/, no Domain, so no sibling host can set or read it. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Activity is written at most this often per session: the idle timeout needs minutes, not every request. */
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type SessionSettings = { secure: boolean; absoluteMs: number; idleMs: number };
/** Sessions that just ended, by token hash or all of one account's: their live connections must go. */
export type SessionEnd = { tokenHashes: readonly string[] } | { accountId: string };
export type LiveSession = { account: Account; session: Session; /** When it ends unless it is used again. */ deadline: number };

/** Only the token's hash is stored: a copy of the database does not hand out live sessions. */
export async function startSession(storage: Storage, accountId: string, now: Date, absoluteMs = SESSION_TTL_MS): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await storage.createSession({ tokenHash: hashToken(token), accountId, createdAt: at, lastSeenAt: at, expiresAt: new Date(now.getTime() + absoluteMs).toISOString() });
  return token;
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

/**
 * The one place that starts, checks and ends sessions (issue 8, item 1). Every end is announced,
 * so the live transport closes the connections opened with it at once; expiry and idleness are
 * checked at every use and by the transport's sweep.
 */
export class Sessions {
  private readonly listeners: ((end: SessionEnd) => void)[] = [];

  constructor(
    private readonly storage: Storage,
    private readonly clock: () => Date,
    readonly settings: SessionSettings,
  ) {}

  get cookieName(): string {
    return this.settings.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  }

  onEnded(listener: (end: SessionEnd) => void): void {
    this.listeners.push(listener);
  }

  tokenFrom(cookieHeader: string | undefined): string | undefined {
    return readCookie(cookieHeader, this.cookieName);
  }

  start(accountId: string): Promise<string> {
    return startSession(this.storage, accountId, this.clock(), this.settings.absoluteMs);
  }

  cookie(token: string): string {
    return `${this.cookieName}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(this.settings.absoluteMs / 1000)}${this.settings.secure ? '; Secure' : ''}`;
  }

  clearedCookie(): string {
    return `${this.cookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${this.settings.secure ? '; Secure' : ''}`;
  }

  /** The account behind a token, or null when there is none or it expired or idled out (then it is ended). */
  async resolve(token: string | undefined): Promise<LiveSession | null> {
    if (!token || token.length > 200) return null;
    return this.check(hashToken(token));
  }

  /** As `resolve`, by the token's hash (what a connection keeps); counts as activity. */
  async check(tokenHash: string): Promise<LiveSession | null> {
    const session = await this.storage.findSession(tokenHash);
    if (!session) return null;
    const now = this.clock();
    const deadline = this.deadlineOf(session);
    if (deadline <= now.getTime()) {
      await this.end([tokenHash]);
      return null;
    }
    const account = await this.storage.findAccountById(session.accountId);
    if (!account || account.erasedAt) return null;
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
      const touched = { ...session, lastSeenAt: now.toISOString() };
      await this.storage.touchSession(tokenHash, touched.lastSeenAt);
      return { account, session: touched, deadline: this.deadlineOf(touched) };
    }
    return { account, session, deadline };
  }

  async end(tokenHashes: readonly string[]): Promise<void> {
    for (const hash of tokenHashes) await this.storage.deleteSession(hash);
    this.announce({ tokenHashes });
  }

  async endToken(token: string | undefined): Promise<void> {
    if (token) await this.end([hashToken(token)]);
  }

  /** Ends every session of an account (sign out everywhere, password change, erasure, access lost everywhere). */
  async endAllOf(accountId: string): Promise<void> {
    await this.storage.deleteSessionsOf(accountId);
    this.announce({ accountId });
  }

  private deadlineOf(session: Session): number {
    return Math.min(Date.parse(session.expiresAt), Date.parse(session.lastSeenAt) + this.settings.idleMs);
  }

  private announce(end: SessionEnd): void {
    for (const listener of this.listeners) listener(end);
  }
}
