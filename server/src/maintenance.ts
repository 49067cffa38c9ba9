import { reconcileErasures, type ErasureDeps } from './auth/account-erasure.js';

export type MaintenanceSettings = {
  /** Days the security log keeps client addresses (SECURITY_LOG_RETENTION_DAYS). */
  addressRetentionDays: number;
  everyMs: number;
};

export const DEFAULT_MAINTENANCE: MaintenanceSettings = { addressRetentionDays: 90, everyMs: 5_000 };

/**
 * Work that must not be forgotten (issue 8, item 9), run at start and then every few seconds: an
 * erasure asked for but not finished (a crash, a busy WAL, an operator's CLI request) is completed,
 * and client addresses older than the retention leave the security log. Answers a stop function.
 */
export function startMaintenance(deps: ErasureDeps, settings: MaintenanceSettings): () => void {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = (async () => {
      await reconcileErasures(deps);
      const cutOff = new Date(deps.clock().getTime() - settings.addressRetentionDays * 86_400_000).toISOString();
      await deps.storage.forgetAddressesBefore(cutOff);
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
