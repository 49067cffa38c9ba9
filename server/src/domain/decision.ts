import type { Command, CommandOf, CommandType } from '@verbund/shared/commands';
import type { AppError } from '@verbund/shared/errors';
import type { NewEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from './actor.js';

export type DecideContext = {
  /** The server's clock, injected: an ISO instant and the calendar day it falls on. */
  now: string;
  today: string;
  /** The instant `days` days after now (the clock's arithmetic stays outside the domain). */
  inDays: (days: number) => string;
  /** 128 fresh random bits as hex, for secrets the hash chain covers (a ballot's seal, D40). */
  seal: () => string;
  /** Whether the person has a joined live connection to the workspace now (presence, S10), as the server saw it when deciding (M41). */
  connected: (personId: string) => boolean;
};

export type Decision = { ok: true; events: NewEvent[] } | { ok: false; error: AppError };

export const reject = (error: AppError): Decision => ({ ok: false, error });
export const accept = (...events: NewEvent[]): Decision => ({ ok: true, events });

export type Decider<T extends CommandType> = (state: WorkspaceState, command: CommandOf<T>, actor: Actor, ctx: DecideContext) => Decision;

/** Each feature registers one decider per command type it owns. */
export type Deciders<K extends CommandType> = { [T in K]: Decider<T> };

export type AnyDecider = (state: WorkspaceState, command: Command, actor: Actor, ctx: DecideContext) => Decision;
