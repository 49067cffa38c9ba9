import type { Response } from 'express';
import type { StoredEvent } from '@verbund/shared/events';
import type {
  AuditCheckpoint,
  ChainVerdictInfo,
  CheckpointVerdict,
  CreatedInvitation,
  CreatedWorkspace,
  Health,
  InvitationInfo,
  Me,
  SecurityEventInfo,
  SessionInfo,
  VersionText,
} from '@verbund/shared/http';
import type { RegisterEntry } from '@verbund/shared/decision-register';
import type { PositionVersion } from '@verbund/shared/features/positions/positions-feature';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { CatchUp, CommandResult } from '@verbund/shared/protocol';
import type { VoteView } from '@verbund/shared/votes';
import type { Wire } from '../domain/wire.js';

/** One page of the audit log: events as an admin may see them (D34: who voted, never what). */
export type AuditPage = { events: Wire<StoredEvent[]>; nextBeforeSeq: number | null };

/**
 * What an HTTP route may answer (issue 9 item 2): workspace data as `Wire` (made only in
 * `domain/wire.ts`, through every feature's reader views), or one of the protocol's answers, each
 * already a view for the caller (a person list, votes as this person may see them, …). Routes send
 * JSON only through `sendAnswer` (a lint rule holds them to it) and `sendError`.
 */
export type Answer =
  | Wire<unknown>
  | AuditPage
  | Me
  | SessionInfo[]
  | SecurityEventInfo[]
  | CreatedWorkspace
  | CreatedInvitation
  | InvitationInfo
  | ChainVerdictInfo
  | AuditCheckpoint
  | CheckpointVerdict
  | Health
  | Person[]
  | VoteView[]
  | RegisterEntry[]
  | PositionVersion
  | VersionText;

/** Stored data in its raw form: it fits some answers' shapes by accident (a state has a `workspaceId`), and never compiles. */
type Raw = StoredEvent | readonly StoredEvent[] | WorkspaceState | CatchUp | CommandResult;
type NotRaw<T> = T extends Wire<unknown> ? unknown : T extends Raw ? never : unknown;

export function sendAnswer<T extends Answer>(res: Response, body: T & NotRaw<T>, status = 200): void {
  res.status(status).json(body);
}
