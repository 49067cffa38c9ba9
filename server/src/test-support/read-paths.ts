import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { request } from './live.js';
import type { TestClient, TestServer } from './test-server.js';

/**
 * Everything a person can read, gathered for privacy tests: every GET of a workspace (and the
 * personal export), and every packet a socket receives. Answers are kept as they arrive, so a test
 * can look at all of them without knowing in advance where a leak would be.
 */

export type Read = { source: string; status: number; body: unknown };

/** Every GET route a member or admin can call in the workspace; admin routes answer 403 to others. */
export function readPaths(cardId: string, personIds: readonly string[], workspaceId = DEMO_WORKSPACE_ID): string[] {
  const ws = `/api/workspaces/${workspaceId}`;
  return [
    `${ws}/state`,
    `${ws}/people`,
    `${ws}/cards/${cardId}/history`,
    `${ws}/votes`,
    `${ws}/decisions`,
    `${ws}/decisions?format=csv`,
    `${ws}/decisions?format=markdown`,
    `${ws}/admin/audit`,
    `${ws}/admin/audit?format=json`,
    `${ws}/admin/audit?format=csv`,
    `${ws}/admin/audit/verify`,
    ...personIds.map((id) => `${ws}/admin/audit?format=json&personId=${id}`),
    '/api/account/export',
  ];
}

export async function readAll(server: TestServer, cookie: string, paths: readonly string[]): Promise<Read[]> {
  return Promise.all(paths.map(async (path) => ({ source: `GET ${path}`, ...(await request(server, 'GET', path, { cookie })) })));
}

/**
 * Records every socket.io packet the server sends this socket, parsed (events, acks, views,
 * presence); `packets` fills as they arrive.
 */
export function recordPackets(socket: TestClient): Read[] {
  const packets: Read[] = [];
  socket.io.engine.on('packet', (packet: { data?: unknown }) => {
    if (typeof packet.data !== 'string') return;
    // A socket.io packet is its type and ack id as digits, then JSON ("42[…]", "431[…]").
    const start = packet.data.search(/[[{]/);
    if (start >= 0) packets.push({ source: `socket ${packet.data.slice(0, start)}`, status: 200, body: JSON.parse(packet.data.slice(start)) as unknown });
  });
  return packets;
}

/**
 * The parts of a JSON value that are about one vote: each of its events (envelope included), the
 * vote itself (state, snapshot, `vote.opened`), each view of it and its decision entry. A part is
 * taken whole at the outermost object that names the vote.
 */
export function partsAbout(value: unknown, voteId: string): object[] {
  const found: object[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const isEvent = typeof o.type === 'string' && typeof o.seq === 'number';
    if (o.id === voteId || o.voteId === voteId || (isEvent && JSON.stringify(o.data).includes(voteId))) found.push(o);
    else Object.values(o).forEach(visit);
  };
  visit(value);
  return found;
}

/**
 * A part as text for a "does this name anyone" check, without what names people legitimately: the
 * eligible set frozen at opening (everyone, not who voted) and the reader's own ballot (D32).
 */
export function asText(part: object, readerId: string): string {
  return JSON.stringify(part, (key, value: unknown) => {
    if (key === 'eligible') return undefined;
    if (key === 'ownBallot' && (value as { personId?: unknown } | null)?.personId === readerId) return undefined;
    return value;
  });
}

/** The CSV lines (audit, decisions) about a vote, except its opening row, which holds the eligible set. */
export function csvLinesAbout(body: unknown, voteId: string): string[] {
  return typeof body === 'string' ? body.split('\r\n').filter((line) => line.includes(voteId) && !line.includes(',vote.opened,')) : [];
}
