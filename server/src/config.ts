import { resolve } from 'node:path';
import { z } from 'zod';

const portSchema = z.coerce.number().int().min(0).max(65_535);

const envSchema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DEMO_PUBLIC: z.enum(['true', 'false']).default('false'),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  ALLOWED_ORIGINS: z.string().default(''),
  SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  SESSION_IDLE_HOURS: z.coerce.number().min(0.05).max(24 * 7).default(12),
  MAX_SOCKETS_PER_SESSION: z.coerce.number().int().min(1).max(1000).default(20),
  SNAPSHOT_EVERY: z.coerce.number().int().min(10).default(1000),
  CATCH_UP_WINDOW: z.coerce.number().int().min(10).default(1000),
  COMMAND_BURST: z.coerce.number().int().min(1).default(200),
  COMMAND_RATE: z.coerce.number().min(1).default(100),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  mongodbUri: string | null;
  seedDemo: boolean;
  /** Listen beyond loopback although demo accounts with the published password exist. */
  demoPublic: boolean;
  allowedOrigins: string[];
  secureCookies: boolean;
  sessionIdleMs: number;
  maxSocketsPerSession: number;
  snapshotEvery: number;
  catchUpWindow: number;
  commandRate: { burst: number; perSecond: number };
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
    mongodbUri: e.MONGODB_URI ?? null,
    seedDemo: e.SEED_DEMO === 'true',
    demoPublic: e.DEMO_PUBLIC === 'true',
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    secureCookies: e.SECURE_COOKIES === 'true',
    sessionIdleMs: Math.round(e.SESSION_IDLE_HOURS * 3_600_000),
    maxSocketsPerSession: e.MAX_SOCKETS_PER_SESSION,
    snapshotEvery: e.SNAPSHOT_EVERY,
    catchUpWindow: e.CATCH_UP_WINDOW,
    commandRate: { burst: e.COMMAND_BURST, perSecond: e.COMMAND_RATE },
  };
}
