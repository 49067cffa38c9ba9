import type { Storage } from '../storage/port.js';
import type { EngineRegistry } from '../sync/engine-registry.js';

/** What the HTTP routes need, injected by `createApp`. */
export type HttpContext = {
  storage: Storage;
  engines: EngineRegistry;
  clock: () => Date;
  secureCookies: boolean;
  log: (message: string, error?: unknown) => void;
};
