import { randomUUID } from 'node:crypto';
import type { Storage } from '../storage/port.js';
import type { EngineRegistry } from '../sync/engine-registry.js';
import type { Sessions } from './sessions.js';

export type ErasureDeps = {
  storage: Storage;
  engines: EngineRegistry;
  sessions: Sessions;
  clock: () => Date;
  log: (message: string, error?: unknown) => void;
};

/**
 * The workspaces in which the person is the only active admin while others still work there: the
 * person hands over first, so self-service erasure leaves no cooperation without an admin.
 */
export async function workspacesLeftWithoutAdmin(engines: EngineRegistry, accountId: string): Promise<string[]> {
  const names: string[] = [];
  for (const engine of await engines.all()) {
    const members = Object.values(engine.peek().members).filter((m) => m.active && !m.erased);
    const me = members.find((m) => m.personId === accountId);
    if (!me?.roles.includes('admin')) continue;
    const otherAdmins = members.some((m) => m.personId !== accountId && m.roles.includes('admin'));
    if (!otherAdmins && members.length > 1) names.push(engine.name);
  }
  return names;
}

/**
 * Rule A12: erasing an account is asked for durably first, then its sessions and sockets end, each
 * membership is erased by the system actor, and last the account's name, email and password go.
 * Contributions stay and show "ehemaliges Mitglied von <Partner>". Safe to run again at any point.
 */
export async function eraseAccountEverywhere(deps: ErasureDeps, accountId: string): Promise<void> {
  await deps.storage.requestErasure(accountId, deps.clock().toISOString());
  await finishErasure(deps, accountId);
}

async function finishErasure(deps: ErasureDeps, accountId: string): Promise<void> {
  await deps.sessions.endAllOf(accountId);
  for (const engine of await deps.engines.all()) {
    const member = engine.peek().members[accountId];
    if (!member || member.erased) continue;
    const answer = await engine.submitAsSystem({ id: randomUUID(), workspaceId: engine.workspaceId, type: 'member.erase', payload: { personId: accountId } });
    if (!answer.ok && !engine.peek().members[accountId]?.erased) {
      throw new Error(`erasing ${accountId} in workspace ${engine.workspaceId} failed: ${answer.error.message}`);
    }
  }
  await deps.storage.eraseAccount(accountId, deps.clock().toISOString());
  // A sign-in between the first end and the erasure of the password ends here.
  await deps.sessions.endAllOf(accountId);
}

/** Finishes every erasure that was asked for and not completed (a crash, a busy WAL); answers how many remain. */
export async function reconcileErasures(deps: ErasureDeps): Promise<number> {
  let failed = 0;
  for (const accountId of await deps.storage.pendingErasures()) {
    try {
      await finishErasure(deps, accountId);
    } catch (error) {
      failed += 1;
      deps.log(`erasure of ${accountId} is still incomplete; retrying later`, error);
    }
  }
  return failed;
}
