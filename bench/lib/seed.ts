import { join } from 'node:path';
import { GENESIS_HASH, type NewEvent, type StoredEvent } from '../../shared/src/events.js';
import { applyEvent, emptyState } from '../../shared/src/projection.js';
import { createAuditKey, type AuditKeys } from '../../server/src/audit/audit-key.js';
import { SESSION_COOKIE, startSession } from '../../server/src/auth/sessions.js';
import { AUDIT_KEY_FILE_NAME } from '../../server/src/config.js';
import { DEMO_PARTNERS, DEMO_WORKSPACE_ID, seedDemo } from '../../server/src/seed/demo.js';
import { appendSeedEvents, createPeople, stableId, type SeedEvent, type SeedPerson } from '../../server/src/seed/workspace-setup.js';
import { openSqliteStorage } from '../../server/src/storage/sqlite-storage.js';
import type { Snapshot, Storage } from '../../server/src/storage/port.js';
import { sealSnapshot } from '../../server/src/sync/snapshot-seal.js';

export const DB_FILE = 'verbund.sqlite';
const PASSWORD = 'bench-password-not-secret';

export type Seeded = {
  dataDir: string;
  /** The key the server started on `dataDir` will use (AUDIT_KEY_FILE's default place). */
  auditKeys: AuditKeys;
  workspaceId: string;
  cardIds: string[];
  /** One `verbund_session=…` cookie per bench account; many clients share an account like browser tabs do. */
  cookies: string[];
  /** The big workspace, when asked for. */
  big?: { workspaceId: string; seq: number; cards: number };
  /** Draft positions in the demo workspace, when asked for: their texts are documents (`position:<id>`). */
  positionIds: string[];
};

export type SeedOptions = {
  accounts: number;
  big?: { cards: number; events: number; snapshot: boolean };
  positions?: number;
};

/**
 * Fills a throw-away data directory before the server starts: the demo workspace, bench accounts
 * (one password hash shared by all) that are members of it, and one session per account.
 */
export async function seedBenchData(dataDir: string, options: SeedOptions): Promise<Seeded> {
  const storage = openSqliteStorage(join(dataDir, DB_FILE));
  try {
    const auditKeys = await createAuditKey(join(dataDir, AUDIT_KEY_FILE_NAME), storage);
    const now = new Date();
    await seedDemo(storage, auditKeys, now);
    const people = benchPeople(options.accounts);
    await appendSeedEvents(storage, auditKeys, DEMO_WORKSPACE_ID, await createPeople(storage, people, PASSWORD, now.toISOString()), now.toISOString());
    const cookies: string[] = [];
    for (const person of people) cookies.push(`${SESSION_COOKIE}=${await startSession(storage, person.id, now)}`);
    const cardIds = (await storage.readEvents(DEMO_WORKSPACE_ID, 0)).flatMap((e) => (e.type === 'card.created' ? [e.data.card.id] : []));
    const positionIds = await seedPositions(storage, auditKeys, people[0], options.positions ?? 0, now.toISOString());
    const seeded: Seeded = { dataDir, auditKeys, workspaceId: DEMO_WORKSPACE_ID, cardIds, cookies, positionIds };
    if (options.big) seeded.big = await seedBigWorkspace(storage, auditKeys, people, options.big, now.toISOString());
    return seeded;
  } finally {
    await storage.close();
  }
}

function benchPeople(count: number): SeedPerson[] {
  return Array.from({ length: count }, (_, i) => ({
    id: stableId(`bench-person-${i}`),
    name: `Bench Person ${i}`,
    email: `bench-${i}@bench.example`,
    partnerId: DEMO_PARTNERS.wob.id,
    roles: ['member'],
  }));
}

async function seedPositions(storage: Storage, auditKeys: AuditKeys, author: SeedPerson | undefined, count: number, at: string): Promise<string[]> {
  if (count === 0 || !author) return [];
  const ids = Array.from({ length: count }, (_, i) => stableId(`bench-position-${i}`));
  const seeds: SeedEvent[] = ids.map((id, i) => ({
    actorId: author.id,
    partnerId: author.partnerId,
    event: {
      type: 'position.created',
      data: {
        position: {
          id,
          title: `Bench-Stellungnahme ${i}`,
          addressee: { kind: 'land', name: 'Land Niedersachsen' },
          leadPartnerId: author.partnerId,
          dueDate: null,
          status: 'draft',
          cardIds: [],
          createdBy: author.id,
          createdAt: at,
          updatedAt: at,
        },
      },
    },
  }));
  await appendSeedEvents(storage, auditKeys, DEMO_WORKSPACE_ID, seeds, at);
  return ids;
}

export const BIG_WORKSPACE_ID = stableId('bench-big-workspace');

/**
 * A workspace with `cards` cards and `events` events in all (card.created, then card.updated
 * round-robin over the cards), sealed into a valid hash chain and appended in one transaction.
 * With `snapshot`, a snapshot 500 events before the end, as a long-running server would have left.
 */
async function seedBigWorkspace(storage: Storage, auditKeys: AuditKeys, people: SeedPerson[], size: NonNullable<SeedOptions['big']>, at: string) {
  const workspaceId = BIG_WORKSPACE_ID;
  const joined = await createPeople(storage, people.slice(0, 10), PASSWORD, at);
  const boardId = stableId('bench-big-board');
  const author = people[0];
  const by = { actorId: author?.id, partnerId: author?.partnerId ?? null };
  const seeds: SeedEvent[] = [
    { event: { type: 'workspace.created', data: { workspaceId, name: 'Bench: big workspace' } } },
    { event: { type: 'partner.added', data: { partner: DEMO_PARTNERS.wob } } },
    { event: { type: 'board.created', data: { board: { id: boardId, name: 'Alles' } } } },
    ...joined,
  ];
  const cardIds = Array.from({ length: size.cards }, (_, i) => stableId(`bench-big-card-${i}`));
  cardIds.forEach((id, i) => seeds.push({ ...by, event: bigCard(id, boardId, i, author?.id ?? '', at) }));
  for (let n = 0; seeds.length < size.events; n++) {
    const cardId = cardIds[n % cardIds.length] ?? '';
    const changes = n % 3 === 0 ? { status: (['idea', 'review', 'agreed'] as const)[n % 3] } : { title: `Initiative ${n % cardIds.length} (Fassung ${n})` };
    seeds.push({ ...by, event: { type: 'card.updated', data: { cardId, changes } } });
  }
  const events = await appendSeedEvents(storage, auditKeys, workspaceId, seeds, at);
  if (size.snapshot) await storage.saveSnapshot(workspaceId, snapshotAt(auditKeys, workspaceId, events, events.length - 500));
  return { workspaceId, seq: events.length, cards: size.cards };
}

function bigCard(id: string, boardId: string, i: number, authorId: string, at: string): NewEvent {
  const card = {
    id,
    boardId,
    position: `a${i.toString(36).padStart(4, '0')}`,
    archived: false,
    createdAt: at,
    createdBy: authorId,
    updatedAt: at,
    title: `Initiative ${i}`,
    description: 'Beschreibung einer Initiative mit etwas Text, damit die Karte so groß ist wie eine echte. '.repeat(3),
    area: 'basisdienste' as const,
    status: 'idea' as const,
    leadPartnerId: DEMO_PARTNERS.wob.id,
    partnerIds: [],
    ownerIds: [authorId],
    tags: ['bench'],
    dueDate: null,
    addressee: null,
    links: [],
  };
  return { type: 'card.created', data: { card } };
}

/** The sealed snapshot a server would have written after the first `count` events. */
export function snapshotAt(auditKeys: AuditKeys, workspaceId: string, events: StoredEvent[], count: number): Snapshot {
  const state = emptyState(workspaceId);
  let hash = GENESIS_HASH;
  for (const event of events.slice(0, count)) {
    applyEvent(state, event);
    hash = event.hash;
  }
  return sealSnapshot(auditKeys, workspaceId, { seq: state.seq, hash, state });
}
