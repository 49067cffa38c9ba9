import type { ClosedVote, OpenVote } from '@verbund/shared/votes';
import { isBefore } from './instant.js';
import { computeResult } from './result.js';

/** How a vote closes: by the server at its closing time, or by a person (D25, D26). */
export type Closing = { by: 'schedule' } | { by: 'person'; personId: string; at: string };

/**
 * The closed vote with its result. A scheduled close is dated at the closing time, not at the
 * moment the server got round to it (after a restart it may be later); a manual close after the
 * closing time is dated at the closing time too. Null when a scheduled close has no closing time.
 */
export function closeVote(vote: OpenVote, closing: Closing): ClosedVote | null {
  const { closesAt } = vote.settings;
  let closedAt: string;
  if (closing.by === 'schedule') {
    if (closesAt === null) return null;
    closedAt = closesAt;
  } else {
    closedAt = closesAt !== null && isBefore(closesAt, closing.at) ? closesAt : closing.at;
  }
  return {
    ...vote,
    status: 'closed',
    closedAt,
    closedBy: closing.by === 'person' ? closing.personId : null,
    result: computeResult(vote),
    outcome: null,
    decisionId: null,
  };
}
