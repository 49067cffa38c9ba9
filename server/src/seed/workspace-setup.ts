import { createHash } from 'node:crypto';
import { EVENT_VERSION, GENESIS_HASH, SYSTEM_ACTOR_ID, type NewEvent, type StoredEvent } from '@verbund/shared/events';
import type { Role } from '@verbund/shared/model';
import { hashPassword } from '../auth/passwords.js';
import type { Storage } from '../storage/port.js';
import { sealEvent } from '../sync/hash-chain.js';

/** A stable UUID derived from a name, so seeded ids are the same on every machine. */
export function stableId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type SeedPerson = { id: string; name: string; email: string; partnerId: string; roles: Role[] };
export type SeedEvent = { event: NewEvent; actorId?: string; partnerId?: string | null };

/** Starts a workspace's log with the given events (the first must be `workspace.created`). */
export async function appendSeedEvents(storage: Storage, workspaceId: string, seeds: SeedEvent[], at: string): Promise<StoredEvent[]> {
  let prevHash = GENESIS_HASH;
  const events = seeds.map(({ event, actorId, partnerId }, index) => {
    const stored = sealEvent(prevHash, {
      ...event,
      v: EVENT_VERSION,
      workspaceId,
      seq: index + 1,
      actorId: actorId ?? SYSTEM_ACTOR_ID,
      partnerId: partnerId ?? null,
      at,
      commandId: null,
    });
    prevHash = stored.hash;
    return stored;
  });
  await storage.appendEvents(workspaceId, events);
  return events;
}

export async function createPeople(storage: Storage, workspaceId: string, people: SeedPerson[], password: string, at: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  for (const person of people) {
    const existing = await storage.findAccountByEmail(person.email);
    if (!existing) await storage.createAccount({ id: person.id, email: person.email, name: person.name, passwordHash, createdAt: at });
    await storage.putMembership({ accountId: existing?.id ?? person.id, workspaceId, partnerId: person.partnerId, roles: person.roles });
  }
}
