import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Express's `trust proxy` forms we accept: never `true` (any client could forge its address). */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function parseTrustProxy(value: string): TrustProxy | null {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((s) => s.trim());
  const valid = entries.every((entry) => {
    if (NAMED_RANGES.has(entry)) return true;
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || rest.length > 0) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  return valid ? entries : null;
}

/** AUDIT_KEY_FILE's default name, inside DATA_DIR. */
export const AUDIT_KEY_FILE_NAME = 'audit.key';

const portSchema = z.coerce.number().int().min(0).max(65_535);

const envSchema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DEMO_PUBLIC: z.enum(['true', 'false']).default('false'),
  DATA_DIR: z.string().min(1).default('./data'),
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  ALLOWED_ORIGINS: z.string().default(''),
  SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  SESSION_IDLE_HOURS: z.coerce.number().min(0.05).max(24 * 7).default(12),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, ctx): TrustProxy => {
      const trust = parseTrustProxy(value);
      if (trust === null) ctx.addIssue({ code: 'custom', message: "'false', a number of proxy hops, or a comma-separated list of proxy addresses or subnets (e.g. loopback, 10.0.0.0/8)" });
      return trust ?? false;
    }),
  MAX_CONCURRENT_HASHES: z.coerce.number().int().min(1).max(64).default(2),
  HASH_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  MAX_SOCKETS_PER_SESSION: z.coerce.number().int().min(1).max(1000).default(20),
  SNAPSHOT_EVERY: z.coerce.number().int().min(10).default(1000),
  CATCH_UP_WINDOW: z.coerce.number().int().min(10).default(1000),
  COMMAND_BURST: z.coerce.number().int().min(1).default(200),
  COMMAND_RATE: z.coerce.number().min(1).default(100),
  MAX_SEND_BUFFER_KB: z.coerce.number().int().min(16).default(4096),
  WORKSPACES_PER_ACCOUNT: z.coerce.number().int().min(0).default(20),
  SECURITY_LOG_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(90),
  DOC_COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** The audit key; by default inside DATA_DIR, better on another volume or in a secret store (docs/security.md, "The audit chain"). */
  auditKeyFile: string;
  mongodbUri: string | null;
  seedDemo: boolean;
  /** Listen beyond loopback although demo accounts with the published password exist. */
  demoPublic: boolean;
  allowedOrigins: string[];
  secureCookies: boolean;
  sessionIdleMs: number;
  trustProxy: TrustProxy;
  passwordGate: { maxConcurrent: number; maxWaiting: number };
  maxSocketsPerSession: number;
  snapshotEvery: number;
  catchUpWindow: number;
  commands: { burst: number; perSecond: number };
  maxSendBuffer: number;
  workspacesPerAccount: number;
  securityLogRetentionDays: number;
  /** Stored updates after which a document is compacted (rule Y11); low only to exercise compaction. */
  docCompactAfterUpdates: number;
};

/** Reads and validates the environment; a wrong value stops start-up with a message naming it. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    auditKeyFile: resolve(e.AUDIT_KEY_FILE ?? join(e.DATA_DIR, AUDIT_KEY_FILE_NAME)),
    mongodbUri: e.MONGODB_URI ?? null,
    seedDemo: e.SEED_DEMO === 'true',
    demoPublic: e.DEMO_PUBLIC === 'true',
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    secureCookies: e.SECURE_COOKIES === 'true',
    sessionIdleMs: Math.round(e.SESSION_IDLE_HOURS * 3_600_000),
    trustProxy: e.TRUST_PROXY,
    passwordGate: { maxConcurrent: e.MAX_CONCURRENT_HASHES, maxWaiting: e.HASH_QUEUE },
    maxSocketsPerSession: e.MAX_SOCKETS_PER_SESSION,
    snapshotEvery: e.SNAPSHOT_EVERY,
    catchUpWindow: e.CATCH_UP_WINDOW,
    commands: { burst: e.COMMAND_BURST, perSecond: e.COMMAND_RATE },
    maxSendBuffer: e.MAX_SEND_BUFFER_KB * 1024,
    workspacesPerAccount: e.WORKSPACES_PER_ACCOUNT,
    securityLogRetentionDays: e.SECURITY_LOG_RETENTION_DAYS,
    docCompactAfterUpdates: e.DOC_COMPACT_AFTER_UPDATES,
  };
}
