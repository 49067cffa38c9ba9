import { z } from 'zod';
import { descriptionSchema, idSchema, instantSchema, line, text, titleSchema, type Id } from './model.js';

/**
 * Votes and decisions: the shapes that travel and are stored. The rules that count them are pure
 * functions in `server/src/domain/votes/`; both are specified in `docs/decision-rules.md`, whose
 * rule ids (D1, D2, …) are cited below.
 */

export const VOTE_KINDS = ['proposal', 'prioritisation', 'choice'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

export const BALLOT_POSITIONS = ['agree', 'abstain', 'disagree', 'block'] as const;
export const ballotPositionSchema = z.enum(BALLOT_POSITIONS);
export type BallotPosition = z.infer<typeof ballotPositionSchema>;

export const REASON_MODES = ['off', 'optional', 'required'] as const;
export const COUNTINGS = ['person', 'partner'] as const;
export const PARTNER_BALLOT_BY = ['representative', 'any_member'] as const;
export const PASS_RULES = ['simple_majority', 'two_thirds', 'unanimity', 'consent'] as const;
export const VISIBILITIES = ['live', 'after_own_ballot', 'after_close'] as const;

export const countingSchema = z.enum(COUNTINGS);
export type Counting = z.infer<typeof countingSchema>;
export const passRuleSchema = z.enum(PASS_RULES);
export type PassRule = z.infer<typeof passRuleSchema>;
export const visibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof visibilitySchema>;

export const VOTE_LIMITS = {
  reason: 2_000,
  optionLabel: 200,
  minOptions: 2,
  maxOptions: 20,
  minPrioritisedCards: 2,
  maxPrioritisedCards: 50,
  maxPoints: 100,
  linkedCards: 20,
  outcome: 5_000,
  eligiblePartners: 500,
  eligiblePeople: 10_000,
  /** One ballot history entry per change of mind; generous, but bounded. */
  ballots: 100_000,
} as const;

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

export const voteOptionSchema = z.strictObject({ id: idSchema, label: line(VOTE_LIMITS.optionLabel) });
export type VoteOption = z.infer<typeof voteOptionSchema>;

/** What is being voted on and how a ballot looks, per kind (D1). The pass rule belongs to proposals only (D24). */
export const voteKindConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('proposal'),
    reasonMode: z.enum(REASON_MODES),
    passRule: passRuleSchema,
  }),
  z.strictObject({
    kind: z.literal('prioritisation'),
    points: z.number().int().min(1).max(VOTE_LIMITS.maxPoints),
    cardIds: z
      .array(idSchema)
      .min(VOTE_LIMITS.minPrioritisedCards)
      .max(VOTE_LIMITS.maxPrioritisedCards)
      .refine(uniqueIds, 'cards must be distinct'),
  }),
  z.strictObject({
    kind: z.literal('choice'),
    options: z
      .array(voteOptionSchema)
      .min(VOTE_LIMITS.minOptions)
      .max(VOTE_LIMITS.maxOptions)
      .refine((options) => uniqueIds(options.map((o) => o.id)), 'option ids must be distinct'),
    maxChoices: z.number().int().min(1).max(VOTE_LIMITS.maxOptions),
  }),
]);
export type VoteKindConfig = z.infer<typeof voteKindConfigSchema>;
export type VoteConfigOf<K extends VoteKind> = Extract<VoteKindConfig, { kind: K }>;

/** Minimum participation (D17). An empty object means no quorum. */
export const quorumSchema = z.strictObject({
  minPartners: z.number().int().min(1).max(VOTE_LIMITS.eligiblePartners).optional(),
  minPeople: z.number().int().min(1).max(VOTE_LIMITS.eligiblePeople).optional(),
});
export type Quorum = z.infer<typeof quorumSchema>;

export const voteSettingsSchema = z
  .strictObject({
    title: titleSchema,
    description: descriptionSchema,
    /** The cards the vote is about; the decision links to them (D28). */
    cardIds: z.array(idSchema).max(VOTE_LIMITS.linkedCards).refine(uniqueIds, 'cards must be distinct'),
    config: voteKindConfigSchema,
    counting: countingSchema,
    /** Who may cast a partner's ballot (D11); ignored when counting per person. */
    partnerBallotBy: z.enum(PARTNER_BALLOT_BY),
    quorum: quorumSchema,
    visibility: visibilitySchema,
    anonymous: z.boolean(),
    /** Null: the vote stays open until closed by hand (D25). */
    closesAt: instantSchema.nullable(),
  })
  .superRefine((s, ctx) => {
    if (s.anonymous && s.counting !== 'person') {
      ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'partner ballots are always on the record (D5)' });
    }
    if (s.quorum.minPeople !== undefined && s.counting !== 'person') {
      ctx.addIssue({ code: 'custom', path: ['quorum', 'minPeople'], message: 'a quorum of people needs counting per person (D6)' });
    }
    if (s.config.kind === 'choice' && s.config.maxChoices > s.config.options.length) {
      ctx.addIssue({ code: 'custom', path: ['config', 'maxChoices'], message: 'more choices than options' });
    }
  });
export type VoteSettings = z.infer<typeof voteSettingsSchema>;

/** What a voter chooses, per kind (D7–D9). Checked against the vote's settings by the domain. */
export const ballotChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('proposal'), position: ballotPositionSchema, reason: text(VOTE_LIMITS.reason).optional() }),
  z.strictObject({
    kind: z.literal('choice'),
    /** Empty: the voter takes part but picks none (D8). */
    optionIds: z.array(idSchema).max(VOTE_LIMITS.maxOptions).refine(uniqueIds, 'options must be distinct'),
  }),
  z.strictObject({
    kind: z.literal('prioritisation'),
    /** Points per card id; cards left out get none. */
    allocations: z
      .record(idSchema, z.number().int().min(0).max(VOTE_LIMITS.maxPoints))
      .refine((a) => Object.keys(a).length <= VOTE_LIMITS.maxPrioritisedCards, 'too many cards'),
  }),
]);
export type BallotChoice = z.infer<typeof ballotChoiceSchema>;
export type BallotChoiceOf<K extends VoteKind> = Extract<BallotChoice, { kind: K }>;

/** One entry of a vote's ballot history. Earlier ballots of the same voter stay; the last one counts (D12). */
export const ballotSchema = z.strictObject({
  personId: idSchema,
  /** The partner the person cast for (their partner at the time of casting). */
  partnerId: idSchema,
  castAt: instantSchema,
  choice: ballotChoiceSchema,
  /** A deputy's ballot for their partner names the dezernent they stood in for ("on behalf of", A4). */
  onBehalfOf: idSchema.optional(),
});
export type Ballot = z.infer<typeof ballotSchema>;

/** Who may take part, frozen when the vote opens (D3). Ids sorted, distinct. */
export const eligibleSchema = z.strictObject({
  partnerIds: z.array(idSchema).max(VOTE_LIMITS.eligiblePartners).refine(uniqueIds, 'partners must be distinct'),
  personIds: z.array(idSchema).max(VOTE_LIMITS.eligiblePeople).refine(uniqueIds, 'people must be distinct'),
});
export type Eligible = z.infer<typeof eligibleSchema>;

const countsSchema = z.record(z.string(), z.number().int().min(0));

/**
 * Counts per option: proposal → position, choice → option id, prioritisation → card id (points).
 * Every option is present, with 0 when nobody chose it (D14).
 */
export const voteTallySchema = z.strictObject({
  options: countsSchema,
  /** The same counts per eligible partner; null for anonymous votes (D30). */
  partners: z.record(idSchema, countsSchema).nullable(),
  /** Voices counted: effective ballots of eligible voters. */
  voices: z.number().int().min(0),
});
export type VoteTally = z.infer<typeof voteTallySchema>;

const votedSchema = z.strictObject({ voted: z.array(idSchema), notYet: z.array(idSchema) });

/** Who has taken part; never says what they chose (D31). */
export const participationSchema = z.strictObject({ partners: votedSchema, people: votedSchema });
export type Participation = z.infer<typeof participationSchema>;

/** How many have taken part: the partners and people with a counted voice (D31, D38). */
export const turnoutSchema = z.strictObject({ partners: z.number().int().min(0), people: z.number().int().min(0) });
export type Turnout = z.infer<typeof turnoutSchema>;

export const quorumCheckSchema = z.strictObject({
  minPartners: z.number().int().nullable(),
  minPeople: z.number().int().nullable(),
  partners: z.number().int().min(0),
  people: z.number().int().min(0),
  met: z.boolean(),
});
export type QuorumCheck = z.infer<typeof quorumCheckSchema>;

export const VERDICT_REASONS = [
  'quorum_not_met',
  'blocked',
  'no_support',
  'majority_reached',
  'majority_not_reached',
  'unanimous',
  'not_all_voted',
  'disagreement',
  'no_block',
  'ranked',
] as const;
export type VerdictReason = (typeof VERDICT_REASONS)[number];

export const rankEntrySchema = z.strictObject({
  /** Option id (choice) or card id (prioritisation). */
  id: idSchema,
  score: z.number().int().min(0),
  /** Competition ranking: equal scores share a rank, the next rank skips (1, 2, 2, 4). */
  rank: z.number().int().min(1),
});
export type RankEntry = z.infer<typeof rankEntrySchema>;

const resultCommon = {
  reason: z.enum(VERDICT_REASONS),
  quorum: quorumCheckSchema,
  tally: voteTallySchema,
  /** Null in anonymous votes: only the counts are recorded, in `quorum` (D38). */
  participation: participationSchema.nullable(),
};

export const voteResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('proposal'), verdict: z.enum(['passed', 'rejected', 'no_quorum']), ...resultCommon }),
  z.strictObject({
    kind: z.enum(['choice', 'prioritisation']),
    verdict: z.enum(['ranked', 'no_quorum']),
    ranking: z.array(rankEntrySchema),
    ...resultCommon,
  }),
]);
export type VoteResult = z.infer<typeof voteResultSchema>;
export type ProposalResult = Extract<VoteResult, { kind: 'proposal' }>;
export type RankingResult = Exclude<VoteResult, { kind: 'proposal' }>;
export type Verdict = VoteResult['verdict'];

export const outcomeStatementSchema = z.strictObject({ text: line(VOTE_LIMITS.outcome), by: idSchema, at: instantSchema });
export type OutcomeStatement = z.infer<typeof outcomeStatementSchema>;

/** A vote as the projection holds it (server side: with every ballot, see `VoteView` for clients). */
export type OpenVote = {
  id: Id;
  settings: VoteSettings;
  openedAt: string;
  openedBy: Id;
  eligible: Eligible;
  /** The session it was opened in; its `eligible` was then taken from that session's attendance (M17). */
  sessionId?: Id;
  /** Full history in log order. */
  ballots: Ballot[];
  status: 'open';
};

export type ClosedVote = Omit<OpenVote, 'status'> & {
  status: 'closed';
  closedAt: string;
  /** Null: closed by the server at the closing time (D26). */
  closedBy: Id | null;
  result: VoteResult;
  outcome: OutcomeStatement | null;
  /** Set when the outcome is recorded and the vote becomes a decision (D28). */
  decisionId: Id | null;
};

export type Vote = OpenVote | ClosedVote;

/** A recorded decision: the outcome of a closed vote, linked to what was decided (D28). */
export type DecisionRecord = {
  id: Id;
  voteId: Id;
  cardIds: Id[];
  verdict: Verdict;
  statement: OutcomeStatement;
};

/** What one viewer may see of a vote (D29–D32): hidden parts are null, never omitted silently. */
export type VoteView = Omit<OpenVote, 'ballots' | 'status'> & {
  status: Vote['status'];
  closedAt: string | null;
  closedBy: Id | null;
  /** Who has voted and who not yet; null in anonymous votes (D38). */
  participation: Participation | null;
  /** How many have voted, in every vote. */
  turnout: Turnout;
  /** Null while results are hidden for this viewer; in anonymous votes until close (D37). */
  tally: VoteTally | null;
  /** Who cast what, history included; null while hidden, always null for anonymous votes. */
  ballots: Ballot[] | null;
  /** The ballot that counts for the viewer's voice (their own, or their partner's). */
  ownBallot: Ballot | null;
  result: VoteResult | null;
  outcome: OutcomeStatement | null;
  decisionId: Id | null;
  /** Whether results are visible to this viewer now. */
  resultsVisible: boolean;
};

/** Every card a vote concerns: its linked cards and, for prioritisation, the cards being prioritised. */
export function voteCardIds(settings: VoteSettings): Id[] {
  const prioritised = settings.config.kind === 'prioritisation' ? settings.config.cardIds : [];
  return [...new Set([...settings.cardIds, ...prioritised])];
}
