import { z } from 'zod';
import { idSchema, instantSchema, line } from './model.js';
import {
  ballotChoiceSchema,
  ballotSchema,
  eligibleSchema,
  outcomeStatementSchema,
  participationSchema,
  voteResultSchema,
  voteSettingsSchema,
  voteTallySchema,
  VOTE_LIMITS,
  type ClosedVote,
  type OpenVote,
  type Vote,
  type VoteView,
} from './votes.js';

/**
 * Votes on the wire: commands, events, the per-viewer view and the decision register. The shapes of
 * votes themselves are in `votes.ts`; the rules in `docs/decision-rules.md` (D1–D36).
 */

export const voteCommandPayloads = {
  'vote.open': z.strictObject({ voteId: idSchema, settings: voteSettingsSchema }),
  'vote.cast': z.strictObject({ voteId: idSchema, choice: ballotChoiceSchema }),
  'vote.close': z.strictObject({ voteId: idSchema }),
  'vote.record_outcome': z.strictObject({ voteId: idSchema, decisionId: idSchema, text: line(VOTE_LIMITS.outcome) }),
} as const;

/**
 * A ballot as clients receive it in events (D34): who and when, never what. The person is left out
 * of anonymous votes. The choice reaches clients only through their own `VoteView`.
 */
export const sealedBallotSchema = z.strictObject({
  personId: idSchema.nullable(),
  partnerId: idSchema,
  castAt: instantSchema,
  onBehalfOf: idSchema.optional(),
  sealed: z.literal(true),
});
export type SealedBallot = z.infer<typeof sealedBallotSchema>;

export const openVoteSchema = z.strictObject({
  id: idSchema,
  settings: voteSettingsSchema,
  openedAt: instantSchema,
  openedBy: idSchema,
  eligible: eligibleSchema,
  ballots: z.array(ballotSchema).max(VOTE_LIMITS.ballots),
  status: z.literal('open'),
}) satisfies z.ZodType<OpenVote>;

export const closedVoteSchema = openVoteSchema.extend({
  status: z.literal('closed'),
  closedAt: instantSchema,
  closedBy: idSchema.nullable(),
  result: voteResultSchema,
  outcome: outcomeStatementSchema.nullable(),
  decisionId: idSchema.nullable(),
}) satisfies z.ZodType<ClosedVote>;

export const voteSchema = z.discriminatedUnion('status', [openVoteSchema, closedVoteSchema]) satisfies z.ZodType<Vote>;

export const voteEventData = {
  /** The vote as opened, with the eligible set the server froze (D3). */
  'vote.opened': z.strictObject({ vote: openVoteSchema }),
  /** Stored with the full ballot; sent to clients sealed (D34). */
  'vote.ballot_cast': z.strictObject({ voteId: idSchema, ballot: z.union([ballotSchema, sealedBallotSchema]) }),
  /** The result is computed once by the domain and recorded, so the record never changes if the rules do (D27). */
  'vote.closed': z.strictObject({ voteId: idSchema, closedAt: instantSchema, closedBy: idSchema.nullable(), result: voteResultSchema }),
  'vote.outcome_recorded': z.strictObject({ voteId: idSchema, decisionId: idSchema, outcome: outcomeStatementSchema }),
} as const;

export const voteViewSchema = z.strictObject({
  id: idSchema,
  settings: voteSettingsSchema,
  openedAt: instantSchema,
  openedBy: idSchema,
  eligible: eligibleSchema,
  status: z.enum(['open', 'closed']),
  closedAt: instantSchema.nullable(),
  closedBy: idSchema.nullable(),
  participation: participationSchema,
  tally: voteTallySchema.nullable(),
  ballots: z.array(ballotSchema).nullable(),
  ownBallot: ballotSchema.nullable(),
  result: voteResultSchema.nullable(),
  outcome: outcomeStatementSchema.nullable(),
  decisionId: idSchema.nullable(),
  resultsVisible: z.boolean(),
}) satisfies z.ZodType<VoteView>;
export const voteViewsSchema = z.array(voteViewSchema);

/** One entry of the decision register ("Beschlüsse"): a closed vote with its outcome (D28). */
export const decisionEntrySchema = z.strictObject({
  id: idSchema,
  voteId: idSchema,
  title: z.string(),
  kind: z.enum(['proposal', 'prioritisation', 'choice']),
  cardIds: z.array(idSchema),
  verdict: z.enum(['passed', 'rejected', 'no_quorum', 'ranked']),
  reason: z.string(),
  counting: z.enum(['person', 'partner']),
  openedBy: idSchema,
  closedAt: instantSchema,
  closedBy: idSchema.nullable(),
  statement: outcomeStatementSchema,
  tally: voteTallySchema,
});
export type DecisionEntry = z.infer<typeof decisionEntrySchema>;
export const decisionEntriesSchema = z.array(decisionEntrySchema);

export const decisionsQuerySchema = z.strictObject({
  cardId: idSchema.optional(),
  /** Calendar days of the closing, `to` inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  verdict: z.enum(['passed', 'rejected', 'no_quorum', 'ranked']).optional(),
  format: z.enum(['json', 'csv', 'markdown']).optional(),
});
export type DecisionsQuery = z.infer<typeof decisionsQuerySchema>;
