import { describe, expect, it } from 'vitest';
import { effectiveBallotOf, effectiveBallots } from './effective-ballots.js';
import { at, ballot, openVote, partner, person, pos, settings, uuid } from '../../test-support/vote-fixtures.js';

describe('effectiveBallots', () => {
  it('D12 the latest ballot of a person counts; earlier ones stay in the history', () => {
    const vote = openVote({
      settings: settings({ counting: 'person' }),
      ballots: [ballot(1, 1, pos('agree'), 1), ballot(1, 1, pos('disagree'), 5), ballot(2, 1, pos('agree'), 2)],
    });
    expect(effectiveBallotOf(vote, person(1, 1))?.choice).toEqual(pos('disagree'));
    expect(effectiveBallots(vote)).toHaveLength(2);
    expect(vote.ballots).toHaveLength(3);
  });

  it('D12 per partner, the last ballot by any of its people counts', () => {
    const vote = openVote({
      settings: settings({ counting: 'partner' }),
      ballots: [ballot(1, 1, pos('agree'), 1), ballot(1, 2, pos('block'), 3), ballot(1, 3, pos('abstain'), 2)],
    });
    expect(effectiveBallots(vote)).toEqual([{ voterKey: partner(1), ballot: ballot(1, 2, pos('block'), 3) }]);
  });

  it('D12 by time, not by place in the history; equal times: the later in the history', () => {
    const late = ballot(1, 1, pos('agree'), 9);
    const early = ballot(1, 1, pos('disagree'), 2);
    expect(effectiveBallots(openVote({ ballots: [late, early] }))[0]?.ballot).toBe(late);
    const first = ballot(1, 1, pos('agree'), 4);
    const second = ballot(1, 2, pos('block'), 4);
    expect(effectiveBallots(openVote({ ballots: [first, second] }))[0]?.ballot).toBe(second);
  });

  it('D13 ballots from outside the eligible set never count', () => {
    const outsider = { personId: uuid(999), partnerId: partner(1), castAt: at(1), choice: pos('block') };
    const laterPartner = { personId: uuid(998), partnerId: uuid(5), castAt: at(1), choice: pos('block') };
    const moved = { personId: person(1, 1), partnerId: uuid(5), castAt: at(1), choice: pos('block') };
    expect(effectiveBallots(openVote({ ballots: [outsider, laterPartner, moved] }))).toEqual([]);
  });

  it('D13 ballots at or after the closing time never count', () => {
    const vote = openVote({
      settings: settings({ closesAt: at(10) }),
      ballots: [ballot(1, 1, pos('agree'), 9), ballot(1, 1, pos('block'), 10), ballot(2, 1, pos('block'), 11)],
    });
    expect(effectiveBallots(vote).map((e) => e.ballot.choice)).toEqual([pos('agree')]);
  });

  it('D13 a ballot whose choice does not fit the vote never counts, and does not displace an earlier one', () => {
    const vote = openVote({ ballots: [ballot(1, 1, pos('agree'), 1), ballot(1, 1, { kind: 'choice', optionIds: [] }, 2)] });
    expect(effectiveBallots(vote).map((e) => e.ballot.choice)).toEqual([pos('agree')]);
  });
});
