import type { Command } from '@verbund/shared/commands';
import { appError } from '@verbund/shared/errors';
import type { Ack, CommandResult } from '@verbund/shared/protocol';
import { commandResultToWire, readerOf, type Wire } from '../domain/wire.js';
import type { EngineRegistry } from './engine-registry.js';

/**
 * The one command pipeline behind HTTP and sockets, after the command was parsed with the shared
 * schema (`FloodControl.admitCommand`): find the workspace the caller is bound to, let the engine
 * decide, store and broadcast.
 */
export async function runCommand(
  engines: EngineRegistry,
  boundWorkspaceId: string,
  personId: string,
  command: Command,
): Promise<Ack<Wire<CommandResult>>> {
  // A foreign workspace id is answered like a missing one: ids of other workspaces reveal nothing.
  if (command.workspaceId !== boundWorkspaceId) return { ok: false, error: appError('not_found', 'workspace not found') };
  const engine = await engines.get(boundWorkspaceId);
  if (!engine) return { ok: false, error: appError('not_found', 'workspace not found') };
  const answer = await engine.submit(command, personId);
  // Even the caster's own answer carries a sealed ballot: clients see ballots only in views (D34).
  if (!answer.ok) return answer;
  return { ok: true, value: commandResultToWire(answer.value, readerOf(engine.actorFor(personId)), engine.peek()) };
}
