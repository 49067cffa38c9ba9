import { z } from 'zod';
import { deputyshipSchema, invitationSchema, memberSchema, type Deputyship, type Invitation, type Member } from './admin.js';
import type { EventType, StoredEvent } from './events.js';
import { voteSchema } from './vote-wire.js';
import type { Vote } from './votes.js';
import { boardSchema, cardSchema, commentSchema, partnerSchema, type Board, type Card, type Comment, type Partner } from './model.js';

/** Version of the stored snapshot shape; bump it together with a numbered migration. */
export const SNAPSHOT_VERSION = 4;

/** What the UI needs of a workspace: a projection of its event log. */
export type WorkspaceState = {
  workspaceId: string;
  name: string;
  /** Sequence number of the last event applied. */
  seq: number;
  partners: Record<string, Partner>;
  boards: Record<string, Board>;
  cards: Record<string, Card>;
  /** Comments by card id, oldest first. */
  comments: Record<string, Comment[]>;
  /** People by id; names live with the accounts, not here. */
  members: Record<string, Member>;
  deputyships: Record<string, Deputyship>;
  invitations: Record<string, Invitation>;
  /**
   * Votes by id. The server holds every ballot; what clients receive holds none (`ballots` is
   * empty there, rule D34): they see votes through their own `VoteView`.
   */
  votes: Record<string, Vote>;
};

export const workspaceStateSchema = z.object({
  workspaceId: z.string(),
  name: z.string(),
  seq: z.number().int().min(0),
  partners: z.record(z.string(), partnerSchema),
  boards: z.record(z.string(), boardSchema),
  cards: z.record(z.string(), cardSchema),
  comments: z.record(z.string(), z.array(commentSchema)),
  members: z.record(z.string(), memberSchema),
  deputyships: z.record(z.string(), deputyshipSchema),
  invitations: z.record(z.string(), invitationSchema),
  votes: z.record(z.string(), voteSchema),
}) satisfies z.ZodType<WorkspaceState>;

export function emptyState(workspaceId: string): WorkspaceState {
  return {
    workspaceId,
    name: '',
    seq: 0,
    partners: {},
    boards: {},
    cards: {},
    comments: {},
    members: {},
    deputyships: {},
    invitations: {},
    votes: {},
  };
}

type Reducers = { [T in EventType]: (state: WorkspaceState, event: Extract<StoredEvent, { type: T }>) => void };

/**
 * One reducer per event type (a total record: a new event type without one does not compile).
 * Contract: the containers (`cards`, `members`, …) are mutated, the entities in them are replaced
 * and never mutated, so `applyEventsImmutably` can copy only the containers.
 */
const REDUCERS: Reducers = {
  'workspace.created': (s, e) => {
    s.name = e.data.name;
  },
  'partner.added': (s, e) => {
    s.partners[e.data.partner.id] = e.data.partner;
  },
  'board.created': (s, e) => {
    s.boards[e.data.board.id] = e.data.board;
  },
  'card.created': (s, e) => {
    s.cards[e.data.card.id] = e.data.card;
  },
  'card.updated': (s, e) => replace(s.cards, e.data.cardId, { ...e.data.changes, updatedAt: e.at }),
  'card.moved': (s, e) => {
    const { cardId, ...placement } = e.data;
    replace(s.cards, cardId, { ...placement, updatedAt: e.at });
  },
  'card.archived': (s, e) => replace(s.cards, e.data.cardId, { archived: true, updatedAt: e.at }),
  'card.restored': (s, e) => replace(s.cards, e.data.cardId, { archived: false, updatedAt: e.at }),
  'comment.added': (s, e) => {
    const { comment } = e.data;
    s.comments[comment.cardId] = [...(s.comments[comment.cardId] ?? []), comment];
  },
  'partner.renamed': (s, e) => replace(s.partners, e.data.partnerId, { name: e.data.name, shortName: e.data.shortName }),
  'partner.deactivated': (s, e) => replace(s.partners, e.data.partnerId, { active: false }),
  'partner.reactivated': (s, e) => replace(s.partners, e.data.partnerId, { active: true }),
  'member.joined': (s, e) => {
    s.members[e.data.member.personId] = e.data.member;
    if (e.data.invitationId) replace(s.invitations, e.data.invitationId, { usedBy: e.data.member.personId });
  },
  'member.roles_set': (s, e) => replace(s.members, e.data.personId, { roles: e.data.roles }),
  'member.partner_set': (s, e) => replace(s.members, e.data.personId, { partnerId: e.data.partnerId }),
  'member.deactivated': (s, e) => replace(s.members, e.data.personId, { active: false }),
  'member.reactivated': (s, e) => replace(s.members, e.data.personId, { active: true }),
  'member.erased': (s, e) => replace(s.members, e.data.personId, { active: false, erased: true }),
  'invitation.created': (s, e) => {
    s.invitations[e.data.invitation.id] = e.data.invitation;
  },
  'invitation.revoked': (s, e) => replace(s.invitations, e.data.invitationId, { revoked: true }),
  'deputy.appointed': (s, e) => {
    s.deputyships[e.data.deputyship.id] = e.data.deputyship;
  },
  'deputy.revoked': (s, e) => replace(s.deputyships, e.data.deputyshipId, { revoked: true }),
  'vote.opened': (s, e) => {
    s.votes[e.data.vote.id] = e.data.vote;
  },
  'vote.ballot_cast': (s, e) => {
    const vote = s.votes[e.data.voteId];
    const { ballot } = e.data;
    // A sealed ballot (what clients get) carries no choice: there is nothing to count with it here.
    if (vote && !('sealed' in ballot)) s.votes[vote.id] = { ...vote, ballots: [...vote.ballots, ballot] };
  },
  'vote.closed': (s, e) => {
    const vote = s.votes[e.data.voteId];
    if (vote?.status !== 'open') return;
    const { closedAt, closedBy, result } = e.data;
    s.votes[vote.id] = { ...vote, status: 'closed', closedAt, closedBy, result, outcome: null, decisionId: null };
  },
  'vote.outcome_recorded': (s, e) => {
    const vote = s.votes[e.data.voteId];
    if (vote?.status === 'closed') s.votes[vote.id] = { ...vote, outcome: e.data.outcome, decisionId: e.data.decisionId };
  },
  // Only its place in the sequence counts (applyEvent sets seq).
  withheld: () => undefined,
};

function replace<T extends object>(container: Record<string, T>, id: string, changes: Partial<T>): void {
  const entity = container[id];
  if (entity) container[id] = { ...entity, ...changes };
}

/** Applies one event in place (see the contract on REDUCERS). */
export function applyEvent(state: WorkspaceState, event: StoredEvent): void {
  state.seq = event.seq;
  (REDUCERS[event.type] as (s: WorkspaceState, e: StoredEvent) => void)(state, event);
}

/** For React: a new state object whose containers are fresh and whose unchanged entities are shared. */
export function applyEventsImmutably(state: WorkspaceState, events: readonly StoredEvent[]): WorkspaceState {
  if (events.length === 0) return state;
  const next: WorkspaceState = {
    ...state,
    partners: { ...state.partners },
    boards: { ...state.boards },
    cards: { ...state.cards },
    comments: { ...state.comments },
    members: { ...state.members },
    deputyships: { ...state.deputyships },
    invitations: { ...state.invitations },
    votes: { ...state.votes },
  };
  for (const event of events) applyEvent(next, event);
  return next;
}

/** Board order: by fractional position, ties (two clients chose the same key) broken by id. */
export function compareCards(a: Card, b: Card): number {
  if (a.position < b.position) return -1;
  if (a.position > b.position) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The deputyship under which a person stands in for a partner's dezernent on a day, if any. */
export function deputyshipOn(state: WorkspaceState, personId: string, partnerId: string, day: string): Deputyship | null {
  const member = state.members[personId];
  if (!member?.active || member.partnerId !== partnerId) return null;
  return (
    Object.values(state.deputyships).find(
      (d) => !d.revoked && d.deputyId === personId && d.partnerId === partnerId && d.from <= day && day <= d.to,
    ) ?? null
  );
}

/** Who may sign for a partner on a day: its active dezernent, or a deputy whose range covers that day. */
export function isRepresentative(state: WorkspaceState, personId: string, partnerId: string, day: string): boolean {
  const member = state.members[personId];
  if (!member?.active || member.partnerId !== partnerId) return false;
  return member.roles.includes('dezernent') || deputyshipOn(state, personId, partnerId, day) !== null;
}
