import { reconcileErasures, type ErasureDeps } from './auth/account-erasure.js';

export type MaintenanceSettings = {
  /** Days the security log keeps client addresses (SECURITY_LOG_RETENTION_DAYS). */
  addressRetentionDays: number;
  everyMs: number;
};

const RETENTION_EVERY_MS = 60 * 60 * 1000;

export const DEFAULT_MAINTENANCE: MaintenanceSettings = { addressRetentionDays: 90, everyMs: 5_000 };

/**
 * Work that must not be forgotten (issue 8, item 9), run at start and then every few seconds: an
 * erasure asked for but not finished (a crash, a busy WAL, an operator's CLI request) is completed,
 * and client addresses older than the retention leave the security log. Answers a stop function.
 */
export function startMaintenance(deps: ErasureDeps, settings: MaintenanceSettings): () => void {
  let running: Promise<void> | null = null;
  let retentionDoneAt = -Infinity;
  const run = () => {
    if (running) return;
    running = (async () => {
      await reconcileErasures(deps);
      // Addresses expire by the day: once an hour is plenty, and spares the store a write every few seconds.
      const now = deps.clock().getTime();
      if (now - retentionDoneAt < RETENTION_EVERY_MS) return;
      await deps.storage.forgetAddressesBefore(new Date(now - settings.addressRetentionDays * 86_400_000).toISOString());
      retentionDoneAt = now;
    })()
      .catch((error: unknown) => deps.log('maintenance failed', error))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, settings.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
