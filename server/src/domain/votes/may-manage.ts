import type { Eligible, Vote, VoteSettings } from '@verbund/shared/votes';
import type { Actor } from '../actor.js';
import { isBefore } from './instant.js';

export type OpenRefusal = 'not_a_member' | 'standalone_needs_moderator' | 'anonymous_needs_after_close' | 'closes_in_past' | 'quorum_unreachable';
export type CloseRefusal = 'vote_closed' | 'not_opener_or_moderator';
export type OutcomeRefusal = 'vote_open' | 'outcome_recorded' | 'not_opener_or_moderator';

type Permission<R> = { ok: true } | { ok: false; reason: R };
const ok = { ok: true } as const;
const refuse = <R>(reason: R): Permission<R> => ({ ok: false, reason });

const isModerator = (actor: Actor) => actor.roles.includes('moderator');

/**
 * Opening a vote (D2, D6, D37). Any member opens a vote about cards; a vote about no card speaks for
 * the whole workspace and needs a moderator or admin. An anonymous vote shows results after close
 * only, and its settings must say so. The closing time must lie ahead and the quorum must be
 * reachable with the eligible set frozen now.
 */
export function mayOpenVote(
  actor: Actor,
  settings: VoteSettings,
  eligible: Eligible,
  now: string,
): Permission<OpenRefusal> {
  if (actor.roles.length === 0) return refuse('not_a_member');
  const aboutCards = settings.cardIds.length > 0 || settings.config.kind === 'prioritisation';
  if (!aboutCards && !actor.roles.some((r) => r === 'moderator' || r === 'admin')) {
    return refuse('standalone_needs_moderator');
  }
  if (settings.anonymous && settings.visibility !== 'after_close') return refuse('anonymous_needs_after_close');
  if (settings.closesAt !== null && !isBefore(now, settings.closesAt)) return refuse('closes_in_past');
  const { minPartners, minPeople } = settings.quorum;
  if ((minPartners ?? 0) > eligible.partnerIds.length || (minPeople ?? 0) > eligible.personIds.length) {
    return refuse('quorum_unreachable');
  }
  return ok;
}

/** Closing by hand (D25): the person who opened the vote or a moderator, while it is open. */
export function mayCloseVote(vote: Vote, actor: Actor): Permission<CloseRefusal> {
  if (vote.status !== 'open') return refuse('vote_closed');
  return vote.openedBy === actor.personId || isModerator(actor) ? ok : refuse('not_opener_or_moderator');
}

/** Writing the outcome statement (D28): once, after close, by the opener or a moderator. */
export function mayRecordOutcome(vote: Vote, actor: Actor): Permission<OutcomeRefusal> {
  if (vote.status !== 'closed') return refuse('vote_open');
  if (vote.outcome !== null) return refuse('outcome_recorded');
  return vote.openedBy === actor.personId || isModerator(actor) ? ok : refuse('not_opener_or_moderator');
}
