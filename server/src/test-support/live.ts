import { io as connectClient } from 'socket.io-client';
import type { StoredEvent } from '@verbund/shared/events';
import { applyEvent, emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { PROTOCOL_VERSION, type CatchUp, type ConnectRefusal } from '@verbund/shared/protocol';
import { DEMO_BOARD_ID, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { appendSeedEvents, createPeople, stableId } from '../seed/workspace-setup.js';
import { commandsFor } from './builders.js';
import type { TestClient, TestServer } from './test-server.js';

/** Command builders for the demo workspace. */
export const demo = commandsFor(DEMO_WORKSPACE_ID, DEMO_BOARD_ID);

/** A demo person by the start of their email, e.g. `person('anna')`. */
export function person(prefix: string): (typeof DEMO_PEOPLE)[number] {
  const found = DEMO_PEOPLE.find((p) => p.email.startsWith(`${prefix}.`));
  if (!found) throw new Error(`no demo person ${prefix}`);
  return found;
}

export type HttpAnswer = { status: number; body: unknown; headers: Headers };

/** Plain fetch against the test server; `body` as a string is sent raw. */
export async function request(
  server: TestServer,
  method: 'GET' | 'POST',
  path: string,
  options: { cookie?: string; body?: unknown; csrf?: boolean; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    if (options.csrf !== false) headers['x-requested-with'] = 'verbund';
  }
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const res = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export const statePath = (workspaceId = DEMO_WORKSPACE_ID) => `/api/workspaces/${workspaceId}/state`;
export const commandsPath = (workspaceId = DEMO_WORKSPACE_ID) => `/api/workspaces/${workspaceId}/commands`;

export async function readState(server: TestServer, cookie: string, workspaceId = DEMO_WORKSPACE_ID): Promise<WorkspaceState> {
  const answer = await request(server, 'GET', statePath(workspaceId), { cookie });
  if (answer.status !== 200) throw new Error(`GET state: ${answer.status}`);
  return answer.body as WorkspaceState;
}

/**
 * A client's view: the catch-up plus every broadcast applied in order, like the real client. Records
 * every event it got out of order (a gap or a duplicate), which S7 says must never happen.
 */
export class Mirror {
  state: WorkspaceState;
  readonly received: StoredEvent[] = [];
  readonly outOfOrder: number[] = [];

  constructor(socket: TestClient, catchUp: CatchUp, workspaceId = DEMO_WORKSPACE_ID) {
    this.state = catchUp.kind === 'snapshot' ? catchUp.state : emptyState(workspaceId);
    if (catchUp.kind === 'events') this.apply(catchUp.events);
    socket.on('events:appended', (events) => this.apply(events));
  }

  private apply(events: StoredEvent[]): void {
    for (const event of events) {
      this.received.push(event);
      if (event.seq !== this.state.seq + 1) this.outOfOrder.push(event.seq);
      else applyEvent(this.state, event);
    }
  }
}

export type Opened = { socket: TestClient; refusal?: undefined } | { socket?: undefined; refusal: ConnectRefusal | { code: 'transport'; message: string } };

/** Opens a socket with full control over cookie, handshake and Origin; resolves with the socket or the refusal. */
export function openSocket(
  server: TestServer,
  options: { cookie?: string; auth?: unknown; origin?: string } = {},
): Promise<Opened> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const socket: TestClient = connectClient(server.url, {
    transports: ['websocket'],
    extraHeaders: headers,
    auth: (options.auth ?? { protocolVersion: PROTOCOL_VERSION, workspaceId: DEMO_WORKSPACE_ID }) as Record<string, unknown>,
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error: Error & { data?: ConnectRefusal }) => {
      socket.disconnect();
      resolve({ refusal: error.data ?? { code: 'transport', message: error.message } });
    });
  });
}

export const OTHER_WORKSPACE_ID = stableId('test-other-workspace');
export const OUTSIDER = { id: stableId('person-outsider'), name: 'Olga Außen', email: 'olga.aussen@elsewhere.example', partnerId: stableId('partner-else'), roles: ['member' as const] };

/**
 * A second workspace whose members are the outsider and, if asked, demo people (who then belong to
 * both). The outsider belongs to no demo workspace.
 */
export async function seedOtherWorkspace({ storage, auditKeys }: Pick<TestServer, 'storage' | 'auditKeys'>, alsoMembers: (typeof DEMO_PEOPLE)[number][] = []): Promise<void> {
  const at = new Date().toISOString();
  const people = [OUTSIDER, ...alsoMembers.map((p) => ({ ...p, partnerId: OUTSIDER.partnerId, roles: [...p.roles] }))];
  const joined = await createPeople(storage, people, DEMO_PASSWORD, at);
  await appendSeedEvents(
    storage,
    auditKeys,
    OTHER_WORKSPACE_ID,
    [
      { event: { type: 'workspace.created', data: { workspaceId: OTHER_WORKSPACE_ID, name: 'Anderer Verbund' } } },
      { event: { type: 'partner.added', data: { partner: { id: OUTSIDER.partnerId, name: 'Anderswo', shortName: 'AW', active: true } } } },
      ...joined,
    ],
    at,
  );
}
