import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAuditKey, readAuditKey } from './audit/audit-key.js';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { seedDemo } from './seed/demo.js';
import { publicListenRefusal } from './seed/public-guard.js';
import { openStorage } from './storage/open-storage.js';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = readConfig(process.env);
  // Before the database is opened: a key file that must not be used stops start-up with nothing created.
  const foundKey = readAuditKey(config.auditKeyFile);
  // A server that answers but cannot write would acknowledge nothing: exit and let the supervisor restart it.
  const storage = await openStorage(config, {
    onFatal: (error) => {
      console.error(`${error.message}; the server stops because it can no longer store changes`);
      process.exit(1);
    },
    log: (message, error) => console.error(message, error ?? ''),
  });
  const auditKeys = foundKey ?? (await createAuditKey(config.auditKeyFile, storage));
  if (!foundKey) console.log(`Created the audit key ${config.auditKeyFile}; keep a copy apart from the database: without it the history cannot be verified.`);
  if (config.seedDemo && (await seedDemo(storage, auditKeys, new Date()))) console.log('Seeded the demo workspace.');
  const refusal = await publicListenRefusal(storage, config.host, config.demoPublic);
  if (refusal) {
    await storage.close();
    throw new Error(refusal);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const app = createApp({
    storage,
    auditKeys,
    staticDir: join(here, '../../client/dist'),
    allowedOrigins: config.allowedOrigins,
    secureCookies: config.secureCookies,
    sessionIdleMs: config.sessionIdleMs,
    trustProxy: config.trustProxy,
    passwordGate: config.passwordGate,
    maxSocketsPerSession: config.maxSocketsPerSession,
    snapshotEvery: config.snapshotEvery,
    catchUpWindow: config.catchUpWindow,
    flood: { commands: config.commands },
    maxSendBuffer: config.maxSendBuffer,
    workspacesPerAccount: config.workspacesPerAccount,
    maintenance: { addressRetentionDays: config.securityLogRetentionDays },
    docs: { compactAfterUpdates: config.docCompactAfterUpdates },
  });
  await app.engines.warmUp(await storage.listWorkspaceIds());
  app.httpServer.listen(config.port, config.host, () => {
    const address = app.httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Verbund is running at http://localhost:${port} (data: ${config.mongodbUri ? 'MongoDB' : config.dataDir})`);
  });
  const shutdown = () => {
    let stage = 'starting';
    const step = (what: string) => (stage = what);
    // Whatever holds the shutdown up, the supervisor gets its process back, and the log says what held it.
    setTimeout(() => {
      console.error(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS / 1000} s, stuck ${stage}; still open: ${process.getActiveResourcesInfo().join(', ')}`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void app
      .close(step)
      .then(() => {
        step('closing the storage');
        return storage.close();
      })
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
