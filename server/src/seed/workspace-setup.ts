import { createHash } from 'node:crypto';
import { EVENT_VERSION, GENESIS_HASH, SYSTEM_ACTOR_ID, type NewEvent, type StoredEvent } from '@verbund/shared/events';
import type { Role } from '@verbund/shared/model';
import type { AuditKeys } from '../audit/audit-key.js';
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

/**
 * Appends events written by the system (or by `actorId`) to a workspace's log, continuing its hash
 * chain; on an empty log the first must be `workspace.created`. Only while no server has the
 * workspace loaded (seeding, creating a workspace, preparing a benchmark).
 */
export async function appendSeedEvents(storage: Storage, auditKeys: AuditKeys, workspaceId: string, seeds: SeedEvent[], at: string): Promise<StoredEvent[]> {
  const last = await storage.lastEvent(workspaceId);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const firstSeq = (last?.seq ?? 0) + 1;
  const events = seeds.map(({ event, actorId, partnerId }, index) => {
    const stored = sealEvent(auditKeys, prevHash, {
      ...event,
      v: EVENT_VERSION,
      workspaceId,
      seq: firstSeq + index,
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

/** Creates the accounts (one shared password hash) and returns the `member.joined` events that make them members. */
export async function createPeople(storage: Storage, people: SeedPerson[], password: string, at: string): Promise<SeedEvent[]> {
  const passwordHash = await hashPassword(password);
  const events: SeedEvent[] = [];
  for (const person of people) {
    const existing = await storage.findAccountByEmail(person.email);
    if (!existing) await storage.createAccount({ id: person.id, email: person.email, name: person.name, passwordHash, createdAt: at, erasedAt: null });
    const member = { personId: existing?.id ?? person.id, partnerId: person.partnerId, roles: person.roles, active: true, erased: false, joinedAt: at };
    events.push({ event: { type: 'member.joined', data: { member, invitationId: null } } });
  }
  return events;
}
