import type { SignoffAnswer, SignoffRound } from '@verbund/shared/features/positions/positions-feature';
import { deputyshipOn, isRepresentative, type WorkspaceState } from '@verbund/shared/projection';

/** Where a partner stands in a round: no answer yet, or its answer. */
export type PartnerStanding = { partnerId: string; answer: SignoffAnswer | null };

export const standings = (round: SignoffRound): PartnerStanding[] => round.entitled.map((partnerId) => ({ partnerId, answer: round.answers[partnerId] ?? null }));

/**
 * A partner's standing in words: still to answer while the round runs, no answer once it ended;
 * an approval counts only in the round that was adopted, in any other it is superseded (never carried over).
 */
export type Standing = 'open' | 'unanswered' | 'approved' | 'superseded' | 'declined';

export function standingOf(round: SignoffRound, answer: SignoffAnswer | null): Standing {
  if (!answer) return round.outcome === null ? 'open' : 'unanswered';
  if (answer.decision === 'declined') return 'declined';
  return round.outcome === null || round.outcome === 'adopted' ? 'approved' : 'superseded';
}

export const approvedCount = (round: SignoffRound): number => Object.values(round.answers).filter((a) => a.decision === 'approved').length;

/**
 * The partner a person answers for in an open round today (P12): its Dezernent, or a deputy whose
 * deputyship covers the day; with the Dezernent a deputy stands in for. Null once it has answered.
 */
export function answerableFor(state: WorkspaceState, personId: string, round: SignoffRound, day: string): { partnerId: string; onBehalfOf: string | null } | null {
  const partnerId = round.entitled.find((id) => !round.answers[id] && isRepresentative(state, personId, id, day));
  if (!partnerId) return null;
  const dezernent = state.members[personId]?.roles.includes('dezernent') ?? false;
  return { partnerId, onBehalfOf: dezernent ? null : (deputyshipOn(state, personId, partnerId, day)?.dezernentId ?? null) };
}

/** The partner whose decline ended a round, with its answer (P14). */
export const declineOf = (round: SignoffRound): PartnerStanding | null => standings(round).find((s) => s.answer?.decision === 'declined') ?? null;
