import { describe, expect, it } from 'vitest';
import type { Ballot, BallotPosition, PassRule, Quorum, VoteResult } from '@verbund/shared/votes';
import { computeResult, rank } from './result.js';
import {
  CARDS,
  OPTIONS,
  ballot,
  choiceConfig,
  openVote,
  picks,
  points,
  pos,
  prioritisationConfig,
  proposalConfig,
  settings,
} from '../../test-support/vote-fixtures.js';

const [o1 = '', o2 = '', o3 = ''] = OPTIONS;
const [c1 = '', c2 = '', c3 = ''] = CARDS;

/** Partner i (1-based) casts positions[i-1]; undefined: does not vote. */
function byPartners(rule: PassRule, positions: (BallotPosition | undefined)[], quorum: Quorum = {}): VoteResult {
  const ballots: Ballot[] = [];
  positions.forEach((position, i) => {
    if (position) ballots.push(ballot(i + 1, 1, pos(position)));
  });
  return computeResult(openVote({ settings: settings({ counting: 'partner', config: proposalConfig(rule), quorum }), ballots }));
}

const verdict = (r: VoteResult) => [r.verdict, r.reason];

describe('quorum', () => {
  it('D17 minPartners counts partners that voted, abstentions and blocks included', () => {
    expect(verdict(byPartners('consent', ['agree', 'abstain'], { minPartners: 3 }))).toEqual(['no_quorum', 'quorum_not_met']);
    expect(verdict(byPartners('simple_majority', ['agree', 'abstain', 'abstain'], { minPartners: 3 }))).toEqual(['passed', 'majority_reached']);
  });

  it('D17 per person: minPeople counts people, minPartners partners with at least one voter; both must hold', () => {
    const vote = (quorum: Quorum) =>
      computeResult(
        openVote({
          settings: settings({ counting: 'person', config: proposalConfig('simple_majority'), quorum }),
          ballots: [ballot(1, 1, pos('agree')), ballot(1, 2, pos('agree')), ballot(2, 1, pos('disagree'))],
        }),
      );
    expect(vote({ minPeople: 3 }).verdict).toBe('passed');
    expect(vote({ minPeople: 4 }).verdict).toBe('no_quorum');
    expect(vote({ minPartners: 2 }).verdict).toBe('passed');
    expect(vote({ minPeople: 3, minPartners: 3 }).verdict).toBe('no_quorum');
    expect(vote({ minPeople: 3, minPartners: 2 }).quorum).toEqual({ minPartners: 2, minPeople: 3, partners: 2, people: 3, met: true });
  });

  it('D18 quorum comes first: a vote without quorum is no_quorum even when blocked', () => {
    expect(verdict(byPartners('consent', ['block'], { minPartners: 2 }))).toEqual(['no_quorum', 'quorum_not_met']);
  });
});

describe('pass rules of a proposal', () => {
  it('D19 nobody agreed: rejected under every rule', () => {
    for (const rule of ['simple_majority', 'two_thirds', 'unanimity', 'consent'] as const) {
      expect(verdict(byPartners(rule, ['abstain', 'abstain', 'abstain', 'abstain']))).toEqual(['rejected', 'no_support']);
      expect(verdict(byPartners(rule, []))).toEqual(['rejected', 'no_support']);
    }
  });

  it('D20 simple majority: agree against disagree and block, abstentions not counted, a tie fails', () => {
    expect(verdict(byPartners('simple_majority', ['agree', 'abstain', 'abstain', 'abstain']))).toEqual(['passed', 'majority_reached']);
    expect(verdict(byPartners('simple_majority', ['agree', 'agree', 'disagree', 'abstain']))).toEqual(['passed', 'majority_reached']);
    expect(verdict(byPartners('simple_majority', ['agree', 'disagree']))).toEqual(['rejected', 'majority_not_reached']);
    expect(verdict(byPartners('simple_majority', ['agree', 'agree', 'disagree', 'block']))).toEqual(['rejected', 'majority_not_reached']);
  });

  it('D20 two-thirds: at least two thirds of agree + disagree + block', () => {
    expect(verdict(byPartners('two_thirds', ['agree', 'agree', 'disagree', 'abstain']))).toEqual(['passed', 'majority_reached']);
    expect(verdict(byPartners('two_thirds', ['agree', 'agree', 'disagree', 'disagree']))).toEqual(['rejected', 'majority_not_reached']);
    expect(verdict(byPartners('two_thirds', ['agree', 'agree', 'block']))).toEqual(['passed', 'majority_reached']);
  });

  it('D20 under majority rules a block counts as a no, not as a veto', () => {
    expect(verdict(byPartners('simple_majority', ['agree', 'agree', 'agree', 'block']))).toEqual(['passed', 'majority_reached']);
  });

  it('D21 unanimity: every partner voted, none disagreed or blocked, abstaining allowed', () => {
    expect(verdict(byPartners('unanimity', ['agree', 'agree', 'agree', 'agree']))).toEqual(['passed', 'unanimous']);
    expect(verdict(byPartners('unanimity', ['agree', 'abstain', 'agree', 'abstain']))).toEqual(['passed', 'unanimous']);
    expect(verdict(byPartners('unanimity', ['agree', 'agree', 'agree', undefined]))).toEqual(['rejected', 'not_all_voted']);
    expect(verdict(byPartners('unanimity', ['agree', 'agree', 'agree', 'disagree']))).toEqual(['rejected', 'disagreement']);
  });

  it('D21 unanimity per person: every eligible person', () => {
    const ballots: Ballot[] = [1, 2, 3, 4].flatMap((p) => [1, 2, 3].map((k) => ballot(p, k, pos('agree'))));
    const vote = (bs: Ballot[]) =>
      computeResult(openVote({ settings: settings({ counting: 'person', config: proposalConfig('unanimity') }), ballots: bs }));
    expect(verdict(vote(ballots))).toEqual(['passed', 'unanimous']);
    expect(verdict(vote(ballots.slice(1)))).toEqual(['rejected', 'not_all_voted']);
  });

  it('D22 consent: passes without a block, disagreement does not defeat', () => {
    expect(verdict(byPartners('consent', ['agree', 'disagree', 'disagree', 'disagree']))).toEqual(['passed', 'no_block']);
    expect(verdict(byPartners('consent', ['agree', undefined, undefined, undefined]))).toEqual(['passed', 'no_block']);
  });

  it('D23 one block defeats under unanimity and consent', () => {
    expect(verdict(byPartners('unanimity', ['agree', 'agree', 'agree', 'block']))).toEqual(['rejected', 'blocked']);
    expect(verdict(byPartners('consent', ['agree', 'agree', 'agree', 'block']))).toEqual(['rejected', 'blocked']);
    expect(verdict(byPartners('unanimity', ['agree', 'block', undefined, undefined]))).toEqual(['rejected', 'blocked']);
  });

  it('D23 a withdrawn block no longer defeats (the last ballot counts)', () => {
    const vote = openVote({
      settings: settings({ counting: 'partner', config: proposalConfig('consent') }),
      ballots: [ballot(1, 1, pos('agree'), 1), ballot(2, 1, pos('block'), 2), ballot(2, 2, pos('abstain'), 3)],
    });
    expect(verdict(computeResult(vote))).toEqual(['passed', 'no_block']);
  });
});

describe('rankings', () => {
  it('D24 choice: ranked by count, ties share a rank and keep the listed order', () => {
    const result = computeResult(
      openVote({
        settings: settings({ counting: 'person', config: choiceConfig(2) }),
        ballots: [ballot(1, 1, picks(o3, o2)), ballot(2, 1, picks(o3)), ballot(3, 1, picks(o2))],
      }),
    );
    expect(result.verdict).toBe('ranked');
    expect(result.kind !== 'proposal' && result.ranking).toEqual([
      { id: o2, score: 2, rank: 1 },
      { id: o3, score: 2, rank: 1 },
      { id: o1, score: 0, rank: 3 },
    ]);
  });

  it('D24 prioritisation: ranked by points; no quorum still ranks', () => {
    const result = computeResult(
      openVote({
        settings: settings({ counting: 'partner', config: prioritisationConfig(5), quorum: { minPartners: 3 } }),
        ballots: [ballot(1, 1, points({ [c3]: 5 })), ballot(2, 1, points({ [c1]: 2, [c3]: 3 }))],
      }),
    );
    expect([result.verdict, result.reason]).toEqual(['no_quorum', 'quorum_not_met']);
    expect(result.kind !== 'proposal' && result.ranking.map((e) => [e.id, e.score, e.rank])).toEqual([
      [c3, 8, 1],
      [c1, 2, 2],
      [c2, 0, 3],
    ]);
  });

  it('D24 competition ranking: 1, 2, 2, 4', () => {
    expect(rank(['a', 'b', 'c', 'd'], { a: 5, b: 3, c: 3, d: 1 }).map((e) => e.rank)).toEqual([1, 2, 2, 4]);
  });
});

describe('determinism', () => {
  it('D27 the result records tally and participation, and is the same when computed again', () => {
    const vote = openVote({ ballots: [ballot(1, 1, pos('agree')), ballot(2, 2, pos('disagree'))] });
    const result = computeResult(vote);
    expect(result.tally.options).toEqual({ agree: 1, abstain: 0, disagree: 1, block: 0 });
    expect(result.participation?.partners.voted).toHaveLength(2);
    expect(computeResult(structuredClone(vote))).toEqual(result);
  });

  it('D38 an anonymous result records how many took part, not who', () => {
    const vote = openVote({ settings: settings({ counting: 'person', anonymous: true }), ballots: [ballot(1, 1, pos('agree')), ballot(1, 2, pos('block')), ballot(2, 1, pos('agree'))] });
    const result = computeResult(vote);
    expect(result.participation).toBeNull();
    expect(result.quorum).toMatchObject({ partners: 2, people: 3 });
    expect(JSON.stringify(result)).not.toContain(ballot(1, 1, pos('agree')).personId);
  });
});
