import { commandSchema } from '@verbund/shared/commands';
import { appError, invalidPayload } from '@verbund/shared/errors';
import type { Ack, CommandResult } from '@verbund/shared/protocol';
import { invitationEventsFor } from '../domain/admin/withhold.js';
import { redactCommandResult } from '../domain/votes/redact.js';
import type { EngineRegistry } from './engine-registry.js';

/**
 * The one command pipeline behind HTTP and sockets: parse with the shared schema, find the
 * workspace the caller is bound to, let the engine decide, store and broadcast.
 */
export async function runCommand(
  engines: EngineRegistry,
  boundWorkspaceId: string,
  personId: string,
  raw: unknown,
): Promise<Ack<CommandResult>> {
  const parsed = commandSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: invalidPayload(parsed.error, 'command') };
  const command = parsed.data;
  // A foreign workspace id is answered like a missing one: ids of other workspaces reveal nothing.
  if (command.workspaceId !== boundWorkspaceId) return { ok: false, error: appError('not_found', 'workspace not found') };
  const engine = await engines.get(boundWorkspaceId);
  if (!engine) return { ok: false, error: appError('not_found', 'workspace not found') };
  const answer = await engine.submit(command, personId);
  // Even the caster's own answer carries a sealed ballot: clients see ballots only in views (D34).
  if (!answer.ok) return answer;
  const result = redactCommandResult(answer.value, engine.peek());
  return { ok: true, value: { ...result, events: invitationEventsFor(result.events, engine.actorFor(personId)) } };
}
