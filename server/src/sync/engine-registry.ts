import { WorkspaceEngine, type EngineOptions } from './workspace-engine.js';

/** Loads each workspace's engine once, on first use, and keeps it while the process runs. */
export class EngineRegistry {
  private readonly engines = new Map<string, Promise<WorkspaceEngine | null>>();

  constructor(private readonly options: EngineOptions) {}

  get(workspaceId: string): Promise<WorkspaceEngine | null> {
    let engine = this.engines.get(workspaceId);
    if (!engine) {
      engine = WorkspaceEngine.load(workspaceId, this.options);
      this.engines.set(workspaceId, engine);
      // A workspace that does not exist (yet) is not cached, so creating it later works.
      void engine.then((e) => {
        if (!e) this.engines.delete(workspaceId);
      }, () => this.engines.delete(workspaceId));
    }
    return engine;
  }

  /** Every workspace of this installation (loaded on first call). */
  async all(): Promise<WorkspaceEngine[]> {
    const ids = await this.options.storage.listWorkspaceIds();
    const engines = await Promise.all(ids.map((id) => this.get(id)));
    return engines.filter((e): e is WorkspaceEngine => e !== null);
  }

  /** Stops every loaded engine's scheduled work (shutdown). */
  async stop(): Promise<void> {
    const engines = await Promise.all([...this.engines.values()].map((e) => e.catch(() => null)));
    for (const engine of engines) engine?.stop();
  }

  /** Loads every stored workspace now, so the first visitor does not wait for it. */
  async warmUp(workspaceIds: readonly string[]): Promise<void> {
    await Promise.all(workspaceIds.map((id) => this.get(id)));
  }
}
