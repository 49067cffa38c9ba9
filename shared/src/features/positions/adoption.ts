import { z } from 'zod';
import { idSchema, instantSchema } from '../../model.js';
import type { Position, SignoffRound } from './positions-feature.js';

/** What an adopted position stands on, read alike by its exports (P50–P53), the card and the decision register (P56). */
type Positions = { positions: Readonly<Record<string, Position>>; positionRounds: Readonly<Record<string, readonly SignoffRound[]>> };

/**
 * The round whose version an adopted position stands on (P50): the last one that ended adopted, while
 * the position is adopted or beyond. A draft or a position in review has none.
 */
export function adoptedRound(state: Positions, positionId: string): SignoffRound | null {
  const status = state.positions[positionId]?.status;
  if (status === undefined || status === 'draft' || status === 'in_review') return null;
  return state.positionRounds[positionId]?.findLast((round) => round.outcome === 'adopted') ?? null;
}

/** One partner's approval in a round: who gave it, for which Dezernent when a deputy did (P12), and when. */
export const approvalSchema = z.strictObject({
  partnerId: idSchema,
  by: idSchema,
  onBehalfOf: idSchema.nullable(),
  at: instantSchema,
});
export type Approval = z.infer<typeof approvalSchema>;

/**
 * P53: who approved a round, one entry per entitled partner that approved in it, in the order of the
 * partners' names. Only this round's answers count: an approval from an earlier round that was
 * declined or withdrawn is never among them, even on the same hash. The signature page of the export
 * and the decision register both read it here.
 */
export function approvalsOf(round: SignoffRound, partnerName: (partnerId: string) => string): Approval[] {
  return [...round.entitled]
    .sort((a, b) => partnerName(a).localeCompare(partnerName(b), 'de'))
    .flatMap((partnerId): Approval[] => {
      const answer = round.answers[partnerId];
      return answer?.decision === 'approved' ? [{ partnerId, by: answer.by, onBehalfOf: answer.onBehalfOf, at: answer.at }] : [];
    });
}
