import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { CatchUp, CommandResult } from '@verbund/shared/protocol';
import type { Actor } from './actor.js';
import { seesInvitations } from './admin/withhold.js';
import type { Reader, ReaderViews } from './feature.js';
import { DOMAIN_FEATURES } from './feature-registry.js';

declare const wireBrand: unique symbol;

/**
 * Workspace data as one reader may see it (issue 9 item 2). Only the functions below make it, each
 * passing the data through every feature's reader views; every socket emit and HTTP answer of
 * workspace data takes this type only, so a raw stored event or raw state cannot be sent.
 */
export type Wire<T> = T & { readonly [wireBrand]: true };

export const ADMIN_READER: Reader = { admin: true };
export const MEMBER_READER: Reader = { admin: false };

/** How a person reads the workspace (nobody, a stranger: as a member, the narrowest). */
export const readerOf = (actor: Actor | null): Reader => (seesInvitations(actor) ? ADMIN_READER : MEMBER_READER);

const views: readonly ReaderViews[] = DOMAIN_FEATURES.flatMap((f): ReaderViews[] => (f.views ? [f.views] : []));
const brand = <T>(value: T): Wire<T> => value as Wire<T>;

export function eventsToWire(events: StoredEvent[], reader: Reader, state: Readonly<WorkspaceState>): Wire<StoredEvent[]> {
  return brand(views.reduce((shown, view) => view.events?.(shown, reader, state) ?? shown, events));
}

export function stateToWire(state: WorkspaceState, reader: Reader): Wire<WorkspaceState> {
  return brand(views.reduce((shown, view) => view.state?.(shown, reader) ?? shown, state));
}

export function catchUpToWire(catchUp: CatchUp, reader: Reader, state: Readonly<WorkspaceState>): Wire<CatchUp> {
  return brand(
    catchUp.kind === 'snapshot'
      ? { kind: 'snapshot', state: stateToWire(catchUp.state, reader) }
      : { kind: 'events', events: eventsToWire(catchUp.events, reader, state) },
  );
}

export function commandResultToWire(result: CommandResult, reader: Reader, state: Readonly<WorkspaceState>): Wire<CommandResult> {
  const events = eventsToWire(result.events, reader, state);
  return brand(events === result.events ? result : { ...result, events });
}

/**
 * A selection from what a reader may see is still theirs to see: the audit log's pages put
 * together, filtered, ordered and cut. `select` picks and orders the given items; it adds none.
 */
export function selectWire<T>(parts: readonly Wire<T[]>[], select: (items: T[]) => T[]): Wire<T[]> {
  return brand(select(parts.flat()));
}

/** A person's own event for their data export: theirs in full, as each feature allows (never a ballot's seal). */
export function ownEventToWire(event: StoredEvent): Wire<StoredEvent> {
  return brand(views.reduce((shown, view) => view.ownEvent?.(shown) ?? shown, event));
}
