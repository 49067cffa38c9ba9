import { create } from 'zustand';
import type { Command } from '@verbund/shared/commands';

/** A command the server has not answered yet, shown optimistically meanwhile. */
export type PendingCommand = { command: Command; submittedAt: string };

type QueueState = { pending: PendingCommand[] };

export const useCommandQueue = create<QueueState>(() => ({ pending: [] }));

type Transport = (command: Command) => void;
let transport: Transport | null = null;

/** The live connection registers itself here once it has caught up; null while offline. */
export function setCommandTransport(next: Transport | null): void {
  transport = next;
}

/** Queue a command: it shows at once and is sent now or as soon as the connection is back. */
export function submitCommand(command: Command): void {
  const entry: PendingCommand = { command, submittedAt: new Date().toISOString() };
  useCommandQueue.setState((s) => ({ pending: [...s.pending, entry] }));
  transport?.(command);
}

export function settleCommand(commandId: string): void {
  useCommandQueue.setState((s) => ({ pending: s.pending.filter((p) => p.command.id !== commandId) }));
}

export function pendingCommands(): Command[] {
  return useCommandQueue.getState().pending.map((p) => p.command);
}

export function newId(): string {
  return crypto.randomUUID();
}
