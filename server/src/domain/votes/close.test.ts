import { describe, expect, it } from 'vitest';
import { closeVote } from './close.js';
import { dueVotes, nextClosingAt } from './due.js';
import { at, ballot, openVote, person, pos, settings, uuid } from '../../test-support/vote-fixtures.js';

describe('closeVote', () => {
  it('D25 by hand: dated when closed, by whom, with the result', () => {
    const vote = openVote({ settings: settings({ closesAt: null }), ballots: [ballot(1, 1, pos('agree'))] });
    const closed = closeVote(vote, { by: 'person', personId: person(1, 1), at: at(20) });
    expect(closed).toMatchObject({ status: 'closed', closedAt: at(20), closedBy: person(1, 1), outcome: null, decisionId: null });
    expect(closed?.result.verdict).toBe('passed');
    expect(closed?.ballots).toEqual(vote.ballots);
  });

  it('D25 a hand close after the closing time is dated at the closing time', () => {
    const closed = closeVote(openVote({ settings: settings({ closesAt: at(30) }) }), { by: 'person', personId: person(1, 1), at: at(45) });
    expect(closed?.closedAt).toBe(at(30));
  });

  it('D26 a scheduled close is dated at the closing time, whenever it runs, and has no person', () => {
    const vote = openVote({
      settings: settings({ closesAt: at(30) }),
      ballots: [ballot(1, 1, pos('agree'), 10), ballot(2, 1, pos('block'), 31)],
    });
    const closed = closeVote(vote, { by: 'schedule' });
    expect(closed).toMatchObject({ closedAt: at(30), closedBy: null });
    expect(closed?.result.verdict).toBe('passed');
    expect(closeVote(openVote({ settings: settings({ closesAt: null }) }), { by: 'schedule' })).toBeNull();
  });
});

describe('dueVotes', () => {
  const v = (n: number, closesAt: string | null, status: 'open' | 'closed' = 'open') => ({
    id: uuid(n),
    status,
    settings: { closesAt },
  });

  it('D26 open votes whose closing time is at or before now, earliest first, ties by id', () => {
    const votes = [v(3, at(20)), v(1, at(10)), v(2, at(20)), v(4, at(21)), v(5, null), v(6, at(5), 'closed')];
    expect(dueVotes(votes, at(20)).map((x) => x.id)).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(dueVotes(votes, at(9))).toEqual([]);
  });

  it('D26 after a restart, everything that fell due meanwhile is due at once', () => {
    const votes = [v(1, at(10)), v(2, at(40))];
    expect(dueVotes(votes, '2026-05-05T08:00:00.000Z').map((x) => x.id)).toEqual([uuid(1), uuid(2)]);
  });

  it('D26 nextClosingAt: the earliest closing time of an open vote', () => {
    expect(nextClosingAt([v(1, at(30)), v(2, at(15)), v(3, at(5), 'closed'), v(4, null)])).toBe(at(15));
    expect(nextClosingAt([v(4, null)])).toBeNull();
  });
});
