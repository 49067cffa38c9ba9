import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { appError } from '@verbund/shared/errors';
import type { Health } from '@verbund/shared/http';
import { authRoutes } from './http/auth-routes.js';
import { errorHandler, sendError } from './http/errors.js';
import type { HttpContext } from './http/http-context.js';
import { accountRoutes } from './http/account-routes.js';
import { adminRoutes } from './http/admin-routes.js';
import { invitationRoutes } from './http/invitation-routes.js';
import { positionRoutes } from './http/position-routes.js';
import { voteRoutes } from './http/vote-routes.js';
import { workspaceRoutes } from './http/workspace-routes.js';
import { workspacesRoutes } from './http/workspaces-routes.js';
import { carryOutEffects, type EffectDeps } from './live/effects.js';
import { DEFAULT_FLOOD, FloodControl, type FloodSettings } from './live/flood-control.js';
import { broadcastEvents, createLiveServer, type LiveServer } from './live/socket-server.js';
import { PresenceBook } from './live/presence.js';
import type { AuditKeys } from './audit/audit-key.js';
import { DocMirror } from './docs/doc-mirror.js';
import { DocRegistry } from './docs/doc-registry.js';
import { DEFAULT_DOC_SETTINGS, type DocSettings } from './docs/live-doc.js';
import { DEFAULT_MAINTENANCE, startMaintenance, type MaintenanceSettings } from './maintenance.js';
import type { Storage } from './storage/port.js';
import { EngineRegistry } from './sync/engine-registry.js';
import { DEFAULT_GATE, PasswordGate, type PasswordGateSettings } from './auth/password-check.js';
import { SESSION_IDLE_MS, SESSION_TTL_MS, Sessions } from './auth/sessions.js';
import type { TrustProxy } from './config.js';
import { sendAnswer } from './http/answer.js';

export type AppDeps = {
  storage: Storage;
  /** The audit key (AUDIT_KEY_FILE): seals the event chain, snapshots and checkpoints. */
  auditKeys: AuditKeys;
  clock?: () => Date;
  /** Built client to serve, if any (client/dist). */
  staticDir?: string | null;
  allowedOrigins?: readonly string[];
  secureCookies?: boolean;
  /** A session ends after this long without use (default 12 h); the absolute end stays 7 days. */
  sessionIdleMs?: number;
  /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For names the client address. */
  trustProxy?: TrustProxy;
  passwordGate?: Partial<PasswordGateSettings>;
  maxSocketsPerSession?: number;
  snapshotEvery?: number;
  catchUpWindow?: number;
  /** Flood control per account (COMMAND_BURST, COMMAND_RATE); unset budgets keep their defaults. */
  flood?: Partial<FloodSettings>;
  /** Bytes waiting for one socket beyond which it is dropped (MAX_SEND_BUFFER_KB). */
  maxSendBuffer?: number;
  /** Quota, compaction thresholds and unloading of collaborative documents. */
  docs?: Partial<DocSettings>;
  /** Workspaces one account may start (WORKSPACES_PER_ACCOUNT). */
  workspacesPerAccount?: number;
  /** Erasure reconciler and security-log address retention (SECURITY_LOG_RETENTION_DAYS). */
  maintenance?: Partial<MaintenanceSettings>;
  log?: (message: string, error?: unknown) => void;
};

export type App = {
  httpServer: HttpServer;
  io: LiveServer;
  engines: EngineRegistry;
  docs: DocRegistry;
  /** `step` hears which part of the shutdown runs now (for the log when one hangs). */
  close: (step?: (what: string) => void) => Promise<void>;
};

const JSON_LIMIT = '256kb';

/** The composition root: Express and Socket.IO on one http.Server, not yet listening. */
export function createApp(deps: AppDeps): App {
  const clock = deps.clock ?? (() => new Date());
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  let io: LiveServer | null = null;
  const sessions = new Sessions(deps.storage, clock, {
    secure: deps.secureCookies ?? false,
    absoluteMs: SESSION_TTL_MS,
    idleMs: deps.sessionIdleMs ?? SESSION_IDLE_MS,
  });
  const effects: EffectDeps = {
    io: () => io,
    sessions,
    activeAnywhere: async (personId) => (await engines.all()).some((engine) => engine.actorFor(personId) !== null),
    log,
  };
  const presence = new PresenceBook();
  const engines: EngineRegistry = new EngineRegistry({
    storage: deps.storage,
    auditKeys: deps.auditKeys,
    clock,
    snapshotEvery: deps.snapshotEvery ?? 1000,
    catchUpWindow: deps.catchUpWindow ?? 1000,
    connected: (workspaceId, personId) => presence.has(workspaceId, personId),
    onCommitted: (workspaceId, events, state) => {
      // Each reader gets the events as the features' views show them (S3), then the features' effects run.
      if (io) broadcastEvents(io, workspaceId, events, state);
      carryOutEffects(effects, workspaceId, events, state);
    },
    log,
  });
  const passwords = new PasswordGate({ ...DEFAULT_GATE, ...deps.passwordGate });
  const flood = new FloodControl({ ...DEFAULT_FLOOD, ...deps.flood });
  const docSettings = { ...DEFAULT_DOC_SETTINGS, ...deps.docs };
  const mirror = new DocMirror(engines, docSettings.mirrorDelayMs, log);
  const docs = new DocRegistry(deps.storage, docSettings, log, (workspaceId, docId) => mirror.flush(workspaceId, docId));
  const ctx: HttpContext = { storage: deps.storage, auditKeys: deps.auditKeys, engines, docs, clock, sessions, passwords, flood, workspacesPerAccount: deps.workspacesPerAccount ?? 20, log };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // 'self' covers the app's own ws:/wss: origin (CSP 3); anything else must be named in ALLOWED_ORIGINS.
          connectSrc: ["'self'", ...connectSources(deps.allowedOrigins ?? [])],
          imgSrc: ["'self'", 'data:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          upgradeInsecureRequests: deps.secureCookies ? [] : null,
        },
      },
    }),
  );
  app.use('/api', noStore, express.json({ limit: JSON_LIMIT, strict: true }), csrfGuard);
  app.get('/api/health', async (_req, res) => {
    const storage = await deps.storage.health();
    if (!storage.ok) log(`health: storage unavailable: ${storage.reason}`);
    const answer: Health = { ok: storage.ok, storage: storage.ok ? 'ok' : 'unavailable' };
    sendAnswer(res, answer, storage.ok ? 200 : 503);
  });
  app.use('/api/auth', authRoutes(ctx));
  app.use('/api/account', accountRoutes(ctx));
  app.use('/api/invitations', invitationRoutes(ctx));
  app.use('/api/workspaces', workspacesRoutes(ctx));
  app.use('/api/workspaces/:workspaceId', workspaceRoutes(ctx));
  app.use('/api/workspaces/:workspaceId/admin', adminRoutes(ctx));
  app.use('/api/workspaces/:workspaceId', voteRoutes(ctx));
  app.use('/api/workspaces/:workspaceId', positionRoutes(ctx));
  app.use('/api', (_req, res) => sendError(res, appError('not_found', 'no such endpoint')));
  if (deps.staticDir && existsSync(deps.staticDir)) serveClient(app, deps.staticDir);
  app.use(errorHandler(log));

  const httpServer = createServer(app);
  io = createLiveServer(httpServer, {
    storage: deps.storage,
    sessions,
    maxSocketsPerSession: deps.maxSocketsPerSession ?? 20,
    engines,
    presence,
    clock,
    allowedOrigins: deps.allowedOrigins ?? [],
    flood,
    docs,
    mirror,
    maxSendBuffer: deps.maxSendBuffer ?? 4 * 1024 * 1024,
    log,
  });
  const live = io;
  const stopMaintenance = startMaintenance({ storage: deps.storage, engines, sessions, clock, log }, { ...DEFAULT_MAINTENANCE, ...deps.maintenance });

  return {
    httpServer,
    io: live,
    engines,
    docs,
    close: async (step = () => undefined) => {
      stopMaintenance();
      step('stopping the workspace engines');
      await engines.stop();
      step('closing the live connections and the HTTP server');
      await closeGracefully(httpServer, live);
      step('mirroring the documents written last');
      await mirror.flushAll();
      step('finishing the document writes in flight');
      await docs.close();
    },
  };
}

/** How long requests in flight at shutdown may take to finish before their connections are cut. */
const SHUTDOWN_GRACE_MS = 2_000;

/**
 * Stops listening and closes the sockets (`io.close` also closes the HTTP server, and resolves only
 * when every HTTP connection has ended). A keep-alive connection that was busy when the server
 * stopped would otherwise hold the shutdown forever: idle ones are closed as they become idle, and
 * whatever is left after the grace period is cut.
 */
async function closeGracefully(httpServer: HttpServer, live: LiveServer): Promise<void> {
  const closed = live.close();
  httpServer.closeIdleConnections();
  const idle = setInterval(() => httpServer.closeIdleConnections(), 100);
  const cut = setTimeout(() => httpServer.closeAllConnections(), SHUTDOWN_GRACE_MS);
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(cut);
  }
}

/** API answers carry personal and workspace data: no browser or proxy may keep a copy. */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Each allowed origin and its WebSocket twin (`https://x` → `wss://x`), for the CSP's connect-src. */
function connectSources(origins: readonly string[]): string[] {
  return origins.flatMap((origin) => [origin, origin.replace(/^http/, 'ws')]);
}

/**
 * Writes need a custom header: a cross-site form cannot send it, and a cross-site script cannot
 * add it without a CORS preflight, which we never grant. Bodies are only ever read as JSON.
 */
const csrfGuard: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  if (req.headers['x-requested-with'] !== 'verbund') {
    return sendError(res, appError('forbidden', 'writes need the header X-Requested-With: verbund'));
  }
  next();
};

function serveClient(app: express.Express, dir: string): void {
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.get('/{*splat}', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}
