import { refusal, type AppError, type ErrorCode } from '@verbund/shared/errors';
import type { ChoiceProblem } from './check-choice.js';
import type { CastRefusal } from './may-cast.js';
import type { CloseRefusal, OpenRefusal, OutcomeRefusal } from './may-manage.js';

export type VoteRefusal = CastRefusal | ChoiceProblem | OpenRefusal | CloseRefusal | OutcomeRefusal;

/** Each refusal mapped once to the shared error vocabulary; the reason is also the log message. */
const CODES: Record<VoteRefusal, ErrorCode> = {
  vote_closed: 'conflict',
  vote_open: 'conflict',
  past_closing_time: 'conflict',
  outcome_recorded: 'conflict',
  person_not_eligible: 'forbidden',
  partner_not_eligible: 'forbidden',
  not_representative: 'forbidden',
  not_a_member: 'forbidden',
  standalone_needs_moderator: 'forbidden',
  not_opener_or_moderator: 'forbidden',
  wrong_kind: 'invalid_payload',
  reason_required: 'invalid_payload',
  reason_not_allowed: 'invalid_payload',
  unknown_option: 'invalid_payload',
  too_many_choices: 'invalid_payload',
  unknown_card: 'invalid_payload',
  too_many_points: 'invalid_payload',
  anonymous_needs_after_close: 'invalid_payload',
  closes_in_past: 'invalid_payload',
  quorum_unreachable: 'invalid_payload',
};

export function voteRefusalError(reason: VoteRefusal): AppError {
  return refusal(CODES[reason], reason, reason);
}
