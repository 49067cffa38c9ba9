import type { Command } from '@verbund/shared/commands';
import type { AppError } from '@verbund/shared/errors';
import type { Me } from '@verbund/shared/http';
import { officeDay } from '@verbund/shared/model';
import type { CommandResult } from '@verbund/shared/protocol';
import { hashPassword } from '../auth/passwords.js';
import { DEMO_PASSWORD, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { stableId } from '../seed/workspace-setup.js';
import type { Storage } from '../storage/port.js';
import { commandsPath, request, type HttpAnswer } from './live.js';
import type { TestServer } from './test-server.js';

/** Test helpers for administration: commands over HTTP, invitations, accounts without membership. */

/** The calendar day the server uses for deputy ranges, `days` after `at`. */
export function berlinDay(at: Date, days = 0): string {
  return officeDay(new Date(at.getTime() + days * 86_400_000));
}

export const adminPath = (tail: string, workspaceId = DEMO_WORKSPACE_ID) => `/api/workspaces/${workspaceId}/admin/${tail}`;
export const workspacePath = (tail: string, workspaceId = DEMO_WORKSPACE_ID) => `/api/workspaces/${workspaceId}/${tail}`;

export function postCommand(server: TestServer, cookie: string, command: Command, workspaceId = command.workspaceId): Promise<HttpAnswer> {
  return request(server, 'POST', commandsPath(workspaceId), { cookie, body: command });
}

/** Runs a command that must succeed (test setup); throws with the error otherwise. */
export async function mustCommand(server: TestServer, cookie: string, command: Command): Promise<CommandResult> {
  const answer = await postCommand(server, cookie, command);
  if (answer.status !== 200) throw new Error(`${command.type}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as CommandResult;
}

export const errorOf = (answer: HttpAnswer) => answer.body as AppError;

/** A signed-up account that belongs to no workspace (someone whose invitations all lapsed). */
export async function createLoneAccount(storage: Storage, name: string, email: string): Promise<string> {
  const id = stableId(`lone-${email}`);
  await storage.createAccount({ id, email, name, passwordHash: await hashPassword(DEMO_PASSWORD), createdAt: new Date().toISOString(), erasedAt: null });
  return id;
}

export type Invited = { invitationId: string; token: string; expiresAt: string };

export async function invite(
  server: TestServer,
  adminCookie: string,
  body: { partnerId: string; roles: string[]; expiresInDays?: number },
  workspaceId = DEMO_WORKSPACE_ID,
): Promise<Invited> {
  const answer = await request(server, 'POST', adminPath('invitations', workspaceId), {
    cookie: adminCookie,
    body: { expiresInDays: 7, ...body },
  });
  if (answer.status !== 201) throw new Error(`invite: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Invited;
}

export type Accepted = { status: number; body: unknown; cookie: string };

/** Accepts an invitation as a new person (name, email, password) or, with `cookie`, as someone signed in. */
export async function accept(
  server: TestServer,
  token: string,
  as: { name: string; email: string; password?: string } | { cookie: string },
): Promise<Accepted> {
  const answer =
    'cookie' in as
      ? await request(server, 'POST', `/api/invitations/${token}/accept`, { cookie: as.cookie, body: {} })
      : await request(server, 'POST', `/api/invitations/${token}/accept`, { body: { password: DEMO_PASSWORD + '-neu', ...as } });
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: answer.status, body: answer.body, cookie };
}

export const membershipsOf = (me: unknown) => (me as Me).memberships;
