import { z } from 'zod';
import { idSchema, instantSchema, line } from './model.js';
import {
  ballotChoiceSchema,
  ballotSchema,
  eligibleSchema,
  outcomeStatementSchema,
  participationSchema,
  turnoutSchema,
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
  /** With `sessionId`, the vote is opened in that running session and its entitled are those attending (M17). */
  'vote.open': z.strictObject({ voteId: idSchema, settings: voteSettingsSchema, sessionId: idSchema.optional() }),
  'vote.cast': z.strictObject({ voteId: idSchema, choice: ballotChoiceSchema }),
  'vote.close': z.strictObject({ voteId: idSchema }),
  'vote.record_outcome': z.strictObject({ voteId: idSchema, decisionId: idSchema, text: line(VOTE_LIMITS.outcome) }),
} as const;

/**
 * A ballot as clients receive it in events (D34): who and when, never what. In anonymous votes it
 * names nobody, and the moment only to the minute (D39). The choice reaches clients only through
 * their own `VoteView`.
 */
export const sealedBallotSchema = z.strictObject({
  personId: idSchema.nullable(),
  partnerId: idSchema.nullable(),
  castAt: instantSchema,
  onBehalfOf: idSchema.optional(),
  sealed: z.literal(true),
});
export type SealedBallot = z.infer<typeof sealedBallotSchema>;

/** The secret of one stored ballot (D40): 128 bits as hex. */
export const ballotSealSchema = z.string().regex(/^[0-9a-f]{32}$/);

export const openVoteSchema = z.strictObject({
  id: idSchema,
  settings: voteSettingsSchema,
  openedAt: instantSchema,
  openedBy: idSchema,
  eligible: eligibleSchema,
  sessionId: idSchema.optional(),
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
  /**
   * Stored with the full ballot and its `seal`, 128 random bits that the hash covers so that it
   * cannot be tested against guessed choices (D40); sent to clients sealed, without it (D34, D39).
   * Ballots stored before D40 have no seal.
   */
  'vote.ballot_cast': z.strictObject({ voteId: idSchema, ballot: z.union([ballotSchema, sealedBallotSchema]), seal: ballotSealSchema.optional() }),
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
  sessionId: idSchema.optional(),
  status: z.enum(['open', 'closed']),
  closedAt: instantSchema.nullable(),
  closedBy: idSchema.nullable(),
  participation: participationSchema.nullable(),
  turnout: turnoutSchema,
  tally: voteTallySchema.nullable(),
  ballots: z.array(ballotSchema).nullable(),
  ownBallot: ballotSchema.nullable(),
  result: voteResultSchema.nullable(),
  outcome: outcomeStatementSchema.nullable(),
  decisionId: idSchema.nullable(),
  resultsVisible: z.boolean(),
}) satisfies z.ZodType<VoteView>;
export const voteViewsSchema = z.array(voteViewSchema);

/** A vote's entry in the decision register ("Beschlüsse", `decision-register.ts`): a closed vote with its outcome (D28). */
export const decisionEntrySchema = z.strictObject({
  type: z.literal('vote'),
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
