import { readAuditKey } from '../audit/audit-key.js';
import { eraseAccountEverywhere, type ErasureDeps } from '../auth/account-erasure.js';
import { SESSION_TTL_MS, Sessions } from '../auth/sessions.js';
import { readConfig, type Config } from '../config.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/port.js';
import { EngineRegistry } from '../sync/engine-registry.js';

/**
 * The operator's command line (`pnpm admin <command>`), on the storage the server uses (same
 * environment: DATA_DIR or MONGODB_URI, HOST, PORT).
 *
 *   erase <email>   erase the account everywhere (rule A12): every membership, then name, email,
 *                   password, sessions and security log. If a server answers on HOST:PORT it carries
 *                   the request out (within seconds); otherwise this command does it itself.
 */
const USAGE = 'usage: pnpm admin erase <email>';
const SERVER_WAIT_MS = 30_000;

async function main(argv: string[]): Promise<number> {
  const [command, email, ...rest] = argv;
  if (command !== 'erase' || !email || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const config = readConfig(process.env);
  const storage = await openStorage(config);
  try {
    return await erase(config, storage, email);
  } finally {
    await storage.close();
  }
}

async function erase(config: Config, storage: Storage, email: string): Promise<number> {
  const account = await storage.findAccountByEmail(email);
  if (!account || account.erasedAt) {
    console.error(`no account with the email ${email}`);
    return 1;
  }
  await storage.requestErasure(account.id, new Date().toISOString());
  if (await serverAnswers(config)) {
    console.log('Erasure requested; the running server carries it out …');
    if (await erasedWithin(storage, account.id, SERVER_WAIT_MS)) return done(account.id);
    console.error('the server has not finished the erasure yet; it stays requested and is finished at its next start');
    return 1;
  }
  const auditKeys = readAuditKey(config.auditKeyFile);
  if (!auditKeys) {
    console.error(`no audit key at ${config.auditKeyFile} (AUDIT_KEY_FILE): start the server once, or point AUDIT_KEY_FILE at the installation's key`);
    return 1;
  }
  const clock = () => new Date();
  const log = (message: string, error?: unknown) => console.error(message, error ?? '');
  const engines = new EngineRegistry({ storage, auditKeys, clock, snapshotEvery: config.snapshotEvery, catchUpWindow: config.catchUpWindow, onCommitted: () => undefined, log });
  const sessions = new Sessions(storage, clock, { secure: config.secureCookies, absoluteMs: SESSION_TTL_MS, idleMs: config.sessionIdleMs });
  const deps: ErasureDeps = { storage, engines, sessions, clock, log };
  await eraseAccountEverywhere(deps, account.id);
  await engines.stop();
  return done(account.id);
}

function done(accountId: string): number {
  console.log(`Account ${accountId} is erased in every workspace.`);
  return 0;
}

async function serverAnswers(config: Config): Promise<boolean> {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  try {
    const answer = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${config.port}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return answer.status === 200 || answer.status === 503;
  } catch {
    return false;
  }
}

async function erasedWithin(storage: Storage, accountId: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if ((await storage.findAccountById(accountId))?.erasedAt) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
