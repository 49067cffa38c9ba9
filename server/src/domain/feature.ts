import type * as Y from 'yjs';
import type { Ability } from '@verbund/shared/admin';
import type { CommandOf, CommandType } from '@verbund/shared/commands';
import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { ServerToClientEvents } from '@verbund/shared/protocol';
import type { Actor } from './actor.js';
import type { Deciders } from './decision.js';

/**
 * The server side of the feature contract (docs/architecture.md): what a feature decides, how a
 * reader sees its events and its slice, what the server does on its own schedule, and what must
 * happen after a commit. All of it pure: effects are described here and carried out by the live
 * layer (`live/effects.ts`). The shared side (events, commands, slice) is `shared/src/feature.ts`.
 */

/** Who reads: `admin` may manage the workspace (sees invitations); everything else is the same for every member. */
export type Reader = { readonly admin: boolean };

export type ReaderViews = {
  /** Events as this reader may see them; the same array back when nothing changes (the broadcast pays no copy). */
  events?: (events: StoredEvent[], reader: Reader, state: Readonly<WorkspaceState>) => StoredEvent[];
  /** The state as this reader may see it; never mutates the given state. */
  state?: (state: WorkspaceState, reader: Reader) => WorkspaceState;
  /** One of a person's own events as their data export shows it. */
  ownEvent?: (event: StoredEvent) => StoredEvent;
};

/** Events the server computes per recipient (each person gets their own view). */
type PersonalEvent = 'votes:viewed';
export type Viewer = { personId: string; partnerId: string };

/** What must happen after a commit, described; `live/effects.ts` does it. */
export type Effect =
  /** Close the person's connections to this workspace. */
  | { kind: 'disconnect'; personId: string }
  /** End the person's sessions unless they are still an active member somewhere. */
  | { kind: 'end-sessions-if-inactive'; personId: string }
  /** The person's connections now read as `admin` or not (they move between audiences). */
  | { kind: 'reseat'; personId: string; admin: boolean }
  | { [E in PersonalEvent]: { kind: 'personal'; event: E; viewFor: (viewer: Viewer) => Parameters<ServerToClientEvents[E]>[0] } }[PersonalEvent];

/**
 * Who may send a command (rule S12): the actor's roles and, where it matters, the command and the
 * state (a dezernent acts for their own partner only). Rules about the state of the thing itself
 * (is the card archived, is the vote still open) belong to the decider.
 */
export type Rule<T extends CommandType> = (actor: Actor, command: CommandOf<T>, state: WorkspaceState, today: string) => boolean;
export type Policies<K extends CommandType> = { [T in K]: Rule<T> };

/** A command the server gives itself, as the system actor (rule D35). */
export type ScheduledCommand = { [T in CommandType]: { type: T; payload: CommandOf<T>['payload'] } }[CommandType];

/** What a reader may do with a document: `none` reads as not found (rule Y5), like an id of another workspace. */
export type DocumentAccess = 'write' | 'read' | 'none';

/** How the server names a person in text it writes: their name, or what stands for it (a former member). */
export type NameOf = (personId: string) => string;

/** A kind of collaborative document a feature owns (`<kind>:<entityId>`, the `doc:*` stream). */
export type DocumentKind = {
  /** Asked on open and again on every update (rule Y6); pure. */
  access: (state: Readonly<WorkspaceState>, actor: Actor, entityId: string) => DocumentAccess;
  /**
   * The first content of a document never stored, as a Yjs update built here, never by a client (Y8).
   * `nameOf` names the workspace's people (names live outside the log), for text the server writes.
   */
  seed: (state: Readonly<WorkspaceState>, entityId: string, nameOf: NameOf) => Uint8Array;
  /**
   * What the workspace state keeps of the text (a card's plain description), as a command the server
   * gives itself when writing pauses (rule Y17), naming who wrote since; null when the state has it.
   */
  mirror?: (state: Readonly<WorkspaceState>, entityId: string, doc: Y.Doc, writers: readonly string[]) => ScheduledCommand | null;
};

export type DomainFeature<C extends CommandType> = {
  name: string;
  deciders: Deciders<C>;
  /** One rule per command type, beside its decider. */
  policy: Policies<C>;
  /** The commands the server may give itself as the system actor; none unless listed. */
  systemCommands?: readonly C[];
  /** What the UI may offer this person for this feature. */
  abilities?: (actor: Actor) => Ability[];
  views?: ReaderViews;
  schedule?: {
    /** When the server must next look at this feature's scheduled work, or null. */
    nextDue: (state: Readonly<WorkspaceState>) => string | null;
    dueCommands: (state: Readonly<WorkspaceState>, now: string) => ScheduledCommand[];
  };
  effects?: (events: readonly StoredEvent[], state: Readonly<WorkspaceState>) => Effect[];
  /** The document kinds this feature owns, by kind name. */
  documents?: Record<string, DocumentKind>;
};
