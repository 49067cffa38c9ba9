import type {
  PassRule,
  ProposalResult,
  QuorumCheck,
  RankEntry,
  VoteResult,
  VoteTally,
} from '@verbund/shared/votes';
import { effectiveBallots } from './effective-ballots.js';
import { votingUnits, type CountableVote } from './eligible.js';
import { optionKeys, participationOf, tallyVote } from './tally.js';

/**
 * The result of a vote from its settings, frozen eligible set and ballot history alone (D27): the
 * same inputs give the same result whenever and wherever it is computed. Works on an open vote
 * too, for a provisional result ("if it closed now").
 */
export function computeResult(vote: CountableVote): VoteResult {
  const effective = effectiveBallots(vote);
  const tally = tallyVote(vote, effective);
  const participation = participationOf(vote, effective);
  const quorum = checkQuorum(vote, participation.partners.voted.length, participation.people.voted.length);
  // D38: an anonymous vote records how many took part (in `quorum`), not who.
  const common = { quorum, tally, participation: vote.settings.anonymous ? null : participation };
  const config = vote.settings.config;
  if (config.kind === 'proposal') {
    const { verdict, reason } = quorum.met
      ? proposalVerdict(config.passRule, tally, votingUnits(vote).length)
      : ({ verdict: 'no_quorum', reason: 'quorum_not_met' } as const);
    return { kind: 'proposal', verdict, reason, ...common };
  }
  const ranking = rank(optionKeys(vote.settings), tally.options);
  return quorum.met
    ? { kind: config.kind, verdict: 'ranked', reason: 'ranked', ranking, ...common }
    : { kind: config.kind, verdict: 'no_quorum', reason: 'quorum_not_met', ranking, ...common };
}

/**
 * Quorum (D17): partners with a counted voice (per person: with at least one counted person)
 * and, per person, people with a counted voice. Abstentions and blocks are participation.
 */
export function checkQuorum(vote: CountableVote, partnersVoted: number, peopleVoted: number): QuorumCheck {
  const minPartners = vote.settings.quorum.minPartners ?? null;
  const minPeople = vote.settings.quorum.minPeople ?? null;
  const met = (minPartners === null || partnersVoted >= minPartners) && (minPeople === null || peopleVoted >= minPeople);
  return { minPartners, minPeople, partners: partnersVoted, people: peopleVoted, met };
}

type ProposalVerdict = Pick<ProposalResult, 'verdict' | 'reason'>;

/**
 * The pass rules for a proposal whose quorum is met (D18–D23). `units` is the number of eligible
 * voices (partners or people), which unanimity needs.
 */
export function proposalVerdict(rule: PassRule, tally: VoteTally, units: number): ProposalVerdict {
  const count = (position: string) => tally.options[position] ?? 0;
  const agree = count('agree');
  const disagree = count('disagree');
  const block = count('block');
  if (block > 0 && (rule === 'unanimity' || rule === 'consent')) return rejected('blocked');
  if (agree === 0) return rejected('no_support');
  switch (rule) {
    case 'simple_majority':
      return agree > disagree + block ? passed('majority_reached') : rejected('majority_not_reached');
    case 'two_thirds':
      return 3 * agree >= 2 * (agree + disagree + block) ? passed('majority_reached') : rejected('majority_not_reached');
    case 'unanimity':
      if (disagree > 0) return rejected('disagreement');
      return tally.voices >= units ? passed('unanimous') : rejected('not_all_voted');
    case 'consent':
      return passed('no_block');
  }
}

const passed = (reason: ProposalVerdict['reason']): ProposalVerdict => ({ verdict: 'passed', reason });
const rejected = (reason: ProposalVerdict['reason']): ProposalVerdict => ({ verdict: 'rejected', reason });

/**
 * Ranking for choice and prioritisation (D24): highest score first; equal scores share a rank
 * (1, 2, 2, 4) and keep the order in which the vote lists them.
 */
export function rank(keys: readonly string[], scores: Record<string, number>): RankEntry[] {
  const sorted = keys
    .map((id, order) => ({ id, score: scores[id] ?? 0, order }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  return sorted.map(({ id, score }) => ({ id, score, rank: 1 + sorted.filter((o) => o.score > score).length }));
}
