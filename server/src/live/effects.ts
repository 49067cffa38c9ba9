import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Sessions } from '../auth/sessions.js';
import type { Effect } from '../domain/feature.js';
import { DOMAIN_FEATURES } from '../domain/feature-registry.js';
import { assertNever } from '@verbund/shared/events';
import { personRoomOf, roomOf, seatAmongAdmins, type LiveServer } from './socket-server.js';

export type EffectDeps = {
  io: () => LiveServer | null;
  sessions: Sessions;
  /** Whether the person is still an active member of any workspace (then their sessions stay). */
  activeAnywhere: (personId: string) => Promise<boolean>;
  log: (message: string, error?: unknown) => void;
};

/**
 * After every commit: what the features say must happen (`effects` in their declarations), done
 * here, the one place with I/O for it. The domain only describes; nothing here decides.
 */
export function carryOutEffects(deps: EffectDeps, workspaceId: string, events: readonly StoredEvent[], state: Readonly<WorkspaceState>): void {
  for (const feature of DOMAIN_FEATURES) {
    for (const effect of feature.effects?.(events, state) ?? []) {
      carryOut(deps, workspaceId, effect).catch((error: unknown) => deps.log(`effect ${effect.kind} of ${feature.name} failed`, error));
    }
  }
}

async function carryOut(deps: EffectDeps, workspaceId: string, effect: Effect): Promise<void> {
  const io = deps.io();
  switch (effect.kind) {
    case 'disconnect':
      io?.in(personRoomOf(workspaceId, effect.personId)).disconnectSockets(true);
      return;
    case 'end-sessions-if-inactive':
      if (!(await deps.activeAnywhere(effect.personId))) await deps.sessions.endAllOf(effect.personId);
      return;
    case 'reseat':
      if (io) await seatAmongAdmins(io, workspaceId, effect.personId, effect.admin);
      return;
    case 'personal': {
      if (!io) return;
      // Computed when the sockets are known, from this commit's state: a later emission is never older than an earlier one.
      const byPerson = new Map<string, ReturnType<typeof effect.viewFor>>();
      for (const socket of await io.in(roomOf(workspaceId)).fetchSockets()) {
        const { personId, partnerId } = socket.data;
        const view = byPerson.get(personId) ?? effect.viewFor({ personId, partnerId });
        byPerson.set(personId, view);
        socket.emit(effect.event, view);
      }
      return;
    }
    default:
      assertNever(effect);
  }
}
